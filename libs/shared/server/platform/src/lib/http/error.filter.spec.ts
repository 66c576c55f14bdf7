import type { ArgumentsHost } from '@nestjs/common';
import type { Logger } from '@confer/shared/server/observability';
import { DomainError } from '@confer/shared/util';
import { ErrorFilter } from './error.filter';

/** A Fastify reply that remembers what was set on it. */
function fakeReply() {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const reply = {
    status: (code: number) => ((sent.status = code), reply),
    header: (name: string, value: string) => ((sent.headers[name] = value), reply),
    headers: (values: Record<string, string>) => (Object.assign(sent.headers, values), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  return { reply, sent };
}

function httpHost(reply: unknown): ArgumentsHost {
  return { getType: () => 'http', switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
}

describe('ErrorFilter over HTTP', () => {
  const filter = new ErrorFilter({ error: jest.fn() } as unknown as Logger);

  it('answers a rate-limited request with 429, Retry-After and the JSON body', () => {
    const { reply, sent } = fakeReply();
    const error = new DomainError('RATE_LIMITED', 'rate_limited', 'Too many attempts. Try again in 42 seconds.', { retryAfterSeconds: 42 });
    filter.catch(error, httpHost(reply));
    expect(sent.status).toBe(429);
    expect(sent.headers).toMatchObject({ 'retry-after': '42', 'content-type': 'application/json; charset=utf-8' });
    expect(sent.body).toEqual({ code: 'RATE_LIMITED', message: error.message, details: { retryAfterSeconds: 42 } });
  });

  it('sets no Retry-After on other errors', () => {
    const { reply, sent } = fakeReply();
    filter.catch(new DomainError('MEETING_LOCKED', 'conflict', 'Locked'), httpHost(reply));
    expect(sent.status).toBe(409);
    expect(sent.headers['retry-after']).toBeUndefined();
  });
});
