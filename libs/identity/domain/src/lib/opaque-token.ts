import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens that mean nothing by themselves (refresh tokens, email links, MFA challenges): the
 * holder gets the token, the database keeps only its hash. 32 random bytes are 256 bits, so a fast
 * hash suffices and a leaked table gives nobody a usable token.
 */
export function newOpaqueToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 16) throw new RangeError('opaque-token: at least 16 bytes');
  return randomBytes(bytes).toString('base64url');
}

/** Hex SHA-256 of the token, as stored and looked up. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex strings (hashes); false for different lengths or non-hex. */
export function safeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length || a.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(a) || !/^[0-9a-f]*$/i.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
