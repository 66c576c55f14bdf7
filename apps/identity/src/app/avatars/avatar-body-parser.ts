import type { FastifyInstance } from 'fastify';
import { AVATAR_CONTENT_TYPES, AVATAR_MAX_BYTES } from '@confer/identity/contracts';

/**
 * Lets `PUT /profile/avatar` take the raw image as its body: the accepted content types arrive as a
 * Buffer. The limit is one byte over AVATAR_MAX_BYTES, so a body just over it reaches the service and
 * is refused as AVATAR_TOO_LARGE; a larger one (or a larger Content-Length) Fastify refuses before
 * reading it, answered as JSON 413 PAYLOAD_TOO_LARGE by the platform's error filter. Only an image
 * upload route reads these bodies; any other route given one fails its own validation.
 */
export function registerAvatarBodyParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    [...AVATAR_CONTENT_TYPES],
    { parseAs: 'buffer', bodyLimit: AVATAR_MAX_BYTES + 1 },
    (_request, body, done) => done(null, body),
  );
}
