import type { FastifyInstance } from 'fastify';
import { apiBase } from '@confer/shared/contracts';

/** The route whose body is a file's raw bytes. */
export const UPLOAD_ROUTE = `${apiBase('chat')}/uploads/:token`;

/**
 * Lets the upload route read its body as a stream, whatever Content-Type the browser gives a file
 * (the type is judged by content, never by this header). Nothing is buffered and Fastify's body limit
 * does not apply: the upload checks the exact length itself. Any other route given such a body is
 * refused as before (415). Fastify's own text/plain parser goes too: it would read a text file's bytes
 * into a string before the upload route sees them (no chat route takes a text body).
 */
export function registerUploadBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('*', (request, payload, done) => {
    if (request.routeOptions.url === UPLOAD_ROUTE) return done(null, payload);
    done(Object.assign(new Error(`Unsupported Media Type: ${request.headers['content-type'] ?? ''}`), { statusCode: 415 }), undefined);
  });
}
