import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Meeting passcodes are short and chosen by people, so they are stored as a salted scrypt hash (a
 * leaked table does not hand them out) and guessing is stopped by the per-meeting and per-IP join
 * rate limits. Format: `scrypt$N$r$p$<salt b64url>$<hash b64url>`.
 */
export const PASSCODE_RULES = { minLength: 4, maxLength: 32, pattern: /^[A-Za-z0-9]+$/ } as const;

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(passcode: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passcode.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export function isAcceptablePasscode(passcode: string): boolean {
  return passcode.length >= PASSCODE_RULES.minLength && passcode.length <= PASSCODE_RULES.maxLength && PASSCODE_RULES.pattern.test(passcode);
}

export async function hashPasscode(passcode: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(passcode, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check of a passcode against a stored hash; false for a malformed hash. */
export async function verifyPasscode(passcode: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || passcode.length > PASSCODE_RULES.maxLength) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(passcode, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
