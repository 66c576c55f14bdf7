import { Client } from 'pg';
import type { MfaChallenge, MfaEnrollment, MfaRecoveryCodes, Page, SecurityLogEntry, SessionGrant, AdminUserView } from '@confer/identity/contracts';
import { base32Decode, totpCode, totpStep } from '@confer/identity/domain';
import { waitUntil } from '@confer/shared/server/devstack';
import { startIdentityStack, type IdentityStack } from '../testing/identity-stack';

const PASSWORD = 'a long and quiet passphrase';

/** MFA, the security log and the admin pages against the real services, Postgres, Redis and Mailpit. */
describe('identity: MFA, security log and admin', () => {
  let stack: IdentityStack;
  let ipCounter = 10;
  const nextIp = () => `192.0.2.${ipCounter++}`;
  const identity = <T>(method: string, path: string, options = {}) => stack.call<T>(stack.identity, method, path, options);

  beforeAll(async () => {
    stack = await startIdentityStack();
  });
  afterAll(async () => stack?.stop());

  async function account(email: string, name: string): Promise<SessionGrant> {
    const ip = nextIp();
    expect((await identity('POST', '/auth/register', { body: { email, password: PASSWORD, displayName: name }, ip })).status).toBe(202);
    const token = await stack.tokenFromMail(email, '/verify-email');
    expect((await identity('POST', '/auth/verify-email', { body: { token }, ip })).status).toBe(200);
    const signedIn = await identity<SessionGrant>('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip });
    expect(signedIn.status).toBe(200);
    return signedIn.body;
  }

  /**
   * A code for a time step not used yet (each step is accepted once). The server accepts one step
   * either side of now, so the next step is usable at once; only further ahead does this wait.
   */
  async function freshCode(secret: Buffer, after: number): Promise<{ code: string; step: number }> {
    let step = Math.max(after + 1, totpStep(Date.now()));
    while (step > totpStep(Date.now()) + 1) await new Promise((resolve) => setTimeout(resolve, 1000));
    if (step < totpStep(Date.now()) - 1) step = totpStep(Date.now());
    return { code: totpCode(secret, step), step };
  }

  describe('TOTP', () => {
    let grant: SessionGrant;
    let secret: Buffer;
    let recoveryCodes: string[];
    let lastStep = 0;
    const email = 'mfa@example.test';

    beforeAll(async () => {
      grant = await account(email, 'Margaret Hamilton');
    });

    it('enrols with an otpauth URI and QR code, and turns on only after a right code', async () => {
      const enrollment = await identity<MfaEnrollment>('POST', '/mfa/enroll', { token: grant.accessToken });
      expect(enrollment.status).toBe(200);
      expect(enrollment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Confer:mfa%40example\.test\?secret=[A-Z2-7]+&issuer=Confer/);
      expect(enrollment.body.qrSvg).toMatch(/^<svg/);
      secret = base32Decode(enrollment.body.secret);

      const wrong = await identity('POST', '/mfa/confirm', { token: grant.accessToken, body: { code: '000000' } });
      expect(wrong).toMatchObject({ status: 400, body: { code: 'MFA_INVALID_CODE' } });
      const { code, step } = await freshCode(secret, lastStep);
      const confirmed = await identity<MfaRecoveryCodes>('POST', '/mfa/confirm', { token: grant.accessToken, body: { code } });
      expect(confirmed.status).toBe(200);
      lastStep = step;
      recoveryCodes = confirmed.body.recoveryCodes;
      expect(new Set(recoveryCodes).size).toBe(10);

      const client = new Client({ connectionString: stack.db.url });
      await client.connect();
      const { rows } = await client.query('SELECT code_hash FROM identity.recovery_codes');
      await client.end();
      expect(rows).toHaveLength(10);
      expect(rows.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
    });

    it('asks for the second factor at sign-in, and accepts each TOTP code only once', async () => {
      const first = await identity<MfaChallenge>('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip: nextIp() });
      expect(first.body).toMatchObject({ mfaRequired: true, challenge: expect.any(String) });
      expect(first.headers.get('set-cookie')).toBeNull();
      expect((first.body as unknown as SessionGrant).accessToken).toBeUndefined();

      const wrong = await identity('POST', '/auth/sign-in/mfa', { body: { challenge: first.body.challenge, code: '123456' }, ip: nextIp() });
      expect(wrong).toMatchObject({ status: 400, body: { code: 'MFA_INVALID_CODE' } });

      const { code, step } = await freshCode(secret, lastStep);
      lastStep = step;
      const done = await identity<SessionGrant>('POST', '/auth/sign-in/mfa', { body: { challenge: first.body.challenge, code }, ip: nextIp() });
      expect(done.status).toBe(200);
      expect(done.body.user.mfaEnabled).toBe(true);
      const challengeAgain = await identity('POST', '/auth/sign-in/mfa', { body: { challenge: first.body.challenge, code }, ip: nextIp() });
      expect(challengeAgain.status).toBe(401);

      const second = await identity<MfaChallenge>('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip: nextIp() });
      const replay = await identity('POST', '/auth/sign-in/mfa', { body: { challenge: second.body.challenge, code }, ip: nextIp() });
      expect(replay).toMatchObject({ status: 400, body: { code: 'MFA_INVALID_CODE' } });
    });

    it('accepts a recovery code once', async () => {
      const challenge = await identity<MfaChallenge>('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip: nextIp() });
      const used = await identity<SessionGrant>('POST', '/auth/sign-in/mfa', { body: { challenge: challenge.body.challenge, code: recoveryCodes[0] }, ip: nextIp() });
      expect(used.status).toBe(200);
      grant = used.body;
      const again = await identity<MfaChallenge>('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip: nextIp() });
      const reused = await identity('POST', '/auth/sign-in/mfa', { body: { challenge: again.body.challenge, code: recoveryCodes[0] }, ip: nextIp() });
      expect(reused.status).toBe(400);
    });

    it('never lets a password reset bypass the second factor', async () => {
      expect((await identity('POST', '/auth/forgot-password', { body: { email }, ip: nextIp() })).status).toBe(202);
      const token = await stack.tokenFromMail(email, '/reset-password');
      const noCode = await identity('POST', '/auth/reset-password', { body: { token, password: 'reset without code' }, ip: nextIp() });
      expect(noCode).toMatchObject({ status: 400, body: { code: 'MFA_REQUIRED' } });
      const badCode = await identity('POST', '/auth/reset-password', { body: { token, password: 'reset without code', code: '000000' }, ip: nextIp() });
      expect(badCode).toMatchObject({ status: 400, body: { code: 'MFA_INVALID_CODE' } });
      // The link survived the failed attempts and still works with a recovery code.
      const ok = await identity('POST', '/auth/reset-password', { body: { token, password: PASSWORD + ' again', code: recoveryCodes[1] }, ip: nextIp() });
      expect(ok.status).toBe(204);
    });

    it('turns MFA off only with the password and a code', async () => {
      const signedIn = await identity<MfaChallenge>('POST', '/auth/sign-in', { body: { email, password: PASSWORD + ' again' }, ip: nextIp() });
      const session = await identity<SessionGrant>('POST', '/auth/sign-in/mfa', { body: { challenge: signedIn.body.challenge, code: recoveryCodes[2] }, ip: nextIp() });
      const token = session.body.accessToken;
      const wrongPassword = await identity('POST', '/mfa/disable', { token, body: { password: 'nope nope nope', code: recoveryCodes[3] } });
      expect(wrongPassword).toMatchObject({ status: 400, body: { code: 'INVALID_CREDENTIALS' } });
      const wrongCode = await identity('POST', '/mfa/disable', { token, body: { password: PASSWORD + ' again', code: '000000' } });
      expect(wrongCode).toMatchObject({ status: 400, body: { code: 'MFA_INVALID_CODE' } });
      expect((await identity('POST', '/mfa/disable', { token, body: { password: PASSWORD + ' again', code: recoveryCodes[3] } })).status).toBe(204);
      const plain = await identity<SessionGrant>('POST', '/auth/sign-in', { body: { email, password: PASSWORD + ' again' }, ip: nextIp() });
      expect(plain.body.accessToken).toEqual(expect.any(String));
    });

    it('records it all in the user’s own security log, in UTC, with no secrets', async () => {
      const signedIn = await identity<SessionGrant>('POST', '/auth/sign-in', { body: { email, password: PASSWORD + ' again' }, ip: nextIp() });
      const log = await identity<Page<SecurityLogEntry>>('GET', '/me/security-log?limit=100', { token: signedIn.body.accessToken });
      const types = log.body.items.map((e) => e.type);
      for (const type of ['sign_in.succeeded', 'sign_in.failed', 'mfa.enabled', 'mfa.recovery_code_used', 'password.reset', 'mfa.disabled']) {
        expect(types).toContain(type);
      }
      expect(log.body.items.every((e) => e.at.endsWith('Z'))).toBe(true);
      const text = JSON.stringify(log.body);
      for (const secretValue of [PASSWORD, recoveryCodes[0], signedIn.body.accessToken]) expect(text).not.toContain(secretValue);
    });
  });

  it('keeps the security log append-only in the database itself', async () => {
    const client = new Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      await expect(client.query('UPDATE identity.security_log SET type = $1', ['tampered'])).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM identity.security_log')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  describe('admin', () => {
    it('lets an admin list and disable users, which ends their sessions; others get 403', async () => {
      // ADMIN_EMAILS names this address: the role is granted when the address is verified.
      const adminGrant = await account('admin@example.test', 'Admin');
      const admin = adminGrant;
      expect(adminGrant.user.role).toBe('admin');
      const user = await account('ordinary@example.test', 'Ordinary User');

      expect(await identity('GET', '/admin/users', { token: user.accessToken })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect((await identity('GET', '/admin/security-log', { token: user.accessToken })).status).toBe(403);
      expect((await identity('POST', `/admin/users/${admin.user.id}/disable`, { token: user.accessToken })).status).toBe(403);

      const list = await identity<Page<AdminUserView>>('GET', '/admin/users?q=ordinary', { token: adminGrant.accessToken });
      expect(list.body.items).toEqual([expect.objectContaining({ id: user.user.id, disabled: false, emailVerified: true })]);

      expect((await identity('POST', `/admin/users/${user.user.id}/disable`, { token: adminGrant.accessToken })).status).toBe(204);
      await waitUntil('disabled user rejected', async () => (await stack.call(stack.meetings, 'GET', '/meetings', { token: user.accessToken })).status === 401, { timeoutMs: 5000 });
      const blocked = await identity('POST', '/auth/sign-in', { body: { email: 'ordinary@example.test', password: PASSWORD }, ip: nextIp() });
      expect(blocked).toMatchObject({ status: 403, body: { code: 'ACCOUNT_DISABLED' } });

      const all = await identity<Page<SecurityLogEntry>>('GET', '/admin/security-log?limit=100', { token: adminGrant.accessToken });
      expect(all.body.items).toContainEqual(expect.objectContaining({ type: 'admin.user_disabled', userId: user.user.id, actorId: admin.user.id }));
      expect((await identity('POST', `/admin/users/${user.user.id}/enable`, { token: adminGrant.accessToken })).status).toBe(204);
      expect((await identity('POST', '/auth/sign-in', { body: { email: 'ordinary@example.test', password: PASSWORD }, ip: nextIp() })).status).toBe(200);
    });

    it('pages with an opaque cursor and rejects a forged one', async () => {
      const adminGrant = (await identity<SessionGrant>('POST', '/auth/sign-in', { body: { email: 'admin@example.test', password: PASSWORD }, ip: nextIp() })).body;
      const first = await identity<Page<AdminUserView>>('GET', '/admin/users?limit=1', { token: adminGrant.accessToken });
      expect(first.body.items).toHaveLength(1);
      const second = await identity<Page<AdminUserView>>('GET', `/admin/users?limit=1&cursor=${first.body.next}`, { token: adminGrant.accessToken });
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      expect((await identity('GET', '/admin/users?cursor=bm9wZQ', { token: adminGrant.accessToken })).status).toBe(400);
    });
  });
});
