import { randomBytes } from 'node:crypto';
import { TEST_ATTACHMENTS_BUCKET, TEST_DYNAMODB_ENDPOINT_ENV, TEST_MAIL_URL_ENV, TEST_S3_ENDPOINT_ENV, testServiceUrl, workerDynamoEndpoint } from './test-services';

// Runs before each integration test file, before any app module reads its config: every file
// gets a table of its own on its worker's DynamoDB Local, so files can run in parallel.
Object.assign(process.env, {
  RELASI_STAGE: 'test',
  AWS_REGION: 'ap-southeast-3',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  TABLE_NAME: `t_${randomBytes(8).toString('hex')}`,
  DYNAMODB_ENDPOINT: workerDynamoEndpoint(testServiceUrl(TEST_DYNAMODB_ENDPOINT_ENV)),
  SES_ENDPOINT: testServiceUrl(TEST_MAIL_URL_ENV),
  S3_ENDPOINT: testServiceUrl(TEST_S3_ENDPOINT_ENV),
  ATTACHMENTS_BUCKET: TEST_ATTACHMENTS_BUCKET,
  // The documented local addresses, which the tests use as origins and in mailed links. Set
  // explicitly: the e2e project's stack runs in jest's parent process on free ports, and the
  // port variables it sets there reach the workers.
  PORT: '3000',
  STAFF_PORT: '4000',
  CUSTOMER_PORT: '4001',
  PARTNER_PORT: '4002',
  INVESTOR_PORT: '4003',
});
for (const name of ['STAFF_URL', 'CUSTOMER_URL', 'PARTNER_URL', 'INVESTOR_URL', 'EXTRA_ORIGINS']) delete process.env[name];
