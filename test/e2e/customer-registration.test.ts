import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage, open, submitSignIn } from './support/browser';
import { linkIn, waitForMail } from './support/mail';
import { stackUrls } from './support/stack-env';

jest.setTimeout(30_000);

describe('customer portal: self-registration', () => {
  const { customer, mail } = stackUrls();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('a new customer registers, confirms the e-mail from the verification mail and signs in', async () => {
    const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const email = `e2e-${unique}@pelanggan.example`;
    const name = `Sari E2E ${unique}`;
    const password = 'sangat-rahasia-2026';

    await open(page, `${customer}/register/`);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Company', { exact: true }).fill('CV. Pelanggan Setia');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'We have sent you an e-mail' }).waitFor();

    const verification = await waitForMail(mail, email);
    const link = linkIn(verification, `${customer}/verify/`);

    await open(page, link);
    await page.getByText('Your e-mail address is confirmed. You can sign in now.').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Go to sign in' }).click();

    await page.waitForURL(`${customer}/sign-in/`);
    await open(page, page.url());
    await submitSignIn(page, email, password);
    await page.waitForURL(`${customer}/`);
    await page.getByText(`Welcome, ${name}`, { exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).waitFor();
  });
});
