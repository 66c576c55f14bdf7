import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from '../http/error-reply';
import { cacheControlFor } from './cache-policy';

/**
 * The built Angular app from webRoot, with a single-page-app fallback: a GET that accepts HTML and
 * matches no file gets index.html, so deep links such as /status work. Whether index.html exists is
 * checked per fallback, so building the web app while the edge runs needs no restart.
 */
export async function webRoutes(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn({ webRoot }, 'no index.html in WEB_ROOT: build the web app (npx nx build web)');
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: true,
    redirect: false,
    cacheControl: false,
    suppressWarning: true,
    setHeaders: (reply, filePath) => reply.header('cache-control', cacheControlFor(filePath)),
  });
  app.setNotFoundHandler((request, reply) => fallback(request, reply, indexFile));
}

function fallback(request: FastifyRequest, reply: FastifyReply, indexFile: string): FastifyReply {
  const readOnly = request.method === 'GET' || request.method === 'HEAD';
  if (request.url.startsWith('/api/') || !readOnly) {
    return sendError(reply, 404, 'NOT_FOUND', 'There is nothing here.');
  }
  if (!existsSync(indexFile)) {
    return sendError(reply, 503, 'SERVICE_UNAVAILABLE', 'The web app is not built yet: run "npx nx build web".');
  }
  if ((request.headers.accept ?? '').includes('text/html')) {
    return reply.sendFile('index.html');
  }
  return sendError(reply, 404, 'NOT_FOUND', 'There is nothing here.');
}
