import { tokenInvalid } from '../auth.errors';

/** Longest encoded header read: ours is under 100 characters. */
const MAX_HEADER_CHARS = 1024;

/**
 * The `kid` of a compact JWS, read from its header without trusting anything else in it; the
 * signature check that follows decides. Throws TOKEN_INVALID when there is no usable kid.
 */
export function kidOf(token: string): string {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot > MAX_HEADER_CHARS) throw tokenInvalid();
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
  } catch {
    throw tokenInvalid();
  }
  const kid = typeof header === 'object' && header !== null ? (header as { kid?: unknown }).kid : undefined;
  if (typeof kid !== 'string' || kid.length === 0) throw tokenInvalid();
  return kid;
}
