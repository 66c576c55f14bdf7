/** RFC 4648 base32 alphabet (the one authenticator apps expect for TOTP secrets). */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as RFC 4648 base32, upper case, without '=' padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes RFC 4648 base32. Tolerates lower case, spaces and trailing '=' padding (people type and
 * paste secrets); throws on any other character, on padding in the middle and on an impossible length.
 */
export function base32Decode(input: string): Buffer {
  const cleaned = input.replace(/\s+/g, '').toUpperCase();
  const text = cleaned.replace(/=+$/, '');
  if (/[^A-Z2-7]/.test(text)) throw new Error('base32: invalid character');
  if ([1, 3, 6].includes(text.length % 8)) throw new Error('base32: invalid length');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 255);
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}
