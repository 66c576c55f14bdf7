import type { ErrorBody } from '@confer/shared/contracts';

/** The part of a Fastify reply needed to answer an error (HTTP/1 or HTTP/2 replies alike). */
export interface ErrorReply {
  code(status: number): ErrorReply;
  type(contentType: string): ErrorReply;
  send(payload?: unknown): ErrorReply;
}

/** Every error the edge itself produces has the same JSON shape as the services' errors. */
export function sendError<R extends ErrorReply>(reply: R, status: number, code: string, message: string): R {
  const body: ErrorBody = { code, message };
  reply.code(status).type('application/json; charset=utf-8').send(body);
  return reply;
}
