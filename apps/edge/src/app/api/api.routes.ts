import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import httpProxy from '@fastify/http-proxy';
import { SERVICE_NAMES } from '@confer/shared/contracts';
import type { EdgeConfig } from '../edge.config';
import { sendError } from '../http/error-reply';
import { serviceProxyOptions } from './service-proxy';

/** One proxy per service under /api/<service>; anything else under /api is a JSON 404. */
export async function apiRoutes(app: FastifyInstance, config: EdgeConfig): Promise<void> {
  for (const service of SERVICE_NAMES) {
    await app.register(httpProxy, serviceProxyOptions(service, config.upstreams[service], config.upstreamTimeoutMs));
  }
  const unknownApi = (_request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, 404, 'NOT_FOUND', 'There is no such API.');
  app.all('/api', unknownApi);
  app.all('/api/*', unknownApi);
}
