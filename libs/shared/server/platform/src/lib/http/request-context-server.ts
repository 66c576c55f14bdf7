import { ServerRedis } from '@nestjs/microservices/server/server-redis';
import { runWithRequestId } from '@confer/shared/server/observability';

/**
 * The RPC server, running each request inside its request id's context (from the request's meta),
 * so that the handler's logs, calls and events carry it. HTTP requests get theirs from a Fastify
 * onRequest hook. Neither uses a Nest interceptor: an interceptor puts every request through an RxJS
 * pipeline and an AsyncResource, which cost meetings about a fifth of its CPU per request.
 */
export class RequestContextServerRedis extends ServerRedis {
  override handleMessage(channel: string, buffer: string, pub: Parameters<ServerRedis['handleMessage']>[2], pattern: string): Promise<unknown> {
    return runWithRequestId(requestIdOf(buffer), () => super.handleMessage(channel, buffer, pub, pattern));
  }
}

function requestIdOf(buffer: string): string | undefined {
  try {
    const requestId = (JSON.parse(String(buffer)) as { data?: { meta?: { requestId?: unknown } } })?.data?.meta?.requestId;
    return typeof requestId === 'string' ? requestId : undefined;
  } catch {
    return undefined;
  }
}
