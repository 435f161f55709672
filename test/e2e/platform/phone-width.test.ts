import type { Page } from 'playwright-core';
import { apiAs } from '../support/api';
import { DEMO_PASSWORD, launchBrowser, newPage, open, submitSignIn, withPageReport } from '../support/browser';
import { stackUrls } from '../support/stack-env';
import { DEMO, text } from '../support/texts';

jest.setTimeout(60_000);

const PHONE = { width: 390, height: 844 };

/** How far the page reaches past the right edge of the screen (0: nothing to scroll sideways). */
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

describe('on a phone (390 px)', () => {
  const { staff, customer, api } = stackUrls();

  it('the staff portal folds its navigation behind a menu button, and the home and an account page fit the screen', async () => {
    const browser = await launchBrowser();
    const { context, page } = await newPage(browser);
    try {
      await withPageReport(page, async () => {
        await page.setViewportSize(PHONE);
        const { email, name, locale } = DEMO.sales;
        await open(page, `${staff}/sign-in/`);
        await submitSignIn(page, email, DEMO_PASSWORD);
        await page.waitForURL(`${staff}/`);
        await page.getByText(text(locale, 'identity.home.welcome', { name }), { exact: true }).waitFor();
        expect(await overflow(page)).toBeLessThanOrEqual(0);

        const nav = page.getByRole('navigation', { name: text(locale, 'nav.main') });
        const menu = page.getByRole('button', { name: text(locale, 'nav.menu'), exact: true });
        expect(await nav.isVisible()).toBe(false);
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        await menu.click();
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        await nav.getByRole('link', { name: text(locale, 'nav.accounts'), exact: true }).click();
        await page.waitForURL(`${staff}/accounts/`);

        const kita = (await (await apiAs(api, email))<{ items: Array<{ id: string; name: string }> }>('GET', '/accounts?q=KITA')).items.find((a) => a.name === 'PT. KITA');
        expect(kita).toBeDefined();
        await open(page, `${staff}/account/?id=${kita!.id}`);
        await page.getByRole('heading', { level: 1, name: 'PT. KITA' }).waitFor();
        await page.getByRole('main').getByRole('table').first().waitFor();
        expect(await overflow(page)).toBeLessThanOrEqual(0);
      });
    } finally {
      await context.close();
      await browser.close();
    }
  });

  it('the customer’s invoices page fits the screen', async () => {
    const browser = await launchBrowser();
    const { context, page } = await newPage(browser);
    try {
      await withPageReport(page, async () => {
        await page.setViewportSize(PHONE);
        const { email, locale } = DEMO.customer;
        await open(page, `${customer}/sign-in/`);
        await submitSignIn(page, email, DEMO_PASSWORD);
        await page.waitForURL(`${customer}/`);
        await open(page, `${customer}/invoices/`);
        await page.getByText(text(locale, 'commerce.invoices.intro'), { exact: true }).waitFor();
        await page.getByRole('main').getByRole('table').or(page.getByText(text(locale, 'commerce.invoices.empty'))).first().waitFor();
        expect(await overflow(page)).toBeLessThanOrEqual(0);
      });
    } finally {
      await context.close();
      await browser.close();
    }
  });
});
