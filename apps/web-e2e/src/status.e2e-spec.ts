import type { Browser, Page } from 'playwright-core';
import { SERVICE_NAMES } from '@confer/shared/contracts';
import { launchChromium, type Platform, startTestPlatform, type TestPlatform } from '@confer/shared/server/devstack';

/** First journey: a person opens Confer on its one origin and checks that every service is up. */
describe('web app on the real stack', () => {
  let stack: TestPlatform;
  let platform: Platform;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startTestPlatform({ name: 'e2e', companions: { livekit: true, s3: true, mail: true } });
    platform = stack.platform;
    browser = await launchChromium();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('loads the web app from the one origin', async () => {
    await page.goto(platform.origin);
    await expect(page.title()).resolves.toContain('Confer');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Status', exact: true }).waitFor();
  });

  it('reaches the status page from the keyboard and sees every service operational', async () => {
    const statusLink = page.getByRole('link', { name: 'Status', exact: true });
    await statusLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'System status' }).waitFor();
    await page.getByText('All systems operational').waitFor({ timeout: 20000 });
    for (const service of SERVICE_NAMES) {
      const row = page.getByRole('row').filter({ hasText: new RegExp(service, 'i') }).filter({ hasText: 'Operational' });
      await expect(row.count()).resolves.toBe(1);
    }
    expect(new URL(page.url()).pathname).toBe('/status');
  });

  it('shows a service that went away once the person refreshes', async () => {
    const analytics = platform.services.find((s) => s.name === 'analytics');
    await analytics?.stop();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('1 of 5 services need attention').waitFor({ timeout: 20000 });
    const row = page.getByRole('row').filter({ hasText: /analytics/i });
    await expect(row.textContent()).resolves.toMatch(/Unreachable/);
  });

  it('serves deep links to the app and JSON errors for unknown API paths', async () => {
    const deep = await page.goto(`${platform.origin}/status`);
    expect(deep?.status()).toBe(200);
    const api = await page.request.get(`${platform.origin}/api/nowhere/at-all`);
    expect(api.status()).toBe(404);
    expect(await api.json()).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });
});
