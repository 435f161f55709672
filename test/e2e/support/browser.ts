import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';
import { text } from './texts';

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH overrides. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('Chromium not found: install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH)');
  return found;
}

/** Environment variable with the websocket of the Chromium that global-setup started. */
export const E2E_BROWSER_ENV = 'RELASI_E2E_BROWSER_WS';

function launchOptions() {
  return { executablePath: chromiumPath(), headless: true, args: ARGS, timeout: 30_000 };
}

/**
 * Starts the one Chromium of the run (global-setup), with a fresh temporary profile that
 * playwright makes and deletes. Sharing it saves a browser start (seconds on a busy machine)
 * per test file; each test still gets its own context, so no cookies carry over.
 */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
}

/** The run's shared Chromium when global-setup started one, otherwise a new one. Close it after use. */
export function launchBrowser(): Promise<Browser> {
  const endpoint = process.env[E2E_BROWSER_ENV];
  if (endpoint) return chromium.connect(endpoint, { timeout: 30_000 });
  return chromium.launch(launchOptions());
}

/**
 * A fresh context (no cookies: the portals all live on `localhost`, and cookies do not care
 * about ports) with English texts and short timeouts, so that a failure shows fast.
 */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(15_000);
  const page = await context.newPage();
  recordProblems(page);
  return { context, page };
}

export type SuitePage = { readonly browser: Browser; readonly context: BrowserContext; readonly page: Page };

/** Chromium and one fresh page for a describe block: opened before its tests, closed after them. */
export function suitePage(): SuitePage {
  const suite = {} as { browser: Browser; context: BrowserContext; page: Page };
  beforeAll(async () => {
    suite.browser = await launchBrowser();
    Object.assign(suite, await newPage(suite.browser));
  });
  afterAll(async () => {
    await suite.context?.close();
    await suite.browser?.close();
  });
  return suite;
}

const problems = new WeakMap<Page, string[]>();

/** Keeps the page's console errors, failed requests and HTTP errors for the failure report. */
function recordProblems(page: Page): void {
  const list: string[] = [];
  problems.set(page, list);
  const add = (line: string) => list.length < 30 && list.push(line);
  page.on('console', (message) => message.type() === 'error' && add(`console: ${message.text()}`));
  page.on('pageerror', (error) => add(`page error: ${error.message}`));
  page.on('requestfailed', (request) => add(`failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => response.status() >= 400 && add(`${response.status()}: ${response.request().method()} ${response.url()}`));
}

/**
 * Runs a test body; when it fails, the error also tells where the browser was, what the page
 * said and which requests went wrong — enough to tell a portal bug from a test bug in CI.
 */
export async function withPageReport(page: Page, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    const main = await page
      .locator('body')
      .innerText({ timeout: 1_000 })
      .catch(() => '(no page text)');
    const seen = problems.get(page) ?? [];
    const report = [`page: ${page.url()}`, `text:\n${main.trim().slice(0, 1_500)}`, `problems:\n${seen.join('\n') || 'none'}`].join('\n');
    if (error instanceof Error) {
      // Jest prints the stack, which already holds the original message: extend both.
      const original = error.message;
      error.message = `${original}\n\n--- browser ---\n${report}`;
      if (error.stack?.includes(original)) error.stack = error.stack.replace(original, error.message);
      throw error;
    }
    throw new Error(`${String(error)}\n\n--- browser ---\n${report}`);
  }
}

/** Waits until every Astro island of the page has hydrated (Astro drops `ssr` once it has). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator('astro-island[ssr]').first().waitFor({ state: 'detached' });
}

/** Opens a page and waits for its islands, so typing reaches Solid's handlers. */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForHydration(page);
}

/** Fills and submits the sign-in form of any portal (open and hydrated, still in English). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('main');
  await form.getByLabel(text('en', 'common.email'), { exact: true }).fill(email);
  await form.getByLabel(text('en', 'identity.auth.password'), { exact: true }).fill(password);
  await form.getByRole('button', { name: text('en', 'auth.signIn'), exact: true }).click();
}

export const DEMO_PASSWORD = process.env.RELASI_DEMO_PASSWORD ?? 'relasi-demo-2026';
