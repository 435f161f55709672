import type { StackUrls } from '../../../infra/local/stack';

/** Environment variable through which global-setup hands the stack's URLs to the test files. */
export const E2E_STACK_ENV = 'RELASI_E2E_STACK';
/** Key on globalThis under which global-setup keeps the running stack for global-teardown. */
export const E2E_STACK_KEY = '__relasiE2eStack';
/** Key on globalThis under which global-setup keeps the shared Chromium for global-teardown. */
export const E2E_BROWSER_KEY = '__relasiE2eBrowser';

export type E2eStackInfo = { urls: StackUrls };

/** The URLs of the stack started by global-setup (workers inherit them through the environment). */
export function stackUrls(): StackUrls {
  const raw = process.env[E2E_STACK_ENV];
  if (!raw) throw new Error(`${E2E_STACK_ENV} is not set: run the e2e tests with \`npx jest --selectProjects e2e\``);
  return (JSON.parse(raw) as E2eStackInfo).urls;
}
