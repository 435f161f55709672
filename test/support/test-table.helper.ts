import { ensureTable } from '../../infra/local/dynamodb-local';
import { config } from '../../shared/platform/config';

/** Creates this test file's table (with stream and TTL, as deployed); call it in beforeAll. */
export async function createTestTable(): Promise<void> {
  const { dynamodbEndpoint, region, tableName } = config();
  if (!dynamodbEndpoint) throw new Error('DYNAMODB_ENDPOINT is not set: is test/support/isolated-table-env.ts a setupFile?');
  await ensureTable(dynamodbEndpoint, region, tableName);
}
