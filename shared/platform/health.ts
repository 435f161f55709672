import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { config } from './config';
import { dynamo } from './db/client';

/** Whether the table answers a keyed read (a key nothing is stored under: the answer is empty either way). */
export async function tableReachable(): Promise<boolean> {
  try {
    await dynamo().send(new GetCommand({ TableName: config().tableName, Key: { pk: 'health', sk: 'health' } }));
    return true;
  } catch {
    return false;
  }
}
