import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Client } from 'pg';
import sharp from 'sharp';
import type { DataExportArchive, PrivacyRequestView, SessionGrant } from '@confer/identity/contracts';
import { mailTo, waitUntil } from '@confer/shared/server/devstack';
import { startIdentityStack, type IdentityStack } from '../testing/identity-stack';

const PASSWORD = 'nothing to hide, everything to keep';

interface Account {
  id: string;
  email: string;
  token: string;
}

/**
 * "Download my data" and "delete my account" against the real services: identity runs the jobs and
 * asks meetings, chat, recording and analytics over the bus; archives and avatars live in versitygw.
 */
describe('identity: privacy (export and deletion)', () => {
  let stack: IdentityStack;
  let s3: S3Client;
  let db: Client;
  let ipCounter = 10;
  const nextIp = () => `198.19.0.${ipCounter++}`;
  const identity = <T>(method: string, path: string, options = {}) => stack.call<T>(stack.identity, method, path, options);
  const meetings = <T>(method: string, path: string, options = {}) => stack.call<T>(stack.meetings, method, path, options);

  beforeAll(async () => {
    stack = await startIdentityStack({ PRIVACY_POLL_INTERVAL_MS: '200', RPC_TIMEOUT_MS: '1500' }, { participants: true });
    s3 = new S3Client({
      endpoint: stack.s3.endpoint,
      region: stack.s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: stack.s3.accessKeyId, secretAccessKey: stack.s3.secretAccessKey },
    });
    db = new Client({ connectionString: stack.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    s3?.destroy();
    await stack?.stop();
  });

  async function account(email: string, displayName: string): Promise<Account> {
    const ip = nextIp();
    expect((await identity('POST', '/auth/register', { body: { email, password: PASSWORD, displayName }, ip })).status).toBe(202);
    const token = await stack.tokenFromMail(email, '/verify-email');
    expect((await identity('POST', '/auth/verify-email', { body: { token }, ip })).status).toBe(200);
    const signedIn = await identity<SessionGrant>('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip });
    expect(signedIn.status).toBe(200);
    return { id: signedIn.body.user.id, email, token: signedIn.body.accessToken };
  }

  const keysUnder = async (prefix: string) =>
    ((await s3.send(new ListObjectsV2Command({ Bucket: 'confer-uploads', Prefix: prefix }))).Contents ?? []).map((o) => o.Key);

  async function requestsOf(who: Account): Promise<PrivacyRequestView[]> {
    const listed = await identity<PrivacyRequestView[]>('GET', '/privacy/requests', { token: who.token });
    expect(listed.status).toBe(200);
    return listed.body;
  }

  async function scheduleMeeting(who: Account, title: string): Promise<string> {
    const startsAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await meetings<{ id: string }>('POST', '/meetings', { token: who.token, body: { title, startsAt, durationMinutes: 30, timeZone: 'UTC' } });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  describe('download my data', () => {
    let ada: Account;
    let bob: Account;

    beforeAll(async () => {
      ada = await account('ada.export@example.test', 'Ada Export');
      bob = await account('bob.export@example.test', 'Bob Export');
      await scheduleMeeting(ada, 'Quarterly review, with commas; and semicolons');
      expect((await identity('PUT', `/contacts/${bob.id}`, { token: ada.token })).status).toBe(200);
    });

    it('prepares one JSON archive with every service’s part, for its owner only', async () => {
      const started = await identity<PrivacyRequestView>('POST', '/privacy/exports', { token: ada.token });
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ kind: 'export', status: 'queued' });
      expect(Object.keys(started.body.parts).sort()).toEqual(['analytics', 'chat', 'identity', 'meetings', 'recording']);

      let done: PrivacyRequestView | undefined;
      await waitUntil('the export is ready', async () => {
        done = (await requestsOf(ada)).find((r) => r.id === started.body.id && r.status === 'completed');
        return done !== undefined;
      }, { timeoutMs: 30_000 });
      expect(Object.values(done?.parts ?? {})).toEqual(['done', 'done', 'done', 'done', 'done']);
      expect(done?.sizeBytes).toBeGreaterThan(100);
      expect(Date.parse(done?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 6 * 86_400_000);

      const response = await fetch(`${stack.identity.baseUrl}/privacy/exports/${started.body.id}/archive`, {
        headers: { authorization: `Bearer ${ada.token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="confer-data-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const text = await response.text();
      const archive = JSON.parse(text) as DataExportArchive;
      expect(archive).toMatchObject({ format: 'confer-data-export', version: 1, userId: ada.id });
      expect(Object.keys(archive.services).sort()).toEqual(['analytics', 'chat', 'identity', 'meetings', 'recording']);
      const mine = archive.services.identity as { account: { email: string }; contacts: { userId: string }[]; sessions: { ip: string }[] };
      expect(mine.account.email).toBe(ada.email);
      expect(mine.contacts.map((c) => c.userId)).toEqual([bob.id]);
      expect(mine.sessions.length).toBeGreaterThan(0);
      const hosted = (archive.services.meetings as { hostedMeetings: { title: string }[] }).hostedMeetings;
      expect(hosted.map((m) => m.title)).toEqual(['Quarterly review, with commas; and semicolons']);
      // Credentials are secrets, not data about the person: never in the archive.
      expect(text).not.toMatch(/argon2|password|mfaSecret|mfa_secret|token_hash/i);

      expect((await identity('GET', `/privacy/exports/${started.body.id}/archive`, { token: bob.token })).status).toBe(404);
      expect((await identity('GET', '/privacy/exports/not-a-uuid/archive', { token: ada.token })).status).toBe(404);
      expect((await identity('GET', `/privacy/exports/${started.body.id}/archive`)).status).toBe(401);
      expect(await keysUnder(`exports/${ada.id}/`)).toEqual([`exports/${ada.id}/${started.body.id}.json`]);
      const mails = await mailTo(stack.mailpit.httpUrl, ada.email, { atLeast: 2 });
      expect(mails.map((m) => m.subject)).toContain('Your Confer data is ready to download');
    });
  });

  describe('delete my account', () => {
    let eve: Account;
    let friend: Account;
    let meetingId: string;

    beforeAll(async () => {
      eve = await account('eve.delete@example.test', 'Eve Delete');
      friend = await account('friend.delete@example.test', 'Friend Delete');
      meetingId = await scheduleMeeting(eve, 'Eve’s planning');
      expect((await identity('PUT', `/contacts/${eve.id}`, { token: friend.token })).status).toBe(200);
      const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3366cc' } }).png().toBuffer();
      const uploaded = await fetch(`${stack.identity.baseUrl}/profile/avatar`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${eve.token}`, 'content-type': 'image/png' },
        body: new Uint8Array(png),
      });
      expect(uploaded.status).toBe(200);
      expect(await keysUnder(`avatars/${eve.id}/`)).toHaveLength(3);
    });

    it('refuses bad requests and changes nothing', async () => {
      const unknownField = await identity<{ code: string }>('POST', '/privacy/deletion', { token: eve.token, body: { password: PASSWORD, now: true } });
      expect(unknownField.status).toBe(400);
      const wrong = await identity<{ code: string }>('POST', '/privacy/deletion', { token: eve.token, body: { password: 'not the password at all' } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect((await identity('POST', '/privacy/deletion', { body: { password: PASSWORD } })).status).toBe(401);
      const forged = await identity<{ code: string }>('POST', '/privacy/deletion/confirm', { body: { token: 'x'.repeat(43) }, ip: nextIp() });
      expect(forged.status).toBe(400);
      expect(forged.body.code).toBe('TOKEN_INVALID');
      expect((await identity('DELETE', '/privacy/deletion', { token: eve.token })).status).toBe(404);
      expect(await requestsOf(eve)).toEqual([]);
    });

    it('asks for confirmation by mail, can be withdrawn, and allows one at a time', async () => {
      const first = await identity<PrivacyRequestView>('POST', '/privacy/deletion', { token: eve.token, body: { password: PASSWORD } });
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ kind: 'deletion', status: 'awaiting_confirmation' });
      const again = await identity<{ code: string }>('POST', '/privacy/deletion', { token: eve.token, body: { password: PASSWORD } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PRIVACY_REQUEST_ACTIVE');
      const withdrawnToken = await stack.tokenFromMail(eve.email, '/account/delete');
      expect((await identity('DELETE', '/privacy/deletion', { token: eve.token })).status).toBe(204);
      expect((await identity<{ code: string }>('POST', '/privacy/deletion/confirm', { body: { token: withdrawnToken }, ip: nextIp() })).body.code).toBe('TOKEN_INVALID');
      expect((await requestsOf(eve)).map((r) => r.status)).toEqual(['cancelled']);
      // Still there: nothing was deleted.
      expect((await meetings('GET', '/meetings', { token: eve.token })).status).toBe(200);
    });

    it('once confirmed, ends every session at once and erases the account in every service', async () => {
      const before = (await mailTo(stack.mailpit.httpUrl, eve.email, { timeoutMs: 0 })).length;
      expect((await identity('POST', '/privacy/deletion', { token: eve.token, body: { password: PASSWORD } })).status).toBe(202);
      await mailTo(stack.mailpit.httpUrl, eve.email, { atLeast: before + 1 });
      const token = await stack.tokenFromMail(eve.email, '/account/delete');
      const signedInIp = nextIp();
      const confirmed = await identity<PrivacyRequestView>('POST', '/privacy/deletion/confirm', { body: { token }, ip: signedInIp });
      expect(confirmed.status).toBe(202);
      expect(confirmed.body.status).toBe('queued');

      await waitUntil('eve’s token refused by meetings', async () => (await meetings('GET', '/meetings', { token: eve.token })).status === 401, { timeoutMs: 5000 });
      let status: PrivacyRequestView | undefined;
      await waitUntil('the deletion completes', async () => {
        status = (await identity<PrivacyRequestView>('POST', '/privacy/deletion/status', { body: { token }, ip: signedInIp })).body;
        return status.status === 'completed';
      }, { timeoutMs: 30_000 });
      expect(status?.parts).toEqual({ identity: 'done', meetings: 'done', chat: 'done', recording: 'done', analytics: 'done' });

      const signIn = await identity<{ code: string }>('POST', '/auth/sign-in', { body: { email: eve.email, password: PASSWORD }, ip: nextIp() });
      expect(signIn.status).toBe(401);
      expect((await db.query('SELECT 1 FROM identity.users WHERE id = $1', [eve.id])).rowCount).toBe(0);
      expect((await db.query('SELECT 1 FROM identity.users WHERE email = $1', [eve.email])).rowCount).toBe(0);
      const contacts = await identity<{ items: { userId: string }[] }>('GET', '/contacts', { token: friend.token });
      expect(contacts.body.items.map((c) => c.userId)).not.toContain(eve.id);
      expect((await db.query('SELECT status, description FROM meetings.meetings WHERE id = $1', [meetingId])).rows).toEqual([
        { status: 'cancelled', description: '' },
      ]);
      expect(await keysUnder(`avatars/${eve.id}/`)).toEqual([]);

      // The security log keeps its entries, without the IP address or device.
      const log = await db.query('SELECT type, ip, details FROM identity.security_log WHERE user_id = $1 ORDER BY seq', [eve.id]);
      expect(log.rows.map((r) => r.type)).toEqual(expect.arrayContaining(['sign_in.succeeded', 'account.deletion_confirmed', 'account.deleted']));
      expect(log.rows.filter((r) => r.ip !== null || 'device' in r.details)).toEqual([]);
      await expect(db.query(`UPDATE identity.security_log SET ip = NULL WHERE user_id = $1`, [eve.id])).rejects.toThrow(/append-only/);

      const mails = await mailTo(stack.mailpit.httpUrl, eve.email, { atLeast: before + 2 });
      expect(mails.map((m) => m.subject)).toContain('Your Confer account was deleted');
    });

    it('waits for a participant that is down, and finishes when it is back', async () => {
      const zoe = await account('zoe.delete@example.test', 'Zoe Delete');
      await stack.participants.chat?.stop();
      expect((await identity('POST', '/privacy/deletion', { token: zoe.token, body: { password: PASSWORD } })).status).toBe(202);
      const token = await stack.tokenFromMail(zoe.email, '/account/delete');
      const ip = nextIp();
      expect((await identity('POST', '/privacy/deletion/confirm', { body: { token }, ip })).status).toBe(202);
      const statusOf = async () => (await identity<PrivacyRequestView>('POST', '/privacy/deletion/status', { body: { token }, ip })).body;
      await waitUntil('a failed attempt is recorded', async () => (await statusOf()).error !== null, { timeoutMs: 15_000 });
      const waiting = await statusOf();
      expect(waiting.status).not.toBe('completed');
      expect(waiting.parts).toMatchObject({ meetings: 'done', chat: 'pending', identity: 'pending' });
      expect((await db.query('SELECT 1 FROM identity.users WHERE id = $1', [zoe.id])).rowCount).toBe(1);
      // Meanwhile the account stays disabled: an admin cannot switch it back on.
      const admin = await account('admin@example.test', 'Admin');
      const enable = await identity<{ code: string }>('POST', `/admin/users/${zoe.id}/enable`, { token: admin.token });
      expect(enable.status).toBe(409);
      expect(enable.body.code).toBe('ACCOUNT_BEING_DELETED');

      await stack.startParticipant('chat');
      await waitUntil('the deletion completes', async () => (await statusOf()).status === 'completed', { timeoutMs: 45_000 });
      expect((await db.query('SELECT 1 FROM identity.users WHERE id = $1', [zoe.id])).rowCount).toBe(0);
    });
  });
});
