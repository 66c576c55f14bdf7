import { createHash, randomBytes } from 'node:crypto';

/**
 * Crockford's base32 alphabet, lower case: no i, l, o or u, so nothing reads as 1 or 0. Exactly 32
 * symbols, so `byte & 31` picks one uniformly and each character carries 5 bits: 10 characters make
 * 50 bits per code.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10;
const GROUPS = [4, 4, 2];

/** `count` fresh codes shaped `xxxx-xxxx-xx`, to show once and store only as hashes. */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(LENGTH)].map((byte) => ALPHABET[byte & 31]).join('');
    let at = 0;
    return GROUPS.map((size) => chars.slice(at, (at += size))).join('-');
  });
}

/**
 * The canonical form of a typed code: case, spaces and dashes do not matter, and the letters the
 * alphabet leaves out are read as the digits they look like (o as 0, i and l as 1).
 */
export function normalizeRecoveryCode(input: string): string {
  return input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
}

/**
 * Hex SHA-256 of the normalized code. A fast unsalted hash is right here, unlike for passwords:
 * the codes are 50 random bits each, far beyond what any offline guessing could cover, and a
 * deterministic hash lets the code be found with one indexed lookup.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}
