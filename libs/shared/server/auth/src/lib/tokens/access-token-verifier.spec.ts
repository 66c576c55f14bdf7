import { createSecretKey } from 'node:crypto';
import { sign, verify } from 'jsonwebtoken';
import { ACCESS_TOKEN, type AccessTokenClaims } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';
import { authSettings } from '../auth-settings';
import { JwksKeyStore } from '../keys/jwks-key-store';
import { RevocationRegistry } from '../revocation/revocation-registry';
import { createTestSigner, hmacWithPublicKey, nowSeconds, testClaims, unsignedToken } from '../testing/test-tokens';
import { AccessTokenVerifier } from './access-token-verifier';

const signer = createTestSigner('key-a');

function setup() {
  const loader = jest.fn(async () => signer.jwks);
  const keys = new JwksKeyStore(loader, { minRefreshIntervalMs: 30_000 });
  const registry = new RevocationRegistry();
  return { loader, registry, verifier: new AccessTokenVerifier(keys, registry, authSettings()) };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).kind).toBe('unauthenticated');
  return error as DomainError;
}

describe('AccessTokenVerifier', () => {
  it('turns a valid token into the AuthUser it names', async () => {
    const { verifier } = setup();
    const claims = testClaims({ sub: 'user-7', sid: 'session-7', role: 'admin', name: 'Grace', ev: false });
    await expect(verifier.verify(signer.sign(claims))).resolves.toEqual({
      id: 'user-7',
      sessionId: 'session-7',
      role: 'admin',
      name: 'Grace',
      emailVerified: false,
      expiresAt: claims.exp,
    });
  });

  it('rejects an expired token as TOKEN_EXPIRED', async () => {
    const { verifier } = setup();
    const iat = nowSeconds() - 1000;
    expect((await rejection(verifier.verify(signer.sign({ iat, exp: iat + 900 })))).code).toBe('TOKEN_EXPIRED');
  });

  it.each([
    ['a wrong issuer', { iss: 'someone-else' }],
    ['a wrong audience', { aud: 'another-app' }],
    ['a lifetime over the cap', { exp: nowSeconds() + ACCESS_TOKEN.maxTtlSeconds + 60 }],
    ['an iat in the future', { iat: nowSeconds() + 120, exp: nowSeconds() + 600 }],
    ['no sid', { sid: '' }],
    ['no jti', { jti: undefined }],
    ['an unknown role', { role: 'root' as never }],
  ])('rejects a token with %s as TOKEN_INVALID', async (_name, overrides) => {
    const { verifier } = setup();
    const claims: Record<string, unknown> = { ...testClaims(), ...overrides };
    for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
    const token = sign(claims, signer.privateKey, { algorithm: 'RS256', keyid: signer.kid });
    expect((await rejection(verifier.verify(token))).code).toBe('TOKEN_INVALID');
  });

  it('rejects a token without sub', async () => {
    const { verifier } = setup();
    const claims: Partial<AccessTokenClaims> = testClaims();
    delete claims.sub;
    const token = sign(claims, signer.privateKey, { algorithm: 'RS256', keyid: signer.kid });
    expect((await rejection(verifier.verify(token))).code).toBe('TOKEN_INVALID');
  });

  it('accepts a token at exactly the lifetime cap', async () => {
    const { verifier } = setup();
    const iat = nowSeconds();
    await expect(verifier.verify(signer.sign({ iat, exp: iat + ACCESS_TOKEN.maxTtlSeconds }))).resolves.toMatchObject({ id: 'user-1' });
  });

  it('rejects a token signed by another key under a known kid', async () => {
    const { verifier } = setup();
    const forger = createTestSigner('key-a');
    expect((await rejection(verifier.verify(forger.sign()))).code).toBe('TOKEN_INVALID');
  });

  it('rejects alg none, even with a known kid', async () => {
    const { verifier } = setup();
    const token = unsignedToken(signer.kid, testClaims());
    // A verifier that let the token choose its algorithm would accept it.
    expect(verify(token, '', { algorithms: ['none'] })).toMatchObject({ sub: 'user-1' });
    expect((await rejection(verifier.verify(token))).code).toBe('TOKEN_INVALID');
  });

  it('rejects HS256 signed with the RSA public key as the HMAC secret', async () => {
    const { verifier } = setup();
    const token = hmacWithPublicKey(signer, testClaims());
    // A verifier that used the key as a secret for the token's algorithm would accept it.
    const pem = signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verify(token, createSecretKey(Buffer.from(pem)), { algorithms: ['HS256'] })).toMatchObject({ sub: 'user-1' });
    expect((await rejection(verifier.verify(token))).code).toBe('TOKEN_INVALID');
  });

  it('rejects a tampered payload', async () => {
    const { verifier } = setup();
    const [header, , signature] = signer.sign().split('.');
    const forged = Buffer.from(JSON.stringify(testClaims({ role: 'admin' }))).toString('base64url');
    expect((await rejection(verifier.verify(`${header}.${forged}.${signature}`))).code).toBe('TOKEN_INVALID');
  });

  it.each(['', 'not-a-jwt', 'a.b.c', '..'])('rejects garbage %p', async (token) => {
    const { verifier } = setup();
    expect((await rejection(verifier.verify(token))).code).toBe('TOKEN_INVALID');
  });

  it('rejects an unknown kid, asking identity for the keys at most once per interval', async () => {
    const { verifier, loader } = setup();
    await verifier.verify(signer.sign());
    expect(loader).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i += 1) {
      expect((await rejection(verifier.verify(signer.sign({}, { kid: `forged-${i}` })))).code).toBe('TOKEN_INVALID');
    }
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('rejects the tokens of a revoked session, and only those', async () => {
    const { verifier, registry } = setup();
    registry.apply({ kind: 'sessions', userId: 'user-1', sessionIds: ['session-1'], reason: 'sign_out', at: nowSeconds() });
    expect((await rejection(verifier.verify(signer.sign()))).code).toBe('TOKEN_REVOKED');
    await expect(verifier.verify(signer.sign({ sid: 'session-2' }))).resolves.toMatchObject({ sessionId: 'session-2' });
  });

  it('rejects a user’s tokens issued at or before notBefore, and accepts later ones', async () => {
    const { verifier, registry } = setup();
    const notBefore = nowSeconds() - 10;
    registry.apply({ kind: 'user', userId: 'user-1', notBefore, reason: 'password_changed', at: notBefore });
    expect((await rejection(verifier.verify(signer.sign({ iat: notBefore - 60 })))).code).toBe('TOKEN_REVOKED');
    expect((await rejection(verifier.verify(signer.sign({ iat: notBefore })))).code).toBe('TOKEN_REVOKED');
    await expect(verifier.verify(signer.sign({ iat: notBefore + 1 }))).resolves.toMatchObject({ id: 'user-1' });
    await expect(verifier.verify(signer.sign({ sub: 'user-2', iat: notBefore - 60 }))).resolves.toMatchObject({ id: 'user-2' });
  });

  it('checks a token against a custom issuer', async () => {
    const loader = async () => signer.jwks;
    const verifier = new AccessTokenVerifier(new JwksKeyStore(loader), new RevocationRegistry(), authSettings('https://id.example'));
    await expect(verifier.verify(signer.sign({ iss: 'https://id.example' }))).resolves.toMatchObject({ id: 'user-1' });
    expect((await rejection(verifier.verify(signer.sign()))).code).toBe('TOKEN_INVALID');
  });
});

