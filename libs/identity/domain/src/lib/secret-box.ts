import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for small secrets at rest (TOTP secrets). The sealed form is one ASCII string,
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, so the format can change later without guessing.
 * A fresh 96-bit IV per seal; the 128-bit tag makes any change to the string fail to open.
 */
const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealSecret(key: Buffer, plaintext: Buffer): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The plaintext of a sealed string; throws when the key is wrong or the string was altered. */
export function openSecret(key: Buffer, sealed: string): Buffer {
  checkKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('secret-box: not a v1 sealed secret');
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => decode(part));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('secret-box: malformed sealed secret');
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new Error('secret-box: the sealed secret was altered or the key is wrong');
  }
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`secret-box: the key must be ${KEY_BYTES} bytes`);
}

function decode(part: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error('secret-box: malformed sealed secret');
  return Buffer.from(part, 'base64url');
}
