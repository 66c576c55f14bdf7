import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, mailTo, type Platform, startTestPlatform, type TestPlatform } from '@confer/shared/server/devstack';

const GRACE = { name: 'Grace Hopper', email: 'grace@example.test', password: 'nanoseconds of wire' };

/**
 * Settings → Privacy in the browser, against every service: a person downloads their data, then
 * deletes their account through the link mailed to them, and can no longer sign in.
 */
describe('privacy in the browser', () => {
  let stack: TestPlatform;
  let platform: Platform;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startTestPlatform({
      name: 'e2e-privacy',
      services: ['identity', 'meetings', 'chat', 'recording', 'analytics'],
      companions: { livekit: false, s3: true, mail: true },
      logLevel: 'warn',
    });
    platform = stack.platform;
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const linkFrom = (text: string, path: string) => new RegExp(`(http://\\S+${path}#token=[A-Za-z0-9_-]+)`).exec(text)?.[1];

  async function signIn(): Promise<void> {
    await page.goto(`${platform.origin}/sign-in`);
    await page.getByLabel('Email address').fill(GRACE.email);
    await page.getByLabel('Password').fill(GRACE.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('downloads everything Confer holds about the person as one JSON file', async () => {
    await page.goto(`${platform.origin}/register`);
    await page.getByLabel('Your name').fill(GRACE.name);
    await page.getByLabel('Email address').fill(GRACE.email);
    await page.getByLabel('Password').fill(GRACE.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    const [verification] = await mailTo(platform.mail?.httpUrl as string, GRACE.email);
    await page.goto(linkFrom(verification.text, '/verify-email') as string);
    await page.getByText('Your email address is confirmed.').waitFor();
    await signIn();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('button', { name: 'Prepare my data' }).click();
    const download = page.getByRole('button', { name: /^Download/ });
    await download.waitFor({ timeout: 30_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/^confer-data-\d{4}-\d{2}-\d{2}\.json$/);
    const archive = JSON.parse(await readFile((await file.path()) as string, 'utf8')) as {
      format: string;
      services: { identity: { account: { email: string; displayName: string } } } & Record<string, unknown>;
    };
    expect(archive.format).toBe('confer-data-export');
    expect(archive.services.identity.account).toMatchObject({ email: GRACE.email, displayName: GRACE.name });
    expect(Object.keys(archive.services).sort()).toEqual(['analytics', 'chat', 'identity', 'meetings', 'recording']);
  });

  it('deletes the account only after the mailed link is confirmed, and signs the person out', async () => {
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByText(/password is not right/).first().waitFor();
    await page.getByLabel('Password').fill(GRACE.password);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByText(/Check your email/).waitFor();

    const mails = await mailTo(platform.mail?.httpUrl as string, GRACE.email, { atLeast: 3 });
    const link = mails.map((m) => linkFrom(m.text, '/account/delete')).find(Boolean) as string;
    expect(new URL(link).origin).toBe(platform.origin);
    await page.goto(link);
    // Opening the link deletes nothing: the person has to say so.
    const confirm = page.getByRole('button', { name: 'Permanently delete my account' });
    await confirm.waitFor();
    await confirm.click();
    await page.getByRole('heading', { name: 'Your account has been deleted.' }).waitFor({ timeout: 30_000 });

    await signIn();
    await page.getByText(/not right|incorrect|wrong/i).first().waitFor();
    const goodbye = await mailTo(platform.mail?.httpUrl as string, GRACE.email, { atLeast: 4 });
    expect(goodbye.map((m) => m.subject)).toContain('Your Confer account was deleted');
  });
});
