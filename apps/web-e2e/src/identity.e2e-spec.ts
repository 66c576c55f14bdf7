import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium, mailTo, type Platform, startTestPlatform, type TestPlatform } from '@confer/shared/server/devstack';
import { authenticatorCode, currentStep } from './authenticator';

interface Person {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

const ADA: Person = { name: 'Ada Lovelace', email: 'ada@example.test', password: 'analytical engine notes' };
const CHARLES: Person = { name: 'Charles Babbage', email: 'charles@example.test', password: 'difference engine plans' };

/**
 * A new person registers, verifies through the mail, turns on two-step sign-in and signs back in with
 * it, then changes their picture; a second person finds them by name and adds them as a contact.
 */
describe('accounts in the browser', () => {
  let stack: TestPlatform;
  let platform: Platform;
  let browser: Browser;
  let page: Page;
  let secret: string;
  let usedStep = 0;

  beforeAll(async () => {
    stack = await startTestPlatform({
      name: 'e2e-identity',
      services: ['identity', 'meetings'],
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

  /** A TOTP code for a step not used yet; the server accepts one step either side of now. */
  function nextCode(): string {
    usedStep = Math.max(usedStep + 1, currentStep());
    return authenticatorCode(secret, usedStep);
  }

  /** On the registration page: fills it in for `person`, sends it, and follows the link mailed to them. */
  async function registerAndVerify(on: Page, person: Person): Promise<void> {
    await on.getByLabel('Your name').fill(person.name);
    await on.getByLabel('Email address').fill(person.email);
    await on.getByLabel('Password').fill(person.password);
    await on.getByRole('button', { name: 'Create account' }).click();
    await on.getByText(/check your inbox/i).waitFor();

    const [mail] = await mailTo(platform.mail?.httpUrl as string, person.email);
    const link = /(http:\/\/\S+\/verify-email#token=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
    expect(new URL(link).origin).toBe(platform.origin);
    await on.goto(link);
    await on.getByText('Your email address is confirmed.').waitFor();
  }

  it('registers, reads the verification mail through Mailpit and verifies the address', async () => {
    await page.goto(platform.origin);
    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByLabel('Your name').fill(ADA.name);
    await page.getByLabel('Email address').fill(ADA.email);
    await page.getByLabel('Password').fill('password');
    await page.getByRole('button', { name: 'Create account' }).click();
    // Too common: the reason is shown beside the field, nothing is sent.
    await page.getByText(/too common|at least 8/i).first().waitFor();
    await registerAndVerify(page, ADA);
  });

  it('signs in, turns on two-step sign-in from the QR secret, and keeps the recovery codes', async () => {
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    // Wait for the page: the confirmation page's heading also mentions the email address.
    await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
    await page.getByLabel('Email address').fill(ADA.email);
    await page.getByLabel('Password').fill(ADA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Security settings' }).click();
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('img', { name: /QR/i }).waitFor();
    secret = (await page.locator('code.mfa-secret').textContent()) as string;
    await page.getByLabel('Code from the app').fill(nextCode());
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    const saved = page.getByRole('button', { name: 'I have saved them' });
    await saved.waitFor();
    const codes = page.getByRole('listitem').filter({ has: page.locator('code') });
    await expect(codes.count()).resolves.toBe(10);
    await saved.click();
  });

  it('signs out, and signs back in with a TOTP code', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();

    await page.goto(`${platform.origin}/sign-in`);
    await page.getByLabel('Email address').fill(ADA.email);
    await page.getByLabel('Password').fill(ADA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText(/not right/i).first().waitFor();
    await page.getByLabel('Code').fill(nextCode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await expect(page.getByText('Ada Lovelace').first().isVisible()).resolves.toBe(true);
  });

  it('stays signed in across a reload through the refresh cookie alone', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ/); // no JWT in web storage
  });

  it('changes the avatar', async () => {
    await page.getByRole('link', { name: 'Profile', exact: true }).click();
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    const buffer = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#3366ff' } }).png().toBuffer();
    await page.getByLabel('Choose a picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer });

    const picture = page.locator('img[alt="Your profile picture"][src*="/api/identity/avatars/"]');
    await picture.waitFor();
    const src = (await picture.getAttribute('src')) as string;
    const served = await page.request.get(new URL(src, platform.origin).toString());
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/webp');
    await page.getByRole('status').filter({ hasText: 'Your new picture is saved.' }).waitFor();
  });

  it('a second user finds them by name and adds them as a contact', async () => {
    const context = await browser.newContext();
    try {
      const other = await context.newPage();
      await other.goto(platform.origin);
      await other.getByRole('link', { name: 'Register' }).click();
      await registerAndVerify(other, CHARLES);

      await other.getByRole('link', { name: 'Sign in' }).first().click();
      await other.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
      await other.getByLabel('Email address').fill(CHARLES.email);
      await other.getByLabel('Password').fill(CHARLES.password);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.getByRole('button', { name: 'Sign out', exact: true }).waitFor();

      await other.getByRole('link', { name: 'Contacts', exact: true }).click();
      await other.getByLabel('Find people').fill('Ada');
      await other.getByRole('button', { name: 'Search', exact: true }).click();
      await other.getByRole('button', { name: `Add ${ADA.name} to contacts` }).click();
      const contacts = other.getByRole('list', { name: 'Your contacts' });
      await contacts.getByText(ADA.name).waitFor();
      await other.getByRole('button', { name: `${ADA.name} is in your contacts` }).waitFor();

      // Kept by the server, not just shown: still there after a reload.
      await other.reload();
      await contacts.getByRole('button', { name: `Remove ${ADA.name}` }).waitFor();
    } finally {
      await context.close();
    }
  });
});
