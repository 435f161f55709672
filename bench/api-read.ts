import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { BenchDb } from './db-access';
import { expectStatus, type KeepAliveClient } from './http-client';
import { interleavedP50 } from './interleave';
import { figure, note } from './report';

const WARM_UP_ROUNDS = 300;
const ROUNDS = 2_000;

/** The 404 floor: an unknown path under /api/v1 runs the whole middleware chain (session from its cache) and reads no table. */
export const UNKNOWN_API_PATH = '/api/v1/bench-no-such-route';

/**
 * api_read_ratio: an authenticated GET of one account over its floor, the same server's
 * 404 for an unknown /api/v1 path (same headers) plus a raw GetItem of the same item on the
 * same DynamoDB Local from this process, all three interleaved.
 */
export async function measureApiRead(api: KeepAliveClient, data: BenchDb, accountId: string): Promise<void> {
  const getParams = data.AccountEntity().get({ accountId }).params<{ TableName: string; Key: Record<string, string> }>();
  const raw = data.dynamo();
  const p50 = await interleavedP50(
    [
      { name: 'get', run: async () => expectStatus(await api.get(`/api/v1/accounts/${accountId}`), 200, 'GET account') },
      { name: 'notFound', run: async () => expectStatus(await api.get(UNKNOWN_API_PATH), 404, 'unknown path') },
      {
        name: 'getItem',
        run: async () => {
          if (!(await raw.send(new GetCommand(getParams))).Item) throw new Error('raw GetItem found no account');
        },
      },
    ],
    WARM_UP_ROUNDS,
    ROUNDS,
  );
  note(`api read: ${ROUNDS} interleaved rounds after ${WARM_UP_ROUNDS} warm-up`);
  figure('api_read_ratio', p50.get! / (p50.notFound! + p50.getItem!), 'ratio');
  figure('api_read_p50_ms', p50.get!, 'ms', 3);
  figure('api_404_p50_ms', p50.notFound!, 'ms', 3);
  figure('ddb_get_item_p50_ms', p50.getItem!, 'ms', 3);
}
