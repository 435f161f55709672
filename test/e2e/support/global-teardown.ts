import type { Stack } from '../../../infra/local/stack';
import { E2E_STACK_KEY } from './stack-env';

/** Stops the stack global-setup started (DynamoDB Local is a Java child that would outlive jest). */
export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>)[E2E_STACK_KEY] as Stack | undefined;
  await stack?.stop();
}
