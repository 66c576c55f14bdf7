import { HttpErrorResponse } from '@angular/common/http';
import { TimeoutError } from 'rxjs';
import type { HealthReport } from '@confer/shared/contracts';
import { statusFromBody, statusFromError } from './service-status';

const report = (ready: boolean, checks: HealthReport['checks']): HealthReport => ({
  service: 'chat',
  version: '0.1.0',
  status: ready ? 'ok' : 'unavailable',
  live: true,
  ready,
  uptimeSeconds: 7300,
  checks,
});

describe('service status', () => {
  it('is operational when the service is ready', () => {
    expect(statusFromBody('chat', report(true, { database: { status: 'up' }, redis: { status: 'up' } }))).toEqual({
      service: 'chat',
      state: 'operational',
      detail: 'Version 0.1.0, up 2 h 1 min',
    });
  });

  it('is degraded, naming what is down, when a 503 carries a health report', () => {
    const error = new HttpErrorResponse({ status: 503, error: report(false, { database: { status: 'down' }, redis: { status: 'down' } }) });
    expect(statusFromError('chat', error, 8)).toMatchObject({ state: 'degraded', detail: 'Database and redis are down' });
  });

  it('is unreachable when nothing, or something other than the service, answers', () => {
    expect(statusFromError('chat', new HttpErrorResponse({ status: 0 }), 8)).toMatchObject({ state: 'unreachable', detail: 'No answer from the server.' });
    expect(statusFromError('chat', new TimeoutError(), 8)).toMatchObject({ state: 'unreachable', detail: 'No answer within 8 seconds.' });
    expect(statusFromBody('chat', '<html>')).toMatchObject({ state: 'unreachable' });
    expect(
      statusFromError('chat', new HttpErrorResponse({ status: 503, error: { code: 'SERVICE_UNAVAILABLE', message: 'The chat service is not reachable right now.' } }), 8),
    ).toMatchObject({ state: 'unreachable', detail: 'The chat service is not reachable right now.' });
  });
});