describe('AccessTokenVerifier: tokens it has verified before', () => {
  function withClock(start: number) {
    const clock = { now: start };
    const keys = new JwksKeyStore(async () => signer.jwks, { minRefreshIntervalMs: 30_000, now: () => clock.now });
    const registry = new RevocationRegistry({ now: () => clock.now });
    return { clock, registry, verifier: new AccessTokenVerifier(keys, registry, authSettings(), () => clock.now) };
  }

  it('knows a verified token until it expires, and only that exact token', async () => {
    const { clock, verifier } = withClock(Date.now());
    const claims = testClaims();
    const token = signer.sign(claims);
    expect(verifier.known(token)).toBeUndefined();
    await verifier.verify(token);
    expect(verifier.known(token)).toMatchObject({ sub: claims.sub, sid: claims.sid });
    const [header, payload, signature] = token.split('.');
    expect(verifier.known(`${header}.${payload}.${signature.slice(0, -2)}AA`)).toBeUndefined();
    clock.now = (claims.exp + 10) * 1000;
    expect(verifier.known(token)).toBeUndefined();
  });

  it('still checks revocation on every use of a known token', async () => {
    const { registry, verifier } = withClock(Date.now());
    const claims = testClaims();
    const token = signer.sign(claims);
    await verifier.verify(token);
    registry.apply({ kind: 'sessions', userId: claims.sub, sessionIds: [claims.sid], reason: 'sign_out', at: nowSeconds() });
    expect(() => verifier.known(token)).toThrow(expect.objectContaining({ code: 'TOKEN_REVOKED' }));
    expect((await rejection(verifier.verify(token))).code).toBe('TOKEN_REVOKED');
  });
});
