import type { FastifyReply, FastifyRequest } from 'fastify';
import { apiBase } from '@confer/shared/contracts';
import { normalizedPath } from '../http/normalized-path';
import { sendError } from '../http/error-reply';

/** Only the chat service speaks WebSocket through the edge. */
export const WEBSOCKET_PREFIX = `${apiBase('chat')}/`;

/**
 * onRequest hook refusing what the edge never forwards, before any routing or proxying:
 * - `/api/<service>/metrics` in any spelling: Prometheus scrapes each service on its own port
 *   (DEFAULT_SERVICE_PORTS), so metrics stay off the public origin;
 * - WebSocket upgrades outside `/api/chat/`.
 */
export async function apiGuard(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const path = normalizedPath(request.url);
  if (path === null) {
    return sendError(reply, 400, 'BAD_REQUEST', 'The request path is not valid.');
  }
  if (/^\/api\/[^/]+\/metrics(\/|$)/.test(path)) {
    return sendError(reply, 404, 'NOT_FOUND', 'Metrics are not served through the edge.');
  }
  if (isWebSocketUpgrade(request) && !`${path}/`.startsWith(WEBSOCKET_PREFIX)) {
    return sendError(reply, 404, 'NOT_FOUND', `WebSocket connections are only accepted under ${WEBSOCKET_PREFIX}.`);
  }
  return undefined;
}

function isWebSocketUpgrade(request: FastifyRequest): boolean {
  return (request.headers.upgrade ?? '').toLowerCase() === 'websocket';
}
