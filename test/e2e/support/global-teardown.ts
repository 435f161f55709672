import type { BrowserServer } from 'playwright-core';
import type { Stack } from '../../../infra/local/stack';
import { E2E_BROWSER_KEY, E2E_STACK_KEY } from './stack-env';

/** Stops what global-setup started (DynamoDB Local and Chromium are children that would outlive jest). */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis as Record<string, unknown>;
  const browser = state[E2E_BROWSER_KEY] as BrowserServer | undefined;
  const stack = state[E2E_STACK_KEY] as Stack | undefined;
  await Promise.allSettled([browser?.close(), stack?.stop()]);
}
