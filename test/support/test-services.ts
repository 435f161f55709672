/** Environment variables through which global-setup hands the shared services to test files. */
export const TEST_DYNAMODB_ENDPOINT_ENV = 'RELASI_TEST_DYNAMODB_ENDPOINT';
/**
 * DynamoDB Local instances of a run (their endpoints comma-separated in the variable above):
 * one per jest worker (`npm test` runs two), because one instance serialises its writes, and one
 * more for the file that imports 10,000 rows: an instance stays ~10× slower for every later file
 * once it holds that import's stream records.
 */
export const TEST_DYNAMODB_INSTANCES = 3;
const WORKER_INSTANCES = TEST_DYNAMODB_INSTANCES - 1;

/** The DynamoDB Local endpoint of this jest worker. */
export function workerDynamoEndpoint(endpoints: string): string {
  return endpoints.split(',')[(Number(process.env.JEST_WORKER_ID ?? 1) - 1) % WORKER_INSTANCES]!;
}

/** The instance kept for the one file that loads DynamoDB Local heavily. */
export function reservedDynamoEndpoint(endpoints: string): string {
  return endpoints.split(',')[WORKER_INSTANCES]!;
}
export const TEST_MAIL_URL_ENV = 'RELASI_TEST_MAIL_URL';
export const TEST_S3_ENDPOINT_ENV = 'RELASI_TEST_S3_ENDPOINT';
/** The one bucket of the run; object keys carry record ids, so test files cannot collide. */
export const TEST_ATTACHMENTS_BUCKET = 'relasi-attachments-test';

/** What global-setup started, kept on globalThis for global-teardown (the one context they share). */
export type TestServices = { stop(): Promise<void> };
export const TEST_SERVICES_KEY = '__relasiTestServices';

/** The value of one of the variables above; fails with a hint when the file runs outside the integration project. */
export function testServiceUrl(name: typeof TEST_DYNAMODB_ENDPOINT_ENV | typeof TEST_MAIL_URL_ENV | typeof TEST_S3_ENDPOINT_ENV): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest's "integration" project (its globalSetup starts the services)`);
  return value;
}
