import type { FastifyRequest } from 'fastify';
import type { FastifyHttpProxyOptions } from '@fastify/http-proxy';
import { apiBase, REQUEST_ID_HEADER, type ServiceName } from '@confer/shared/contracts';
import { sendError, type ErrorReply } from '../http/error-reply';
import { WEBSOCKET_PREFIX } from './api-guard';

type ProxyOptions = FastifyHttpProxyOptions & { websocket?: boolean; wsClientOptions?: Record<string, unknown> };

/**
 * Options of @fastify/http-proxy for one service: `/api/<service>` and `/api/<service>/*` go to the
 * service's origin with the path unchanged, over a keep-alive undici pool, with the request id.
 */
export function serviceProxyOptions(service: ServiceName, upstream: string, timeoutMs: number): ProxyOptions {
  const prefix = apiBase(service);
  const websocket = `${prefix}/` === WEBSOCKET_PREFIX;
  return {
    upstream,
    prefix,
    rewritePrefix: prefix,
    disableRequestLogging: true,
    undici: {
      connections: 64,
      pipelining: 1,
      keepAliveTimeout: 60_000,
      connect: { timeout: Math.min(timeoutMs, 5_000) },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    },
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => ({
        ...headers,
        [REQUEST_ID_HEADER]: request.id,
        'x-forwarded-for': forwardedFor(request),
        'x-forwarded-proto': request.protocol,
        'x-forwarded-host': request.host,
      }),
      // No retries: by default reply-from retries a GET answered with 503 up to ten times, but a 503
      // from a service is an answer (a health report saying "not ready"), and retrying hides it.
      retryDelay: () => null,
      onError: (reply, { error }) => upstreamFailed(service, reply, error),
    },
    ...(websocket
      ? {
          websocket: true,
          wsClientOptions: {
            handshakeTimeout: timeoutMs,
            // Origin too: chat refuses sockets from other sites (the ws client sends none of its own).
            rewriteRequestHeaders: (headers: Record<string, string>, request: FastifyRequest) => ({
              ...headers,
              ...pick(request, ['cookie', 'authorization', 'origin']),
              [REQUEST_ID_HEADER]: request.id,
              'x-forwarded-for': forwardedFor(request),
            }),
          },
        }
      : {}),
  };
}

type Headers = Record<string, string | string[] | undefined>;

function upstreamFailed(
  service: ServiceName,
  reply: ErrorReply,
  error: Error & { statusCode?: number; code?: string },
): void {
  // @fastify/reply-from has already logged the failure with the request id.
  // A connect timeout means the service is down (or unroutable); any other timeout means it is slow.
  if (error.statusCode === 504 && error.code !== 'UND_ERR_CONNECT_TIMEOUT') {
    sendError(reply, 504, 'TIMEOUT', `The ${service} service did not answer in time.`);
  } else {
    sendError(reply, 503, 'SERVICE_UNAVAILABLE', `The ${service} service is not reachable right now.`);
  }
}

function forwardedFor(request: { headers: Headers; ip: string }): string {
  const previous = request.headers['x-forwarded-for'];
  return previous ? `${previous}, ${request.ip}` : request.ip;
}

function pick(request: { headers: Headers }, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = request.headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}
