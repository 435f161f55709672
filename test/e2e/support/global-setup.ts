import { startStack, type Stack } from '../../../infra/local/stack';
import { E2E_BROWSER_ENV, launchBrowserServer } from './browser';
import { keepTypeScriptLoadable } from './typescript-hook';
import { E2E_BROWSER_KEY, E2E_STACK_ENV, E2E_STACK_KEY, type E2eStackInfo } from './stack-env';

/**
 * Starts ONE local stack for the whole e2e run — in-memory DynamoDB Local, the mail catcher,
 * the stream pump, the API and the four portals on free ports, demo data seeded, portals
 * (re)built when their dist is missing or stale — and, meanwhile, the one Chromium the test
 * files connect to. Workers are forked after this runs, so they inherit both addresses
 * through the environment; global-teardown stops both.
 */
export default async function globalSetup(): Promise<void> {
  const startedAt = performance.now();
  keepTypeScriptLoadable();
  const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);
  const [stack, browser] = await Promise.allSettled([
    startStack({ inMemory: true, seed: true, buildPortals: true, log }),
    launchBrowserServer(),
  ]);
  if (stack.status === 'rejected' || browser.status === 'rejected') {
    await Promise.allSettled([
      stack.status === 'fulfilled' ? stack.value.stop() : undefined,
      browser.status === 'fulfilled' ? browser.value.close() : undefined,
    ]);
    throw stack.status === 'rejected' ? stack.reason : (browser as PromiseRejectedResult).reason;
  }
  const started: Stack = stack.value;
  const info: E2eStackInfo = { urls: started.urls };
  process.env[E2E_STACK_ENV] = JSON.stringify(info);
  process.env[E2E_BROWSER_ENV] = browser.value.wsEndpoint();
  Object.assign(globalThis, { [E2E_STACK_KEY]: started, [E2E_BROWSER_KEY]: browser.value });
  log(`stack and Chromium ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: ${JSON.stringify(started.urls)}`);
}
