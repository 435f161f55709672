// `npm run mail:in -- path/to/message.eml`: deliver a raw e-mail to the support desk of the
// stack `npm start` runs, as SES does in AWS: the same intake, against its table and bucket.
// Ports and names come from the same environment variables and defaults as `npm start`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOCAL_HOST } from './http-server';
import { LOCAL_ATTACHMENTS_BUCKET, portsFromEnv } from './stack';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run mail:in -- path/to/message.eml');
    process.exit(2);
  }
  const raw = readFileSync(resolve(file));
  const ports = portsFromEnv();
  // The app reads its configuration once, on first use: set it before the intake loads.
  Object.assign(process.env, {
    RELASI_STAGE: 'local',
    AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-3',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TABLE_NAME: process.env.TABLE_NAME ?? 'relasi',
    DYNAMODB_ENDPOINT: `http://${LOCAL_HOST}:${ports.dynamodb}`,
    S3_ENDPOINT: `http://${LOCAL_HOST}:${ports.s3}`,
    ATTACHMENTS_BUCKET: LOCAL_ATTACHMENTS_BUCKET,
  });
  const { intakeRawMail } = await import('../../shared/modules/desk/services/email-channel.service');
  try {
    const result = await intakeRawMail(raw);
    console.log(JSON.stringify(result, null, 2));
    if (result.outcome === 'refused') process.exitCode = 1;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Could not deliver ${file}: ${message}\nIs the local stack running (npm start), on DYNAMODB_PORT ${ports.dynamodb} and S3_PORT ${ports.s3}?`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
