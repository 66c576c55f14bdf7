import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import {
  AVATAR_MAX_BYTES,
  DEFAULT_USER_PREFERENCES,
  type Contact,
  type DirectoryEntry,
  type Page,
  type Profile,
  type SessionGrant,
} from '@confer/identity/contracts';
import { startIdentityStack, type IdentityStack } from '../testing/identity-stack';

const PASSWORD = 'a profile of one’s own';

interface Account {
  id: string;
  email: string;
  token: string;
}

interface RawResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  json: <T = { code: string; message: string }>() => T;
}

/** Profiles, avatars (through versitygw), contacts and the directory, against the real services. */
describe('identity: profile, avatar, contacts and directory', () => {
  let stack: IdentityStack;
  let s3: S3Client;
  let ipCounter = 10;
  const nextIp = () => `198.18.0.${ipCounter++}`;
  const identity = <T>(method: string, path: string, options = {}) => stack.call<T>(stack.identity, method, path, options);

  beforeAll(async () => {
    stack = await startIdentityStack();
    s3 = new S3Client({
      endpoint: stack.s3.endpoint,
      region: stack.s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: stack.s3.accessKeyId, secretAccessKey: stack.s3.secretAccessKey },
    });
  });
  afterAll(async () => {
    s3?.destroy();
    await stack?.stop();
  });

  async function account(email: string, displayName: string, options: { verify?: boolean } = {}): Promise<Account> {
    const ip = nextIp();
    expect((await identity('POST', '/auth/register', { body: { email, password: PASSWORD, displayName }, ip })).status).toBe(202);
    if (options.verify ?? true) {
      const token = await stack.tokenFromMail(email, '/verify-email');
      expect((await identity('POST', '/auth/verify-email', { body: { token }, ip })).status).toBe(200);
    }
    const signedIn = await identity<SessionGrant>('POST', '/auth/sign-in', { body: { email, password: PASSWORD }, ip });
    expect(signedIn.status).toBe(200);
    return { id: signedIn.body.user.id, email, token: signedIn.body.accessToken };
  }

  const profileOf = async (who: Account) => {
    const response = await identity<Profile>('GET', '/profile', { token: who.token });
    expect(response.status).toBe(200);
    return response.body;
  };

  /** A request with a raw body (or none) whose answer may be binary. */
  async function raw(method: string, url: string, options: { token?: string; body?: Buffer; contentType?: string } = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { 'x-forwarded-for': '198.18.1.1' };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.contentType) headers['content-type'] = options.contentType;
    const response = await fetch(url.startsWith('http') ? url : `${new URL(stack.identity.baseUrl).origin}${url}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : new Uint8Array(options.body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, json: <T>() => JSON.parse(bytes.toString('utf8')) as T };
  }

  const putAvatar = (who: Account, body: Buffer, contentType = 'image/png') =>
    raw('PUT', `${stack.identity.baseUrl}/profile/avatar`, { token: who.token, body, contentType });

  /**
   * Sends only the headers of an upload declaring `length` bytes and reads the answer. (Fastify
   * answers an over-limit Content-Length at once and closes the connection, so a client still
   * writing the body would see the connection reset instead of the answer.)
   */
  const declareUpload = (who: Account, length: number) =>
    new Promise<{ status: number; contentType?: string; body: string }>((resolve, reject) => {
      const request = httpRequest(`${stack.identity.baseUrl}/profile/avatar`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': 'image/png', 'content-length': String(length) },
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.flushHeaders();
    });

  const avatarKeys = async (userId: string) => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'confer-uploads', Prefix: `avatars/${userId}/` }));
    return (listed.Contents ?? []).map((o) => o.Key).sort();
  };

  describe('profile', () => {
    let ada: Account;

    beforeAll(async () => {
      ada = await account('ada.profile@example.test', 'Ada Lovelace');
    });

    it('starts from the defaults and applies a PATCH, merging meeting defaults key by key', async () => {
      expect(await profileOf(ada)).toEqual({
        id: ada.id,
        email: ada.email,
        displayName: 'Ada Lovelace',
        timeZone: 'UTC',
        locale: 'en',
        preferences: DEFAULT_USER_PREFERENCES,
        discoverable: true,
        avatarUrl: null,
      });

      const first = await identity<Profile>('PATCH', '/profile', {
        token: ada.token,
        body: {
          displayName: '  Ada King  ',
          timeZone: 'Europe/London',
          locale: 'en-gb',
          preferences: { joinWithMicOff: true, meetingDefaults: { waitingRoom: true, allowGuests: false } },
        },
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ displayName: 'Ada King', timeZone: 'Europe/London', locale: 'en-GB' });

      const second = await identity<Profile>('PATCH', '/profile', {
        token: ada.token,
        body: { discoverable: false, preferences: { meetingDefaults: { screenShare: 'host', allowGuests: true } } },
      });
      expect(second.status).toBe(200);
      const expected: Profile = {
        id: ada.id,
        email: ada.email,
        displayName: 'Ada King',
        timeZone: 'Europe/London',
        locale: 'en-GB',
        discoverable: false,
        avatarUrl: null,
        preferences: {
          joinWithMicOff: true,
          joinWithCameraOff: false,
          meetingDefaults: { ...DEFAULT_USER_PREFERENCES.meetingDefaults, waitingRoom: true, allowGuests: true, screenShare: 'host' },
        },
      };
      expect(second.body).toEqual(expected);
      expect(await profileOf(ada)).toEqual(expected);
    });

    it('refuses a bad time zone, locale or name beside the field, and changes nothing', async () => {
      const before = await profileOf(ada);
      const cases: [Record<string, unknown>, string][] = [
        [{ displayName: 'Someone Else', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
        [{ displayName: 'Someone Else', locale: 'en_GB' }, 'locale'],
        [{ displayName: '   ' }, 'displayName'],
        [{ displayName: 'x'.repeat(81) }, 'displayName'],
        [{ displayName: null }, 'displayName'],
        [{ discoverable: 'yes' }, 'discoverable'],
        [{ preferences: { meetingDefaults: { screenShare: 'nobody' } } }, 'preferences.meetingDefaults.screenShare'],
      ];
      for (const [body, field] of cases) {
        const response = await identity<{ code: string; details: { fields: { field: string }[] } }>('PATCH', '/profile', { token: ada.token, body });
        expect({ body, status: response.status, code: response.body.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
        expect(response.body.details.fields.map((f) => f.field)).toContain(field);
      }
      expect(await profileOf(ada)).toEqual(before);
    });

    it('rejects unknown fields at the top level and nested, and changes nothing', async () => {
      const before = await profileOf(ada);
      const cases: [Record<string, unknown>, string][] = [
        [{ displayName: 'Intruder', id: randomUUID() }, 'id'],
        [{ email: 'other@example.test' }, 'email'],
        [{ avatarUrl: '/elsewhere.webp' }, 'avatarUrl'],
        [{ preferences: { theme: 'dark' } }, 'preferences.theme'],
        [{ preferences: { meetingDefaults: { waitingRoom: false, recordEverything: true } } }, 'preferences.meetingDefaults.recordEverything'],
        [{ preferences: [] }, 'preferences'],
      ];
      for (const [body, field] of cases) {
        const response = await identity<{ code: string; details: { fields: { field: string }[] } }>('PATCH', '/profile', { token: ada.token, body });
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.details.fields.map((f) => f.field)).toContain(field);
      }
      expect(await profileOf(ada)).toEqual(before);
    });

    it('changes only the caller’s own profile', async () => {
      const grace = await account('grace.profile@example.test', 'Grace Hopper');
      const adaBefore = await profileOf(ada);
      const changed = await identity<Profile>('PATCH', '/profile', { token: grace.token, body: { displayName: 'Amazing Grace', timeZone: 'America/New_York' } });
      expect(changed.body).toMatchObject({ id: grace.id, displayName: 'Amazing Grace', timeZone: 'America/New_York' });
      expect(await profileOf(ada)).toEqual(adaBefore);
      expect((await identity('GET', '/profile')).status).toBe(401);
    });
  });

  describe('avatar', () => {
    let owner: Account;
    let firstUrl: string;

    beforeAll(async () => {
      owner = await account('avatar@example.test', 'Pic Owner');
    });

    it('takes a PNG, and serves it back publicly as a square WebP with immutable caching', async () => {
      const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#f00' } }).png().toBuffer();
      const uploaded = await putAvatar(owner, png);
      expect(uploaded.status).toBe(200);
      const profile = uploaded.json<Profile>();
      expect(profile.avatarUrl).toBe(`/api/identity/avatars/${owner.id}/1/128.webp`);
      expect((await profileOf(owner)).avatarUrl).toBe(profile.avatarUrl);
      firstUrl = profile.avatarUrl as string;

      const served = await raw('GET', firstUrl); // no token: avatars are public
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(served.bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: 128, height: 128 });
      const { data } = await sharp(served.bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(200); // still red
      expect(data[1]).toBeLessThan(50);

      for (const size of [48, 512]) {
        const other = await raw('GET', firstUrl.replace('/128.webp', `/${size}.webp`));
        expect(other.status).toBe(200);
        expect(await sharp(other.bytes).metadata()).toMatchObject({ width: size, height: size });
      }
      for (const missing of [firstUrl.replace('/128.webp', '/64.webp'), firstUrl.replace('/1/', '/2/'), `/api/identity/avatars/${randomUUID()}/1/128.webp`]) {
        const response = await raw('GET', missing);
        expect({ missing, status: response.status }).toEqual({ missing, status: 404 });
        expect(response.headers.get('cache-control')).toBeNull();
      }
      expect(await avatarKeys(owner.id)).toEqual([48, 128, 512].map((s) => `avatars/${owner.id}/1/${s}.webp`).sort());
    });

    it('judges by content: a text file sent as image/png is 415 and changes nothing', async () => {
      const refused = await putAvatar(owner, Buffer.from('this is not a picture\n'.repeat(20)), 'image/png');
      expect(refused.status).toBe(415);
      expect(refused.json()).toMatchObject({ code: 'AVATAR_NOT_AN_IMAGE' });
      const svg = await putAvatar(owner, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'), 'application/octet-stream');
      expect(svg.json()).toMatchObject({ code: 'AVATAR_NOT_AN_IMAGE' });
      const unknownType = await putAvatar(owner, Buffer.from('<svg/>'), 'image/svg+xml');
      expect(unknownType.status).toBe(415);
      expect(unknownType.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect((await profileOf(owner)).avatarUrl).toBe(firstUrl);
    });

    it('answers an over-limit body with a JSON 413, whoever refuses it', async () => {
      const justOver = await putAvatar(owner, Buffer.alloc(AVATAR_MAX_BYTES + 1, 1));
      expect(justOver.status).toBe(413);
      expect(justOver.headers.get('content-type')).toMatch(/^application\/json/);
      expect(justOver.json()).toMatchObject({ code: 'AVATAR_TOO_LARGE', message: expect.any(String) });

      // A larger declared length Fastify refuses before reading a byte; the platform's filter still answers JSON.
      const farOver = await declareUpload(owner, AVATAR_MAX_BYTES + 1024 * 1024);
      expect(farOver.status).toBe(413);
      expect(farOver.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(farOver.body)).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) });
      expect((await profileOf(owner)).avatarUrl).toBe(firstUrl);
    });

    it('replaces the avatar under a new version and deletes the old one’s objects', async () => {
      const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#00f' } }).jpeg().toBuffer();
      const replaced = await putAvatar(owner, jpeg, 'image/jpeg');
      expect(replaced.status).toBe(200);
      const secondUrl = replaced.json<Profile>().avatarUrl as string;
      expect(secondUrl).toBe(`/api/identity/avatars/${owner.id}/2/128.webp`);
      expect((await raw('GET', firstUrl)).status).toBe(404);
      expect((await raw('GET', secondUrl)).status).toBe(200);
      expect(await avatarKeys(owner.id)).toEqual([48, 128, 512].map((s) => `avatars/${owner.id}/2/${s}.webp`).sort());
    });

    it('removes the avatar, and never reuses a version afterwards', async () => {
      const removed = await raw('DELETE', `${stack.identity.baseUrl}/profile/avatar`, { token: owner.token });
      expect(removed.status).toBe(204);
      expect((await profileOf(owner)).avatarUrl).toBeNull();
      expect((await raw('GET', `/api/identity/avatars/${owner.id}/2/128.webp`)).status).toBe(404);
      expect(await avatarKeys(owner.id)).toEqual([]);

      const gif = await sharp({ create: { width: 50, height: 80, channels: 3, background: '#0f0' } }).gif().toBuffer();
      const again = await putAvatar(owner, gif, 'image/gif');
      expect(again.json<Profile>().avatarUrl).toBe(`/api/identity/avatars/${owner.id}/3/128.webp`);
      expect((await raw('DELETE', `${stack.identity.baseUrl}/profile/avatar`)).status).toBe(401);
    });
  });

  describe('contacts', () => {
    let owner: Account;
    let zed: Account;
    let amy: Account;
    let mia: Account;
    const names = (page: Page<Contact>) => page.items.map((c) => c.user.displayName);

    beforeAll(async () => {
      owner = await account('contacts.owner@example.test', 'Contact Owner');
      zed = await account('zed@example.test', 'Zed Zebra');
      amy = await account('amy@example.test', 'amy Ant');
      mia = await account('mia@example.test', 'Mia Moth');
    });

    it('adds, favourites, lists favourites first then by name, pages, and removes', async () => {
      for (const who of [zed, amy, mia]) {
        const added = await identity<Contact>('PUT', `/contacts/${who.id}`, { token: owner.token });
        expect(added.status).toBe(200);
        expect(added.body).toMatchObject({ user: { id: who.id, avatarUrl: null }, favourite: false, addedAt: expect.any(String) });
        expect(added.body.user).not.toHaveProperty('email');
      }
      const favourite = await identity<Contact>('PATCH', `/contacts/${zed.id}`, { token: owner.token, body: { favourite: true } });
      expect(favourite.body).toMatchObject({ user: { id: zed.id }, favourite: true });
      // Adding again keeps the contact as it is.
      expect((await identity<Contact>('PUT', `/contacts/${zed.id}`, { token: owner.token })).body.favourite).toBe(true);

      const all = await identity<Page<Contact>>('GET', '/contacts', { token: owner.token });
      expect(names(all.body)).toEqual(['Zed Zebra', 'amy Ant', 'Mia Moth']);
      expect(all.body.next).toBeUndefined();

      const first = await identity<Page<Contact>>('GET', '/contacts?limit=2', { token: owner.token });
      expect(names(first.body)).toEqual(['Zed Zebra', 'amy Ant']);
      const second = await identity<Page<Contact>>('GET', `/contacts?limit=2&cursor=${first.body.next}`, { token: owner.token });
      expect(names(second.body)).toEqual(['Mia Moth']);
      expect(second.body.next).toBeUndefined();

      expect((await identity('DELETE', `/contacts/${amy.id}`, { token: owner.token })).status).toBe(204);
      expect(names((await identity<Page<Contact>>('GET', '/contacts', { token: owner.token })).body)).toEqual(['Zed Zebra', 'Mia Moth']);
      // Someone else's list is their own.
      expect((await identity<Page<Contact>>('GET', '/contacts', { token: zed.token })).body.items).toEqual([]);
    });

    it('refuses unknown people, yourself, and contacts you do not have', async () => {
      expect(await identity('PUT', `/contacts/${randomUUID()}`, { token: owner.token })).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
      expect(await identity('PUT', `/contacts/${owner.id}`, { token: owner.token })).toMatchObject({ status: 400, body: { code: 'CONTACT_SELF' } });
      expect((await identity('PUT', '/contacts/not-a-uuid', { token: owner.token })).status).toBe(400);
      expect(await identity('PATCH', `/contacts/${amy.id}`, { token: owner.token, body: { favourite: true } })).toMatchObject({
        status: 404,
        body: { code: 'CONTACT_NOT_FOUND' },
      });
      expect((await identity('PATCH', `/contacts/${mia.id}`, { token: owner.token, body: { favourite: true, note: 'x' } })).status).toBe(400);
      expect((await identity('GET', '/contacts', { token: owner.token })).status).toBe(200);
      expect((await identity('GET', '/contacts')).status).toBe(401);
    });

    it('refuses a disabled account as a new contact', async () => {
      // The harness makes admin@example.test a platform admin once verified.
      const admin = await account('admin@example.test', 'The Admin');
      expect((await identity('POST', `/admin/users/${amy.id}/disable`, { token: admin.token })).status).toBe(204);
      expect(await identity('PUT', `/contacts/${amy.id}`, { token: owner.token })).toMatchObject({ status: 404, body: { code: 'USER_NOT_FOUND' } });
    });
  });

  describe('directory search', () => {
    let searcher: Account;
    let hidden: Account;
    let alpha: Account;
    const found: Record<string, Account> = {};
    const search = (q: string, token = searcher.token, extra = '') =>
      identity<Page<DirectoryEntry>>('GET', `/directory/search?q=${encodeURIComponent(q)}${extra}`, { token });

    beforeAll(async () => {
      searcher = await account('quill.searcher@example.test', 'Quill Searcher');
      for (const [key, name] of [
        ['alpha', 'Quill Alpha'],
        ['beta', 'quill beta'],
        ['gamma', 'QUILL Gamma'],
        ['delta', 'Quill Delta'],
        ['epsilon', 'Quillon Epsilon'],
      ]) {
        found[key] = await account(`${key}.quill@example.test`, name);
      }
      alpha = found['alpha'];
      hidden = await account('hidden.quill@example.test', 'Quill Hidden');
      expect((await identity('PATCH', '/profile', { token: hidden.token, body: { discoverable: false } })).status).toBe(200);
      await account('other@example.test', 'Other Person');
    });

    it('finds discoverable accounts by the start of their name, in any case, never the searcher or opted-out ones', async () => {
      const response = await search('quil');
      expect(response.status).toBe(200);
      expect(response.body.items.map((u) => u.displayName)).toEqual(['Quill Alpha', 'quill beta', 'Quill Delta', 'QUILL Gamma', 'Quillon Epsilon']);
      for (const item of response.body.items) expect(Object.keys(item).sort()).toEqual(['avatarUrl', 'displayName', 'id']);
      expect((await search('QUILL B')).body.items.map((u) => u.id)).toEqual([found['beta'].id]);
      expect((await search('Quill Hid')).body.items).toEqual([]);
      expect((await search('Quill Sea')).body.items).toEqual([]);
      expect((await search('nobody like this')).body.items).toEqual([]);
    });

    it('pages with an opaque cursor, showing each account once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await search('quill', searcher.token, `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((u) => u.id));
        cursor = page.body.next;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(new Set(seen).size);
      expect(seen.sort()).toEqual(Object.values(found).map((a) => a.id).sort());
      expect(await search('quill', searcher.token, '&cursor=bm90LWEtY3Vyc29y')).toMatchObject({ status: 400, body: { code: 'CURSOR_INVALID' } });
    });

    it('finds exactly the account of an exact address, with its address, unless it opted out', async () => {
      const exact = await search('Alpha.Quill@Example.test');
      expect(exact.body.items).toEqual([{ id: alpha.id, displayName: 'Quill Alpha', avatarUrl: null, email: 'alpha.quill@example.test' }]);
      expect((await search(hidden.email)).body.items).toEqual([]);
      expect((await search(searcher.email)).body.items).toEqual([]);
      expect((await search('nobody@example.test')).body.items).toEqual([]);
      // An address nobody has proven is not vouched for.
      const unverified = await account('unverified.quill@example.test', 'Quill Unverified', { verify: false });
      expect((await search(unverified.email)).body.items).toEqual([]);
      expect((await search('Quill Unv')).body.items.map((u) => u.id)).toEqual([unverified.id]);
    });

    it('refuses queries shorter than 2 or longer than 100 characters, and anonymous searches', async () => {
      expect(await search('q')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'q' }] } } });
      expect((await search('   q   ')).status).toBe(400);
      expect((await search('q'.repeat(101))).status).toBe(400);
      expect((await identity('GET', '/directory/search?q=quill')).status).toBe(401);
    });

    it('limits searches to 60 a minute per user', async () => {
      const busy = await account('busy.searcher@example.test', 'Busy Searcher');
      for (let i = 0; i < 60; i += 1) expect((await search('quill', busy.token)).status).toBe(200);
      const limited = await search('quill', busy.token);
      expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another user is not affected.
      expect((await search('quill')).status).toBe(200);
    });
  });
});
