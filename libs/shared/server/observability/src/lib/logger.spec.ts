import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { runWithRequestId, sanitizeRequestId } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON with the service and the current request id', () => {
    const { lines, stream } = capture();
    const logger = createLogger('meetings', 'info', stream);
    runWithRequestId('req-123', () => logger.info({ meetingId: 'm1' }, 'started'));
    expect(lines[0]).toMatchObject({ service: 'meetings', requestId: 'req-123', msg: 'started', level: 'info' });
  });

  it('never writes secrets', () => {
    const { lines, stream } = capture();
    const logger = createLogger('identity', 'info', stream);
    logger.info({ password: 'pw1', body: { token: 't0k' }, headers: { authorization: 'Bearer x' } }, 'login');
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('pw1');
    expect(text).not.toContain('t0k');
    expect(text).not.toContain('Bearer x');
  });
});

describe('sanitizeRequestId', () => {
  it('keeps plain ids and drops anything that could forge a log line', () => {
    expect(sanitizeRequestId('abc-123')).toBe('abc-123');
    expect(sanitizeRequestId('a\nb')).toBeUndefined();
    expect(sanitizeRequestId('x'.repeat(200))).toBeUndefined();
    expect(sanitizeRequestId(undefined)).toBeUndefined();
  });
});
