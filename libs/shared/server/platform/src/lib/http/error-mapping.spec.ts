import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@confer/shared/util';
import { mapError } from './error-mapping';

describe('mapError', () => {
  it('maps a domain error by its kind and keeps its code and details', () => {
    expect(mapError(new DomainError('MEETING_LOCKED', 'conflict', 'The meeting is locked', { id: 'm1' }))).toEqual({
      status: 409,
      body: { code: 'MEETING_LOCKED', message: 'The meeting is locked', details: { id: 'm1' } },
      unexpected: false,
    });
    expect(mapError(new DomainError('SLOW_DOWN', 'rate_limited', 'Too many')).status).toBe(429);
  });

  it('tells a rate-limited caller when to retry, in whole seconds rounded up', () => {
    const limited = (details?: unknown) => mapError(new DomainError('RATE_LIMITED', 'rate_limited', 'Too many attempts.', details));
    expect(limited({ retryAfterSeconds: 30 })).toMatchObject({ status: 429, headers: { 'retry-after': '30' } });
    expect(limited({ retryAfterSeconds: 1.2 }).headers).toEqual({ 'retry-after': '2' });
    expect(limited({ retryAfterSeconds: 30 }).body.details).toEqual({ retryAfterSeconds: 30 });
    for (const details of [undefined, {}, { retryAfterSeconds: 0 }, { retryAfterSeconds: -5 }, { retryAfterSeconds: '30' }, { retryAfterSeconds: Infinity }]) {
      expect(limited(details).headers).toBeUndefined();
    }
  });

  it('sends Retry-After for rate limiting and a busy service only', () => {
    expect(mapError(new DomainError('BUSY', 'unavailable', 'Busy', { retryAfterSeconds: 5 })).headers).toEqual({ 'retry-after': '5' });
    expect(mapError(new DomainError('TAKEN', 'conflict', 'Taken', { retryAfterSeconds: 5 })).headers).toBeUndefined();
  });

  it('answers a full database connection pool with a retryable 503, not a 500', () => {
    expect(mapError(new Error('timeout exceeded when trying to connect'))).toEqual({
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: 'The service is busy. Try again in a moment.', details: { retryAfterSeconds: 1 } },
      unexpected: false,
      headers: { 'retry-after': '1' },
    });
    expect(mapError(new Error('timeout exceeded')).status).toBe(500);
  });

  it('gives Nest HTTP exceptions a stable code', () => {
    expect(mapError(new NotFoundException('Cannot GET /x')).body).toEqual({ code: 'NOT_FOUND', message: 'Cannot GET /x' });
    expect(mapError(new BadRequestException('bad')).status).toBe(400);
  });

  it('keeps Fastify client errors 4xx', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(mapError(tooLarge)).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('hides the details of anything unexpected behind a 500', () => {
    const mapped = mapError(new Error('connection string postgres://u:secret@db'));
    expect(mapped).toEqual({ status: 500, body: { code: 'INTERNAL', message: 'Something went wrong on our side.' }, unexpected: true });
  });
});
