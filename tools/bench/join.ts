/**
 * bench:join — how long a person waits in the browser from clicking "Join meeting" to the first frame
 * of someone else's video, through the whole real path: the join API behind the edge (token minting),
 * the LiveKit connection, publishing, subscribing, and the first decoded frame.
 *
 * A host sits in an instant meeting (no waiting room) in one Chromium; a second Chromium joins as a
 * guest BENCH_JOINS times (default 12, after one warm-up join), each time in a fresh browser context,
 * then leaves. Both use Chromium's fake camera and microphone. Timing is taken inside the joining page
 * (performance.now): the click on "Join meeting", the end of the join API response, and the first
 * video frame of the host's tile (requestVideoFrameCallback). The page and its code are already loaded
 * when the clock starts, as for a person looking at the pre-join screen.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, mailTo, startTestPlatform, type Platform } from '@confer/shared/server/devstack';
import { percentile, printTable, round } from './load';

const JOINS = Number(process.env['BENCH_JOINS'] ?? 12);
const HOST = { name: 'Bench Host', email: 'bench-host@example.test', password: 'bench passphrase that is long' };

interface JoinTiming {
  /** Click → join API answered (edge, meetings, token). */
  apiMs: number;
  /** Click → first decoded frame of the host's video. */
  firstFrameMs: number;
}

async function main(): Promise<void> {
  const stack = await startTestPlatform({
    name: 'bench-join',
    services: ['identity', 'meetings'],
    companions: { livekit: true, s3: false, mail: true },
    logLevel: 'warn',
  });
  const browsers: Browser[] = [];
  try {
    const { platform } = stack;
    const code = await meetingOfVerifiedHost(platform);
    const hostBrowser = await launchChromium();
    const guestBrowser = await launchChromium();
    browsers.push(hostBrowser, guestBrowser);
    const host = await hostBrowser.newPage();
    await signInAndJoin(host, platform, code);

    const timings: JoinTiming[] = [];
    for (let i = 0; i <= JOINS; i++) {
      const timing = await timedJoin(guestBrowser, `${platform.origin}/m/${code}`, `Guest ${i}`);
      if (i > 0) timings.push(timing); // the first join warms up the services and LiveKit
    }
    report(timings);
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
    await stack.stop();
  }
}

/** One guest join in a fresh context: pre-join loaded, then the clock runs from the click to the first host frame. */
async function timedJoin(browser: Browser, link: string, name: string): Promise<JoinTiming> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Camera device').waitFor(); // the preview is up: devices are open and listed
    await page.evaluate(clockScript(HOST.name));
    await page.getByRole('button', { name: 'Join meeting' }).click();
    await firstFrame(page);
    const timing = (await page.evaluate(`(() => {
      const clock = window.benchClock;
      const join = performance.getEntriesByType('resource').find((entry) => /\\/meetings\\/[a-z-]+\\/join$/.test(entry.name));
      return { apiMs: (join ? join.responseEnd : clock.clickedAt) - clock.clickedAt, firstFrameMs: clock.frameAt - clock.clickedAt };
    })()`)) as JoinTiming;
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.getByText('You left the meeting.').waitFor();
    return timing;
  } finally {
    await context.close();
  }
}

/** Polls from here: the page's CSP (rightly) forbids the eval that page.waitForFunction would need. */
async function firstFrame(page: Page, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!((await page.evaluate('window.benchClock.frameAt')) as number)) {
    if (Date.now() > deadline) throw new Error('no frame of the host arrived');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The in-page clock, as source text: tsx would wrap a function passed to page.evaluate with helpers
 * that do not exist in the page. It notes the click on "Join meeting" and the first video frame of the
 * host's tile, both on the page's own clock.
 */
function clockScript(hostName: string): string {
  return `(() => {
    const clock = { clickedAt: 0, frameAt: 0, watching: false };
    window.benchClock = clock;
    document.addEventListener('click', (event) => {
      if (event.target.closest('button')?.textContent?.includes('Join meeting')) clock.clickedAt = performance.now();
    }, true);
    const watch = () => {
      const video = document.querySelector('figure[aria-label=' + JSON.stringify(${JSON.stringify(hostName)}) + '] video');
      if (!video || clock.watching) return;
      clock.watching = true;
      video.requestVideoFrameCallback(() => { clock.frameAt = performance.now(); });
    };
    new MutationObserver(watch).observe(document.body, { subtree: true, childList: true });
  })()`;
}

async function signInAndJoin(page: Page, platform: Platform, code: string): Promise<void> {
  await page.goto(`${platform.origin}/sign-in`);
  await page.getByLabel('Email address').fill(HOST.email);
  await page.getByLabel('Password').fill(HOST.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
  await page.goto(`${platform.origin}/m/${code}`);
  await page.getByRole('button', { name: 'Join meeting' }).click();
  await page.getByRole('group', { name: `${HOST.name} (you)` }).waitFor();
}

/** A verified host and an instant meeting of theirs (no waiting room: the defaults). */
async function meetingOfVerifiedHost(platform: Platform): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${platform.origin}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  await post('/identity/auth/register', { email: HOST.email, password: HOST.password, displayName: HOST.name });
  const [mail] = await mailTo(platform.mail?.httpUrl as string, HOST.email);
  const verifyToken = /verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  if ((await post('/identity/auth/verify-email', { token: verifyToken })).status !== 200) throw new Error('verification failed');
  const { accessToken } = (await (await post('/identity/auth/sign-in', { email: HOST.email, password: HOST.password })).json()) as { accessToken: string };
  const created = await post('/meetings/meetings', { title: 'Join benchmark' }, accessToken);
  if (created.status !== 201) throw new Error(`creating the meeting answered ${created.status}`);
  return ((await created.json()) as { code: string }).code;
}

function report(timings: JoinTiming[]): void {
  printTable(
    `bench:join — click "Join meeting" → first remote video frame, ${timings.length} joins`,
    timings.map((t, i) => ({ join: i + 1, 'join API ms': round(t.apiMs), 'first frame ms': round(t.firstFrameMs) })),
  );
  const frames = timings.map((t) => t.firstFrameMs).sort((a, b) => a - b);
  const api = timings.map((t) => t.apiMs).sort((a, b) => a - b);
  const figures = {
    joins: timings.length,
    p50Ms: percentile(frames, 50),
    p95Ms: percentile(frames, 95),
    minMs: round(frames[0] ?? 0),
    maxMs: round(frames.at(-1) ?? 0),
    apiP50Ms: percentile(api, 50),
  };
  printTable('Summary (goal: p50 ≤ 1,000 ms)', [figures]);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
