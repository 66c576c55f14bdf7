import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import type { SessionGrant } from '@confer/identity/contracts';
import { launchChromium, mailTo, type Platform, startTestPlatform, type TestPlatform } from '@confer/shared/server/devstack';

const HOST = { name: 'Hedy Lamarr', email: 'hedy.chat@example.test', password: 'frequency hopping spread' };
const OUTSIDER = { name: 'Otto Outsider', email: 'otto@example.test', password: 'not invited at all' };
const GUEST = 'Gwen Guest';
const HELLO = 'Hello from Hedy: the notes are at https://example.com/notes';
const SECRET = 'Just between us, the torpedo guidance works';
const XSS = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>';

/**
 * The chat panel in real browsers through the real chat service: in a meeting without a waiting room,
 * a signed-in host and a guest exchange a message and a private one, react with an emoji and both see
 * the count, share and download a file, markup arrives as text, and the guest saves the chat. A
 * signed-in person who is not in the meeting can read none of it, neither over the history API nor by
 * connecting to the chat.
 */
describe('chat in the meeting room', () => {
  let stack: TestPlatform;
  let platform: Platform;
  const browsers: Browser[] = [];
  let host: Page;
  let guest: Page;
  let code: string;

  beforeAll(async () => {
    stack = await startTestPlatform({
      name: 'e2e-chat',
      services: ['identity', 'meetings', 'chat'],
      companions: { livekit: true, s3: true, mail: true },
      logLevel: 'warn',
    });
    platform = stack.platform;
    await register(platform, HOST, { verified: true });
    await register(platform, OUTSIDER, { verified: false });
    const token = (await signIn(platform, HOST)).accessToken;
    const created = await fetch(`${platform.origin}/api/meetings/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: 'Chat journey', settings: { waitingRoom: false, allowGuests: true, allowChat: true } }),
    });
    if (created.status !== 201) throw new Error(`create meeting: ${created.status} ${await created.text()}`);
    code = ((await created.json()) as { code: string }).code;
    for (let i = 0; i < 2; i++) browsers.push(await launchChromium());
    [host, guest] = await Promise.all(browsers.map((browser) => browser.newPage({ viewport: { width: 1280, height: 800 } })));
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await stack?.stop();
  });

  const tile = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
  const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
  const message = (page: Page, words: string): Locator => messages(page).getByRole('listitem').filter({ hasText: words });

  it('the host and a guest join the meeting', async () => {
    await host.goto(`${platform.origin}/sign-in`);
    await host.getByLabel('Email address').fill(HOST.email);
    await host.getByLabel('Password').fill(HOST.password);
    await host.getByRole('button', { name: 'Sign in' }).click();
    await host.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await host.goto(`${platform.origin}/m/${code}`);
    await host.getByRole('button', { name: 'Join meeting' }).click();
    await tile(host, `${HOST.name} (you)`).waitFor({ timeout: 30_000 });

    await guest.goto(`${platform.origin}/m/${code}`);
    await guest.getByLabel('Your name').fill(GUEST);
    await guest.getByRole('button', { name: 'Join meeting' }).click();
    await tile(guest, `${GUEST} (you)`).waitFor({ timeout: 30_000 });
    await tile(host, GUEST).waitFor({ timeout: 30_000 });
  });

  it('the host writes to everyone; the guest sees the unread badge and reads it', async () => {
    const chat = host.getByRole('button', { name: 'Chat', exact: true });
    await chat.click();
    await host.getByRole('heading', { name: 'Chat', exact: true }).waitFor();
    // The panel showing and the button's state come from the same change detection pass.
    await expect(chat.getAttribute('aria-expanded')).resolves.toBe('true');
    const composer = host.getByRole('textbox', { name: 'Message' });
    await composer.fill(HELLO);
    await composer.press('Enter');
    await message(host, HELLO).waitFor();

    await guest.getByRole('button', { name: 'Chat 1 unread' }).waitFor({ timeout: 15_000 });
    await guest.keyboard.press('Alt+KeyH');
    await message(guest, HELLO).getByText(HOST.name).waitFor();
    const link = message(guest, HELLO).getByRole('link', { name: 'https://example.com/notes' });
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(guest.getByRole('button', { name: /^Chat/ }).getAttribute('aria-expanded')).resolves.toBe('true');
  });

  it('the guest writes privately to the host, and both see it marked private', async () => {
    await guest.getByLabel('Send to').selectOption({ label: HOST.name });
    await guest.getByRole('textbox', { name: 'Message' }).fill(SECRET);
    await guest.getByRole('button', { name: 'Send', exact: true }).click();
    await message(guest, SECRET).getByText(`Privately to ${HOST.name}`).waitFor();
    await message(host, SECRET).getByText(`Privately from ${GUEST}`).waitFor();
  });

  it('both react with 👍 and see the count and who reacted', async () => {
    await message(guest, HELLO).getByRole('button', { name: 'Add reaction' }).click();
    await guest.getByRole('menuitem', { name: 'Thumbs up' }).click();
    await message(guest, HELLO).getByRole('button', { name: '👍 1, reacted by you' }).waitFor();
    const hostReaction = message(host, HELLO).getByRole('button', { name: `👍 1, reacted by ${GUEST}` });
    await hostReaction.click();
    await message(host, HELLO).getByRole('button', { name: `👍 2, reacted by ${GUEST} and you` }).waitFor();
    await message(guest, HELLO).getByRole('button', { name: `👍 2, reacted by ${HOST.name} and you` }).waitFor();
  });

  it('the host shares a file and the guest downloads the same bytes as an attachment', async () => {
    const notes = Buffer.from('Frequency-hopping notes\nChannel plan: 88 frequencies, like the piano.\n', 'utf8');
    await host.getByLabel('Send to').selectOption({ label: 'Everyone' });
    const [chooser] = await Promise.all([host.waitForEvent('filechooser'), host.getByRole('button', { name: 'Attach a file' }).click()]);
    await chooser.setFiles({ name: 'hopping-notes.txt', mimeType: 'text/plain', buffer: notes });
    const download = message(guest, 'hopping-notes.txt').getByRole('button', { name: 'Download hopping-notes.txt' });
    await download.waitFor({ timeout: 15_000 });
    const [file] = await Promise.all([guest.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('hopping-notes.txt');
    await expect(readFile((await file.path()) as string)).resolves.toEqual(notes);
  });

  it('markup in a message arrives as text and runs nothing', async () => {
    await guest.getByLabel('Send to').selectOption({ label: 'Everyone' });
    await guest.getByRole('textbox', { name: 'Message' }).fill(XSS);
    await guest.keyboard.press('Enter');
    await message(host, 'window.__xss').waitFor();
    await expect(message(host, 'window.__xss').getByText(XSS, { exact: true }).count()).resolves.toBe(1);
    await expect(messages(host).locator('img, script').count()).resolves.toBe(0);
    await expect(host.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined();
  });

  it('the guest saves the chat as a text file: everything they may see, the private message included', async () => {
    const [file] = await Promise.all([guest.waitForEvent('download'), guest.getByRole('button', { name: 'Save chat' }).click()]);
    expect(file.suggestedFilename()).toBe(`chat-${code}.txt`);
    const saved = await readFile((await file.path()) as string, 'utf8');
    expect(saved).toContain(`${HOST.name}: ${HELLO}`);
    expect(saved).toContain(`${GUEST} → ${HOST.name} (private): ${SECRET}`);
    expect(saved).toContain('[file: hopping-notes.txt');
  });

  it('someone signed in who is not in the meeting can read none of it', async () => {
    const context = await browsers[0].newContext();
    const outsider = await context.newPage();
    try {
      await outsider.goto(`${platform.origin}/`);
      const seen = await outsider.evaluate(
        async ({ code, email, password }) => {
          const signedIn = await fetch('/api/identity/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
          const { accessToken } = (await signedIn.json()) as { accessToken: string };
          const auth = { authorization: `Bearer ${accessToken}` };
          const history = await fetch(`/api/chat/meetings/${code}/messages`, { headers: auth });
          const search = await fetch(`/api/chat/search?q=${encodeURIComponent('torpedo')}`, { headers: auth });
          // A socket.io handshake by hand (Engine.IO 4): the open packet, then CONNECT with the auth.
          const answer = await new Promise<string>((resolve, reject) => {
            const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api/chat/socket.io/?EIO=4&transport=websocket`);
            const timer = setTimeout(() => reject(new Error('no answer to the handshake')), 10_000);
            socket.onmessage = (event) => {
              const packet = String(event.data);
              if (packet.startsWith('0')) socket.send(`40${JSON.stringify({ code, token: accessToken })}`);
              else if (packet.startsWith('4')) {
                clearTimeout(timer);
                socket.close();
                resolve(packet);
              }
            };
            socket.onerror = () => reject(new Error('the socket failed'));
          });
          return { signedIn: signedIn.status, history: history.status, historyBody: await history.text(), searchBody: await search.text(), answer };
        },
        { code, email: OUTSIDER.email, password: OUTSIDER.password },
      );
      expect(seen.signedIn).toBe(200);
      expect(seen.history).toBe(404);
      expect(JSON.parse(seen.historyBody)).toMatchObject({ code: 'CHAT_NOT_FOUND' });
      expect(JSON.parse(seen.searchBody)).toEqual({ results: [], nextCursor: null });
      expect(seen.answer.startsWith('44')).toBe(true);
      expect(JSON.parse(seen.answer.slice(2))).toMatchObject({ data: { code: 'CHAT_NOT_FOUND' } });
      for (const words of ['Hello from Hedy', 'torpedo', '__xss']) expect(`${seen.historyBody}${seen.searchBody}${seen.answer}`).not.toContain(words);
    } finally {
      await context.close();
    }
  });
});

async function register(platform: Platform, person: { name: string; email: string; password: string }, options: { verified: boolean }): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${platform.origin}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const registered = await post('/identity/auth/register', { email: person.email, password: person.password, displayName: person.name });
  if (registered.status !== 202) throw new Error(`register ${person.email}: ${registered.status}`);
  if (!options.verified) return;
  const [mail] = await mailTo(platform.mail?.httpUrl as string, person.email);
  const token = /verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  const verified = await post('/identity/auth/verify-email', { token });
  if (verified.status !== 200) throw new Error(`verification answered ${verified.status}`);
}

async function signIn(platform: Platform, person: { email: string; password: string }): Promise<SessionGrant> {
  const answer = await fetch(`${platform.origin}/api/identity/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  if (answer.status !== 200) throw new Error(`sign in ${person.email}: ${answer.status}`);
  return (await answer.json()) as SessionGrant;
}
