import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { REQUEST_ID_HEADER } from '@confer/shared/contracts';
import { createLogger } from '@confer/shared/server/observability';
import type { EdgeConfig } from './edge.config';
import { apiGuard } from './api/api-guard';
import { apiRoutes } from './api/api.routes';
import { edgeErrorHandler } from './http/error-handler';
import { requestIdOf } from './http/request-id';
import { securityHeaders } from './web/security-headers';
import { webRoutes } from './web/web.routes';

/**
 * The one origin of a local Confer: the Angular app and every service's API behind a single host and
 * port, the way CloudFront + ALB put them together in AWS. Built without listening, so tests can use it.
 */
export async function buildEdge(config: EdgeConfig) {
  const logger: FastifyBaseLogger = createLogger('edge', config.logLevel);
  const app = Fastify({
    loggerInstance: logger,
    genReqId: requestIdOf,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // One line per request only when debugging; upstream failures are always logged.
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    return503OnClosing: true,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onRequest', apiGuard);
  app.addHook('onSend', securityHeaders);
  app.setErrorHandler(edgeErrorHandler);

  app.get('/healthz', async () => ({ status: 'ok' }));
  await apiRoutes(app, config);
  await webRoutes(app, config.webRoot);
  return app;
}

export type Edge = Awaited<ReturnType<typeof buildEdge>>;
