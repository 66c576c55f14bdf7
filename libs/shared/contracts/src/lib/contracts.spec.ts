import { apiBase, isServiceName, SERVICE_NAMES } from './services';
import { isErrorBody } from './errors';
import { eventStreamName, DomainEvent } from './events';
import { isHealthReport } from './health';
import { rpcPattern } from './rpc';

class SampleEvent extends DomainEvent<{ id: string }> {
  static readonly type = 'meetings.sample.happened';
  static readonly version = 2;
  static readonly producer = 'meetings' as const;
}

describe('shared contracts', () => {
  it('routes every service under /api/<service>, the path the edge, ALB and CloudFront use', () => {
    expect(SERVICE_NAMES.map(apiBase)).toEqual(['/api/identity', '/api/meetings', '/api/chat', '/api/recording', '/api/analytics']);
    expect(isServiceName('chat')).toBe(true);
    expect(isServiceName('billing')).toBe(false);
  });

  it('names RPC patterns and event streams after the owning service', () => {
    expect(rpcPattern('identity', 'info')).toBe('identity.info');
    expect(eventStreamName('confer', 'meetings')).toBe('confer:events:meetings');
  });

  it('describes an event by its class: type, version and producer', () => {
    expect(new SampleEvent({ id: 'x' }).describe()).toEqual({ type: 'meetings.sample.happened', version: 2, producer: 'meetings' });
  });

  it('recognises error bodies and health reports', () => {
    expect(isErrorBody({ code: 'NOT_FOUND', message: 'gone' })).toBe(true);
    expect(isErrorBody({ statusCode: 404, message: 'gone' })).toBe(false);
    expect(isHealthReport({ live: true, ready: false, checks: { redis: { status: 'down' } } })).toBe(true);
    expect(isHealthReport('<html>')).toBe(false);
  });
});
