import { createHmac, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { Client } from 'pg';
import type { SessionGrant, SessionInfo } from '@confer/identity/contracts';
import { openSecret } from '@confer/identity/domain';
import { ACCESS_TOKEN, type JwkSet } from '@confer/shared/contracts';
import { mailTo, waitUntil } from '@confer/shared/server/devstack';
import { refreshCookieOf, startIdentityStack, type ApiResponse, type IdentityStack } from '../testing/identity-stack';

const PASSWORD = 'correct horse battery staple';
const SECRET_KEY = Buffer.alloc(32, 7);

/** Accounts, sessions and tokens against the real identity and meetings services, Postgres, Redis and Mailpit. */
describe('identity: accounts, sessions and tokens', () => {
  let stack: IdentityStack;
  let ipCounter = 10;
  const nextIp = () => `198.51.100.${ipCounter++}`;

  beforeAll(async () => {
    stack = await startIdentityStack({ IDENTITY_SECRET_KEY: SECRET_KEY.toString('base64') });
  });
  afterAll(async () => stack?.stop());

  const identity = <T>(method: string, path: string, options = {}) => stack.call<T>(stack.identity, method, path, options);
  const meetings = <T>(method: string, path: string, options = {}) => stack.call<T>(stack.meetings, method, path, options);
  /** A guarded route of another service: the token is checked there against identity's JWKS. */
  const askMeetings = (token: string) => meetings('GET', '/meetings', { token });

  async function registerAndVerify(email: string, name = 'Ada Lovelace'): Promise<void> {
    const ip = nextIp();
    const registered = await identity('POST', '/auth/register', { body: { email, password: PASSWORD, displayName: name }, ip });
    expect(registered.status).toBe(202);
    const token = await stack.tokenFromMail(email, '/verify-email');
    expect((await identity('POST', '/auth/verify-email', { body: { token }, ip })).status).toBe(200);
  }

  async function signIn(email: string, password = PASSWORD): Promise<{ grant: SessionGrant; cookie: string }> {
    const response = await identity<SessionGrant>('POST', '/auth/sign-in', { body: { email, password }, ip: nextIp(), headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0' } });
    expect(response.status).toBe(200);
    return { grant: response.body, cookie: refreshCookieOf(response) as string };
  }

  async function expectRejectedSoon(token: string): Promise<ApiResponse> {
    let last!: ApiResponse;
    await waitUntil('token rejected by meetings', async () => {
      last = await askMeetings(token);
      return last.status === 401;
    }, { timeoutMs: 5000 });
    return last;
  }

  it('registers, mails a one-time verification link, and verifies the address', async () => {
    const email = 'grace@example.test';
    const response = await identity('POST', '/auth/register', { body: { email, password: PASSWORD, displayName: 'Grace Hopper' }, ip: nextIp() });
    expect(response).toMatchObject({ status: 202, body: { status: 'accepted' } });
    const token = await stack.tokenFromMail(email, '/verify-email');
    const before = await signIn(email);
    expect(before.grant.user).toMatchObject({ email, emailVerified: false, role: 'user' });
    expect((await identity('POST', '/auth/verify-email', { body: { token }, ip: nextIp() })).status).toBe(200);
    const again = await identity('POST', '/auth/verify-email', { body: { token }, ip: nextIp() });
    expect(again).toMatchObject({ status: 400, body: { code: 'TOKEN_INVALID' } });
    const after = await signIn(email);
    expect(after.grant.user.emailVerified).toBe(true);
  });

  it('lets an unverified account join but not host: meetings refuses it until the address is verified', async () => {
    const email = 'unverified@example.test';
    await identity('POST', '/auth/register', { body: { email, password: PASSWORD, displayName: 'Not Yet' }, ip: nextIp() });
    const unverified = await signIn(email);
    const refused = await meetings('POST', '/meetings', { token: unverified.grant.accessToken, body: { title: 'Stand-up' } });
    expect(refused).toMatchObject({ status: 403, body: { code: 'EMAIL_NOT_VERIFIED' } });
    expect((await askMeetings(unverified.grant.accessToken)).body).toEqual([]);

    const token = await stack.tokenFromMail(email, '/verify-email');
    expect((await identity('POST', '/auth/verify-email', { body: { token }, ip: nextIp() })).status).toBe(200);
    const verified = await signIn(email);
    const created = await meetings<{ code: string }>('POST', '/meetings', { token: verified.grant.accessToken, body: { title: 'Stand-up' } });
    expect(created.status).toBe(201);
    expect(created.body.code).toMatch(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect((await askMeetings(verified.grant.accessToken)).body).toEqual([expect.objectContaining({ code: created.body.code })]);

    // Someone else neither sees it in their list nor reads it by code.
    await registerAndVerify('outsider@example.test');
    const outsider = await signIn('outsider@example.test');
    expect((await meetings('GET', `/meetings/${created.body.code}`, { token: outsider.grant.accessToken })).status).toBe(404);
    expect((await meetings('GET', `/meetings/${created.body.code}`, { token: verified.grant.accessToken })).status).toBe(200);
    expect((await askMeetings(outsider.grant.accessToken)).body).toEqual([]);
  });

  it('answers a registration for a taken address exactly as for a new one, and mails the owner instead', async () => {
    const email = 'taken@example.test';
    await registerAndVerify(email, 'First Owner');
    const second = await identity('POST', '/auth/register', { body: { email, password: 'another long passphrase', displayName: 'Intruder' }, ip: nextIp() });
    const fresh = await identity('POST', '/auth/register', { body: { email: 'fresh@example.test', password: PASSWORD, displayName: 'Fresh' }, ip: nextIp() });
    expect(second.status).toBe(fresh.status);
    expect(second.body).toEqual(fresh.body);
    const mails = await mailTo(stack.mailpit.httpUrl, email, { atLeast: 2 });
    expect(mails.map((m) => m.subject)).toContain('Someone tried to register with your address');
    // The original password still works; the intruder's does not.
    await signIn(email);
    expect((await identity('POST', '/auth/sign-in', { body: { email, password: 'another long passphrase' }, ip: nextIp() })).status).toBe(401);
  });

  it('refuses short and common passwords beside the field, and accepts a 64-character one', async () => {
    const short = await identity('POST', '/auth/register', { body: { email: 'short@example.test', password: 'abc123', displayName: 'S' }, ip: nextIp() });
    expect(short).toMatchObject({ status: 400, body: { code: 'PASSWORD_TOO_SHORT', details: { fields: [{ field: 'password' }] } } });
    const common = await identity('POST', '/auth/register', { body: { email: 'common@example.test', password: 'password123', displayName: 'C' }, ip: nextIp() });
    expect(common).toMatchObject({ status: 400, body: { code: 'PASSWORD_TOO_COMMON' } });
    const long = await identity('POST', '/auth/register', { body: { email: 'long@example.test', password: 'x1'.repeat(32), displayName: 'L' }, ip: nextIp() });
    expect(long.status).toBe(202);
  });

  it('rejects unknown fields with 400 and creates nothing', async () => {
    const email = 'extra@example.test';
    const response = await identity('POST', '/auth/register', { body: { email, password: PASSWORD, displayName: 'X', role: 'admin' }, ip: nextIp() });
    expect(response).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const signInAttempt = await identity('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip: nextIp() });
    expect(signInAttempt.status).toBe(401);
  });

  it('gives the same answer for a wrong password and for an unknown account', async () => {
    await registerAndVerify('wrongpw@example.test');
    const wrong = await identity('POST', '/auth/sign-in', { body: { email: 'wrongpw@example.test', password: 'not the password' }, ip: nextIp() });
    const unknown = await identity('POST', '/auth/sign-in', { body: { email: 'nobody@example.test', password: 'not the password' }, ip: nextIp() });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('signs short-lived RS256 tokens with kid, iss and aud that another service accepts via the JWKS', async () => {
    await registerAndVerify('token@example.test');
    const { grant } = await signIn('token@example.test');
    const [header, payload] = grant.accessToken.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: ACCESS_TOKEN.issuer, aud: ACCESS_TOKEN.audience, sub: grant.user.id });
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
    const jwks = await identity<JwkSet>('GET', '/.well-known/jwks.json');
    expect(jwks.body.keys.map((k) => k.kid)).toContain(header.kid);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d"|PRIVATE/);
    expect((await askMeetings(grant.accessToken)).status).toBe(200);
    expect((await meetings('GET', '/meetings')).status).toBe(401);
  });

  describe('tokens that another service must reject', () => {
    let realKey: { kid: string; pem: string };
    let claims: Record<string, unknown>;

    beforeAll(async () => {
      await registerAndVerify('forger@example.test');
      const { grant } = await signIn('forger@example.test');
      claims = JSON.parse(Buffer.from(grant.accessToken.split('.')[1], 'base64url').toString());
      const client = new Client({ connectionString: stack.db.url });
      await client.connect();
      const { rows } = await client.query('SELECT kid, private_key_sealed FROM identity.signing_keys ORDER BY created_at DESC LIMIT 1');
      await client.end();
      realKey = { kid: rows[0].kid, pem: openSecret(SECRET_KEY, rows[0].private_key_sealed).toString('utf8') };
    });

    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const rs256 = (header: object, payload: object, pem: string) => {
      const input = `${encode(header)}.${encode(payload)}`;
      return `${input}.${rsaSign('sha256', Buffer.from(input), createPrivateKey(pem)).toString('base64url')}`;
    };
    const now = () => Math.floor(Date.now() / 1000);

    it('accepts a token signed here with the real key (the control case)', async () => {
      const token = rs256({ alg: 'RS256', typ: 'JWT', kid: realKey.kid }, { ...claims, jti: randomUUID(), iat: now(), exp: now() + 300 }, realKey.pem);
      expect((await askMeetings(token)).status).toBe(200);
    });

    it('rejects an expired token', async () => {
      const token = rs256({ alg: 'RS256', kid: realKey.kid }, { ...claims, iat: now() - 1000, exp: now() - 100 }, realKey.pem);
      expect(await askMeetings(token)).toMatchObject({ status: 401, body: { code: expect.any(String), message: expect.any(String) } });
    });

    it('rejects a token signed by another key under the real kid', async () => {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      const token = rs256({ alg: 'RS256', kid: realKey.kid }, { ...claims, iat: now(), exp: now() + 300 }, other);
      expect((await askMeetings(token)).status).toBe(401);
    });

    it('rejects alg:none', async () => {
      const token = `${encode({ alg: 'none', typ: 'JWT', kid: realKey.kid })}.${encode({ ...claims, iat: now(), exp: now() + 300 })}.`;
      expect((await askMeetings(token)).status).toBe(401);
    });

    it('rejects an RS256→HS256 swap keyed with the public key', async () => {
      const publicPem = createPublicKey(realKey.pem).export({ format: 'pem', type: 'spki' }) as string;
      const input = `${encode({ alg: 'HS256', typ: 'JWT', kid: realKey.kid })}.${encode({ ...claims, iat: now(), exp: now() + 300 })}`;
      const token = `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
      expect((await askMeetings(token)).status).toBe(401);
    });

    it('rejects a wrong audience, a wrong issuer and an over-long lifetime even when properly signed', async () => {
      const base = { ...claims, iat: now(), exp: now() + 300 };
      for (const payload of [{ ...base, aud: 'someone-else' }, { ...base, iss: 'https://evil.example' }, { ...base, exp: now() + 86_400 }]) {
        expect((await askMeetings(rs256({ alg: 'RS256', kid: realKey.kid }, payload, realKey.pem))).status).toBe(401);
      }
    });
  });

  it('rotates the refresh token; presenting a rotated one revokes the whole family at once', async () => {
    await registerAndVerify('rotate@example.test');
    const first = await signIn('rotate@example.test');
    const refreshed = await identity<SessionGrant>('POST', '/auth/refresh', { cookie: first.cookie });
    expect(refreshed.status).toBe(200);
    const second = refreshCookieOf(refreshed) as string;
    expect(second).not.toEqual(first.cookie);
    expect(refreshed.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Secure/);

    const reuse = await identity('POST', '/auth/refresh', { cookie: first.cookie });
    expect(reuse).toMatchObject({ status: 401, body: { code: 'REFRESH_REUSED' } });
    expect((await identity('POST', '/auth/refresh', { cookie: second })).status).toBe(401);
    await expectRejectedSoon(refreshed.body.accessToken);
  });

  it('lists sessions with device and IP, revokes one of mine, and will not touch another user’s', async () => {
    await registerAndVerify('sessions@example.test');
    const laptop = await signIn('sessions@example.test');
    const phone = await signIn('sessions@example.test');
    const list = await identity<SessionInfo[]>('GET', '/auth/sessions', { token: laptop.grant.accessToken });
    expect(list.body).toHaveLength(2);
    expect(list.body.find((s) => s.current)).toMatchObject({ device: 'Chrome on Linux', ip: expect.stringMatching(/^198\.51\.100\./) });
    const phoneSession = list.body.find((s) => !s.current) as SessionInfo;

    await registerAndVerify('stranger@example.test');
    const stranger = await signIn('stranger@example.test');
    const foreign = await identity('DELETE', `/auth/sessions/${phoneSession.id}`, { token: stranger.grant.accessToken });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'SESSION_NOT_FOUND' } });
    expect((await askMeetings(phone.grant.accessToken)).status).toBe(200);

    expect((await identity('DELETE', `/auth/sessions/${phoneSession.id}`, { token: laptop.grant.accessToken })).status).toBe(204);
    await expectRejectedSoon(phone.grant.accessToken);
    expect((await identity('POST', '/auth/refresh', { cookie: phone.cookie })).status).toBe(401);
    expect((await askMeetings(laptop.grant.accessToken)).status).toBe(200);
  });

  it('signs out everywhere: every token of every session stops working in another service', async () => {
    await registerAndVerify('everywhere@example.test');
    const a = await signIn('everywhere@example.test');
    const b = await signIn('everywhere@example.test');
    expect((await identity('POST', '/auth/sign-out-everywhere', { token: a.grant.accessToken })).status).toBe(204);
    await expectRejectedSoon(a.grant.accessToken);
    await expectRejectedSoon(b.grant.accessToken);
    expect((await identity('POST', '/auth/refresh', { cookie: b.cookie })).status).toBe(401);
  });

  it('resets a forgotten password by a single-use mailed link that signs out every session', async () => {
    const email = 'forgetful@example.test';
    await registerAndVerify(email);
    const session = await signIn(email);
    const unknown = await identity('POST', '/auth/forgot-password', { body: { email: 'ghost@example.test' }, ip: nextIp() });
    const known = await identity('POST', '/auth/forgot-password', { body: { email }, ip: nextIp() });
    expect(known).toMatchObject({ status: 202 });
    expect(unknown.body).toEqual(known.body);
    const token = await stack.tokenFromMail(email, '/reset-password');
    const newPassword = 'a brand new passphrase';
    expect((await identity('POST', '/auth/reset-password', { body: { token, password: newPassword }, ip: nextIp() })).status).toBe(204);
    await expectRejectedSoon(session.grant.accessToken);
    expect((await identity('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip: nextIp() })).status).toBe(401);
    await signIn(email, newPassword);
    const reused = await identity('POST', '/auth/reset-password', { body: { token, password: 'yet another passphrase' }, ip: nextIp() });
    expect(reused).toMatchObject({ status: 400, body: { code: 'TOKEN_INVALID' } });
    expect(await mailTo(stack.mailpit.httpUrl, 'ghost@example.test', { timeoutMs: 1000 })).toHaveLength(0);
  });

  it('limits sign-in attempts per account with 429 and Retry-After, whatever the IP', async () => {
    const email = 'target@example.test';
    await registerAndVerify(email);
    const statuses: number[] = [];
    let limited: ApiResponse | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const response = await identity('POST', '/auth/sign-in', { body: { email, password: `guess number ${i}` }, ip: nextIp() });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits now: the limit is on the account, not on failures alone.
    expect((await identity('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip: nextIp() })).status).toBe(429);
  });
});
