import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

describe('refresh cookie', () => {
  const request = (cookie?: string) => ({ headers: { cookie } }) as unknown as FastifyRequest;

  it('reads only a well-formed confer_refresh value', () => {
    const token = 'A'.repeat(43);
    expect(readRefreshCookie(request(`theme=dark; confer_refresh=${token}; x=1`))).toBe(token);
    expect(readRefreshCookie(request('confer_refresh=short'))).toBeUndefined();
    expect(readRefreshCookie(request('confer_refresh=' + 'A'.repeat(30) + ';%00'))).toBe('A'.repeat(30));
    expect(readRefreshCookie(request(undefined))).toBeUndefined();
  });

  it('sets an httpOnly, SameSite=Strict, path-scoped cookie, Secure unless turned off', () => {
    const headers: string[] = [];
    const reply = { header: (_: string, value: string) => headers.push(value) } as unknown as FastifyReply;
    setRefreshCookie(reply, 'tok', 60, true);
    clearRefreshCookie(reply, false);
    expect(headers[0]).toBe('confer_refresh=tok; Path=/api/identity/auth; Max-Age=60; HttpOnly; SameSite=Strict; Secure');
    expect(headers[1]).toBe('confer_refresh=; Path=/api/identity/auth; Max-Age=0; HttpOnly; SameSite=Strict');
  });
});
