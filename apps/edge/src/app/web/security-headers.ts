import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Content Security Policy of the Angular app.
 * - script-src 'self': the production build has no inline script (critical-CSS inlining, which adds an
 *   inline onload handler, is turned off in apps/web/project.json).
 * - style-src 'unsafe-inline': Angular inserts component styles as <style> elements at runtime.
 * - connect-src ws: wss: https:: LiveKit signalling runs over WebSocket to the LiveKit server, which may
 *   be another host, and its client falls back to an HTTPS "validate" request to explain failures.
 * - media-src / worker-src blob: and mediastream:: remote tracks and LiveKit's audio/e2ee workers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss: https:",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const ALWAYS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

const HTML_ONLY: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(self), display-capture=(self), geolocation=()',
};

/** onSend hook: headers a service already set are kept; the edge fills in the rest. */
export async function securityHeaders(_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  const isHtml = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
  for (const [name, value] of Object.entries(isHtml ? { ...ALWAYS, ...HTML_ONLY } : ALWAYS)) {
    if (!reply.hasHeader(name)) reply.header(name, value);
  }
  return payload;
}
