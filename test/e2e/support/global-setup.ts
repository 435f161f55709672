import { startStack } from '../../../infra/local/stack';
import { E2E_STACK_ENV, E2E_STACK_KEY, type E2eStackInfo } from './stack-env';

/**
 * Starts ONE local stack for the whole e2e run: in-memory DynamoDB Local, the mail catcher, the
 * stream pump, the API and the four portals on free ports, with the demo data seeded and the
 * portals (re)built if their dist is missing or stale. Workers are forked after this runs, so
 * they inherit the URLs through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const startedAt = performance.now();
  const stack = await startStack({
    inMemory: true,
    seed: true,
    buildPortals: true,
    log: (line) => process.stderr.write(`[e2e stack] ${line}\n`),
  });
  const info: E2eStackInfo = { urls: stack.urls };
  process.env[E2E_STACK_ENV] = JSON.stringify(info);
  Object.assign(globalThis, { [E2E_STACK_KEY]: stack });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stderr.write(`\n[e2e stack] ready in ${seconds} s: ${JSON.stringify(stack.urls)}\n`);
}
