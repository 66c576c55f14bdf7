import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { REQUEST_ID_HEADER } from '@confer/shared/contracts';
import { requestIdFrom, runWithRequestId, type Logger, type ServiceMetrics } from '@confer/shared/server/observability';
import { trustProxy } from './client-address';

/**
 * Fastify options: the request id comes from x-request-id when it is plain, or is new; request.ip
 * believes X-Forwarded-For from `trustedProxyHops` hops (TRUSTED_PROXY_HOPS), or from loopback only.
 */
export function fastifyOptions(trustedProxyHops = 0): FastifyServerOptions {
  return {
    genReqId: (req) => requestIdFrom(req.headers[REQUEST_ID_HEADER]),
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    trustProxy: trustProxy(trustedProxyHops),
  };
}

/**
 * Echoes the request id and runs the rest of the request (hooks, guard, handler) inside its context,
 * records metrics and writes one access log line per request.
 */
export function installFastifyHooks(fastify: FastifyInstance, logger: Logger, metrics: ServiceMetrics): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    runWithRequestId(request.id, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
    if (!route.endsWith('/health') && !route.endsWith('/health/live') && !route.endsWith('/metrics')) {
      logger.info(
        { requestId: request.id, method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
        'request',
      );
    }
    done();
  });
}
