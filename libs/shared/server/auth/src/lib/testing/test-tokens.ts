import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { ACCESS_TOKEN, type AccessTokenClaims, type JwkSet, type PublicJwk } from '@confer/shared/contracts';

/** An RSA key pair playing identity in tests: its public JWK, and tokens signed with its private key. */
export interface TestSigner {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: PublicJwk;
  jwks: JwkSet;
  /** A signed access token: valid claims for now, with any overridden. */
  sign(overrides?: Partial<AccessTokenClaims>, header?: { kid?: string }): string;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Claims of a valid token issued now for 'user-1' in session 'session-1'. */
export function testClaims(overrides: Partial<AccessTokenClaims> = {}): AccessTokenClaims {
  const iat = overrides.iat ?? nowSeconds();
  return {
    sub: 'user-1',
    sid: 'session-1',
    role: 'user',
    name: 'Ada',
    ev: true,
    iss: ACCESS_TOKEN.issuer,
    aud: ACCESS_TOKEN.audience,
    iat,
    exp: iat + 600,
    jti: `jti-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

export function createTestSigner(kid = 'test-key-1'): TestSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  const jwk: PublicJwk = { kty: 'RSA', kid, use: 'sig', alg: 'RS256', n: String(n), e: String(e) };
  return {
    kid,
    privateKey,
    publicKey,
    jwk,
    jwks: { keys: [jwk] },
    sign: (overrides = {}, header = {}) =>
      sign({ ...testClaims(overrides) }, privateKey, { algorithm: 'RS256', keyid: header.kid ?? kid }),
  };
}

/** A compact JWS built by hand, for headers and signatures a library refuses to produce. */
export function handmadeToken(header: object, payload: object, signature: (signingInput: string) => string): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${signature(signingInput)}`;
}

/** `alg: none` with an empty signature. */
export function unsignedToken(kid: string, payload: object): string {
  return handmadeToken({ alg: 'none', typ: 'JWT', kid }, payload, () => '');
}

/** HS256 with the RSA public key (PEM) as the HMAC secret: the algorithm-confusion attack. */
export function hmacWithPublicKey(signer: TestSigner, payload: object): string {
  const secret = signer.publicKey.export({ type: 'spki', format: 'pem' });
  return handmadeToken({ alg: 'HS256', typ: 'JWT', kid: signer.kid }, payload, (input) =>
    createHmac('sha256', secret).update(input).digest('base64url'),
  );
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
