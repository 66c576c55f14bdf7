import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_COOKIE } from '@confer/identity/contracts';
import { apiBase } from '@confer/shared/contracts';

/** The refresh token lives only in this cookie: httpOnly, SameSite=Strict, sent only to the auth routes. */
const PATH = `${apiBase('identity')}/auth`;

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === REFRESH_COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setRefreshCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  void reply.header('set-cookie', serialize(token, maxAgeSeconds, secure));
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  void reply.header('set-cookie', serialize('', 0, secure));
}

function serialize(value: string, maxAge: number, secure: boolean): string {
  return [`${REFRESH_COOKIE}=${value}`, `Path=${PATH}`, `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}
