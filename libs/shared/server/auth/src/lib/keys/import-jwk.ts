import { createPublicKey, type KeyObject } from 'node:crypto';
import { ACCESS_TOKEN } from '@confer/shared/contracts';

/** Smallest RSA modulus accepted, in bits. */
export const MIN_RSA_BITS = 2048;

export interface ImportedKey {
  kid: string;
  /** `n.e` of the JWK: tells whether a refreshed key is the one already imported. */
  fingerprint: string;
  key: KeyObject;
}

/**
 * Imports one JWK of the published set, or returns undefined when it is not an RS256 signing key
 * (kty RSA, alg RS256, use sig) of at least 2048 bits. Import happens once per key, at refresh:
 * verification reuses the KeyObject and never parses key material again.
 */
export function importSigningKey(jwk: unknown, previous?: ImportedKey): ImportedKey | undefined {
  if (typeof jwk !== 'object' || jwk === null) return undefined;
  const { kty, alg, use, kid, n, e } = jwk as Record<string, unknown>;
  if (kty !== 'RSA' || alg !== ACCESS_TOKEN.algorithm || use !== 'sig') return undefined;
  if (typeof kid !== 'string' || kid.length === 0 || typeof n !== 'string' || typeof e !== 'string') return undefined;
  const fingerprint = `${n}.${e}`;
  if (previous && previous.kid === kid && previous.fingerprint === fingerprint) return previous;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty, n, e }, format: 'jwk' });
  } catch {
    return undefined;
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_BITS) return undefined;
  return { kid, fingerprint, key };
}
