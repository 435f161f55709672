import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/free-port';
import { javaProblem } from '../../infra/local/java-check';
import { startMailCatcher } from '../../infra/local/mail-catcher';
import { startS3Local } from '../../infra/local/s3-local';
import { TEST_ATTACHMENTS_BUCKET, TEST_DYNAMODB_ENDPOINT_ENV, TEST_DYNAMODB_INSTANCES, TEST_MAIL_URL_ENV, TEST_S3_ENDPOINT_ENV, TEST_SERVICES_KEY, type TestServices } from './test-services';

/**
 * In-memory DynamoDB Local (one per worker), one mail catcher and one S3 (s3rver) for the whole integration run;
 * each test file gets its own table on them (isolated-table-env.ts). Workers are forked after this runs,
 * so they inherit the endpoints through the environment.
 */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const problem = javaProblem();
  if (problem) throw new Error(problem);
  const [mail, s3, ...dynamodbs] = await Promise.all([
    startMailCatcher({ port: 0 }),
    startS3Local({ port: 0, bucket: TEST_ATTACHMENTS_BUCKET }),
    ...Array.from({ length: TEST_DYNAMODB_INSTANCES }, async () => startDynamoDbLocal({ port: await freePort() })),
  ]);
  process.env[TEST_DYNAMODB_ENDPOINT_ENV] = dynamodbs.map((d) => d.endpoint).join(',');
  process.env[TEST_MAIL_URL_ENV] = mail.url;
  process.env[TEST_S3_ENDPOINT_ENV] = s3.endpoint;
  const services: TestServices = {
    async stop() {
      await Promise.all([...dynamodbs.map((d) => d.stop()), mail.stop(), s3.stop()]);
    },
  };
  Object.assign(globalThis, { [TEST_SERVICES_KEY]: services });
}
