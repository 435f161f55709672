import { TEST_SERVICES_KEY, type TestServices } from './test-services';

/** Stops what global-setup started (DynamoDB Local is a Java child that would outlive jest). */
export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as Record<string, unknown>)[TEST_SERVICES_KEY] as TestServices | undefined;
  await services?.stop();
}
