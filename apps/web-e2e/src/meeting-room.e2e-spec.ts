import type { Browser, Page } from 'playwright-core';
import { launchChromium, mailTo, type Platform, startTestPlatform, type TestPlatform } from '@confer/shared/server/devstack';
import { expectVideoPlaying, loudestRemoteAudio } from './room-media';

const HOST = { name: 'Hedy Lamarr', email: 'hedy@example.test', password: 'frequency hopping spread' };
const GUEST = 'Gwen Guest';
const THIRD = 'Theo Third';

/**
 * The meeting room in real browsers over the real LiveKit: a host schedules a meeting with a waiting
 * room, a guest joins through the link and the lobby, they see and hear each other, the guest shares
 * their screen, a third person joins, the host mutes the guest, the guest raises a hand, and the host
 * ends the meeting for everyone.
 */
describe('a meeting in the browser', () => {
  let stack: TestPlatform;
  let platform: Platform;
  const browsers: Browser[] = [];
  let host: Page;
  let guest: Page;
  let third: Page;
  let joinLink: string;

  beforeAll(async () => {
    stack = await startTestPlatform({
      name: 'e2e-room',
      services: ['identity', 'meetings'],
      companions: { livekit: true, s3: true, mail: true },
      logLevel: 'warn',
    });
    platform = stack.platform;
    await registerVerified(platform);
    for (let i = 0; i < 3; i++) browsers.push(await launchChromium());
    [host, guest, third] = await Promise.all(browsers.map((browser) => browser.newPage({ viewport: { width: 1280, height: 800 } })));
  });

  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await stack?.stop();
  });

  const tile = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

  it('the host schedules a meeting with a waiting room and opens it', async () => {
    await host.goto(`${platform.origin}/sign-in`);
    await host.getByLabel('Email address').fill(HOST.email);
    await host.getByLabel('Password').fill(HOST.password);
    await host.getByRole('button', { name: 'Sign in' }).click();
    await host.getByRole('button', { name: 'Sign out', exact: true }).waitFor();

    await host.goto(`${platform.origin}/meetings/new`);
    await host.getByLabel('Title', { exact: true }).fill('Spread spectrum review');
    await host.getByLabel('Starts at').fill(localInput(new Date(Date.now() + 10 * 60_000)));
    await host.getByLabel('Waiting room').check();
    await host.getByLabel('Allow guests').check();
    await host.getByRole('button', { name: 'Schedule meeting' }).click();
    await host.waitForURL(/\/meetings\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    const code = /([a-z]{3}-[a-z]{4}-[a-z]{3})$/.exec(host.url())?.[1] as string;
    joinLink = `${platform.origin}/m/${code}`;

    await host.getByRole('link', { name: 'Join', exact: true }).click();
    await host.getByRole('heading', { name: 'Spread spectrum review' }).waitFor();
    await host.getByText(`Joining as ${HOST.name}`).waitFor();
    await host.getByRole('button', { name: 'Join meeting' }).click();
    await tile(host, `${HOST.name} (you)`).waitFor();
    await expectVideoPlaying(tile(host, `${HOST.name} (you)`));
  });

  it('a guest joins through the link and waits in the lobby until the host admits them', async () => {
    await guest.goto(joinLink);
    await guest.getByRole('heading', { name: 'Spread spectrum review' }).waitFor();
    await guest.getByText(`Hosted by ${HOST.name}`).waitFor();
    await guest.getByLabel('Your name').fill(GUEST);
    // Device choice on the pre-join screen: Chromium's fake devices.
    await guest.getByLabel('Microphone device').selectOption({ label: 'Fake Audio Input 1' });
    await guest.getByRole('button', { name: 'Join meeting' }).click();
    await guest.getByText('Waiting for the host to let you in…').waitFor();

    // The host learns of it without reloading: the badge on Participants, then the queue.
    await host.getByRole('button', { name: /Participants.*1 waiting/ }).click();
    await host.getByRole('button', { name: `Admit ${GUEST}` }).click();
    await tile(guest, `${GUEST} (you)`).waitFor({ timeout: 30_000 });
  });

  it('both see and hear each other', async () => {
    const [seenByHost, seenByGuest] = await Promise.all([expectVideoPlaying(tile(host, GUEST)), expectVideoPlaying(tile(guest, HOST.name))]);
    expect(seenByHost.width).toBeGreaterThan(0);
    expect(seenByGuest.width).toBeGreaterThan(0);
    const [heardByHost, heardByGuest] = await Promise.all([loudestRemoteAudio(host), loudestRemoteAudio(guest)]);
    expect(heardByHost).toBeGreaterThan(0.001);
    expect(heardByGuest).toBeGreaterThan(0.001);
  });

  it('the guest shares their screen and the host sees it large', async () => {
    await guest.getByRole('button', { name: 'Share screen' }).click();
    await guest.getByText('You are sharing your screen.').waitFor();
    await expect(guest.getByRole('button', { name: 'Share screen' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expectVideoPlaying(tile(host, `${GUEST}: shared screen`));
  });

  it('a third person joins and everyone sees everyone', async () => {
    await third.goto(joinLink);
    await third.getByLabel('Your name').fill(THIRD);
    await third.getByRole('button', { name: 'Join meeting' }).click();
    await host.getByRole('button', { name: `Admit ${THIRD}` }).click();
    await tile(third, `${THIRD} (you)`).waitFor({ timeout: 30_000 });
    await Promise.all([
      expectVideoPlaying(tile(third, HOST.name)),
      expectVideoPlaying(tile(third, `${GUEST}: shared screen`)),
      expectVideoPlaying(tile(host, THIRD)),
      expectVideoPlaying(tile(guest, THIRD)),
    ]);
    await guest.getByRole('button', { name: 'Stop sharing' }).click();
    await tile(host, `${GUEST}: shared screen`).waitFor({ state: 'detached' });
    await expect(host.getByRole('heading', { name: 'Participants (3)' }).isVisible()).resolves.toBe(true);
  });

  it('the host mutes the guest, and the guest raises a hand', async () => {
    await host.getByRole('button', { name: `Mute ${GUEST}` }).click();
    await guest.getByText('A host muted your microphone.').first().waitFor();
    await waitForAttribute(guest.getByRole('button', { name: 'Microphone' }), 'aria-pressed', 'false');
    await tile(host, GUEST).getByRole('img', { name: 'Microphone off' }).waitFor();
    await host.getByRole('button', { name: `Ask to unmute: ${GUEST}` }).click();
    await guest.getByText('A host asks you to unmute your microphone.').first().waitFor();

    await guest.keyboard.press('Alt+KeyY');
    await tile(host, GUEST).getByRole('img', { name: 'Hand raised' }).waitFor();
    await tile(third, GUEST).getByRole('img', { name: 'Hand raised' }).waitFor();
  });

  it('the host ends the meeting and everyone sees that it has ended', async () => {
    await host.getByRole('button', { name: 'End for everyone' }).click();
    await host.getByRole('button', { name: 'End meeting' }).click();
    // Each page says so; one that does not is named, with what it shows instead.
    const pages = { host, guest, third };
    const outcomes = await Promise.allSettled(Object.values(pages).map((page) => page.getByText('The meeting has ended.').waitFor({ timeout: 30_000 })));
    const notEnded = await Promise.all(
      Object.entries(pages).map(async ([who, page], i) =>
        outcomes[i].status === 'rejected' ? `${who}: ${(await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 200)}` : null,
      ),
    );
    expect(notEnded.filter((line) => line !== null)).toEqual([]);
    await guest.reload();
    await guest.getByText('This meeting has ended.').waitFor();
  });
});

async function waitForAttribute(locator: ReturnType<Page['getByRole']>, name: string, value: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.getAttribute(name)) !== value) {
    if (Date.now() > deadline) throw new Error(`${name} never became ${value}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `YYYY-MM-DDTHH:mm` in the browser's zone (UTC here: the test browsers run with the machine's zone). */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function registerVerified(platform: Platform): Promise<void> {
  const post = (path: string, body: unknown) =>
    fetch(`${platform.origin}/api${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post('/identity/auth/register', { email: HOST.email, password: HOST.password, displayName: HOST.name });
  const [mail] = await mailTo(platform.mail?.httpUrl as string, HOST.email);
  const token = /verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  const verified = await post('/identity/auth/verify-email', { token });
  if (verified.status !== 200) throw new Error(`verification answered ${verified.status}`);
}
