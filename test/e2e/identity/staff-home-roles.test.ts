import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, newPage, open, submitSignIn, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { text, type TextKey } from '../support/texts';

jest.setTimeout(60_000);

// Every demo login prefers Bahasa Indonesia: signing in switches the portal to it.
const tr = (key: TextKey, params?: Record<string, string | number>) => text('id', key, params);

describe('staff portal: a home per role', () => {
  const { staff } = stackUrls();
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signedIn(email: string) {
    const { context, page } = await newPage(browser);
    await open(page, `${staff}/sign-in/`);
    await submitSignIn(page, email, DEMO_PASSWORD);
    await page.waitForURL(`${staff}/`);
    return { context, page };
  }

  it('sales sees the pipeline by stage as a chart, and not the admin part', async () => {
    const { context, page } = await signedIn('sales@kaktus.example');
    await withPageReport(page, async () => {
      await page.getByRole('heading', { level: 2, name: tr('sales.home.pipeline') }).waitFor();
      await page.locator('[data-pipeline-chart="IDR"] svg[data-chart="bar"] rect').first().waitFor();
      await page.getByRole('table', { name: tr('sales.home.pipelineChart', { currency: 'IDR' }) }).waitFor({ state: 'attached' });
      expect(await page.getByRole('heading', { name: tr('identity.adminHome.title') }).count()).toBe(0);
    });
    await context.close();
  });

  it('service sees the queue counts and the last 30 days day by day', async () => {
    const { context, page } = await signedIn('service@kaktus.example');
    await withPageReport(page, async () => {
      await page.getByRole('heading', { level: 2, name: tr('desk.home.title') }).waitFor();
      await page.locator('[data-queue-count="breaching"]').waitFor();
      await page.locator('[data-service-chart="tickets"] svg[data-chart="line"]').waitFor();
      // The text alternative has a row per day of the 30.
      const perDay = page.getByRole('table', { name: tr('desk.metrics.perDay') });
      await perDay.waitFor({ state: 'attached' });
      expect(await perDay.locator('tbody tr').count()).toBe(30);
    });
    await context.close();
  });

  it('admin sees the settings checks and the recent sign-ins, the latest being their own', async () => {
    const { context, page } = await signedIn('admin@kaktus.example');
    await withPageReport(page, async () => {
      await page.getByRole('heading', { level: 2, name: tr('identity.adminHome.title') }).waitFor();
      await page.getByText(tr('identity.adminHome.slaPolicy')).waitFor();
      const firstRow = page.locator('table').filter({ hasText: tr('identity.adminHome.portal') }).locator('tbody tr').first();
      await firstRow.getByText('admin@kaktus.example', { exact: true }).waitFor();
      await firstRow.getByText(tr('identity.adminHome.audience.staff'), { exact: true }).waitFor();
    });
    await context.close();
  });
});
