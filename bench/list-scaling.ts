import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { UNKNOWN_API_PATH } from './api-read';
import type { BenchDb } from './db-access';
import { expectStatus, type KeepAliveClient } from './http-client';
import { interleavedP50 } from './interleave';
import { countAccounts, loadAccounts } from './load-accounts';
import { figure, note } from './report';
import { waitForStreamPump } from './stream-barrier';

const SMALL = 1_000;
const LARGE = 20_000;
const PAGE = '/api/v1/accounts?limit=25';
const WARM_UP_ROUNDS = 500;
const ROUNDS = 600;

async function fillTo(data: BenchDb, total: number): Promise<void> {
  const have = await countAccounts(data);
  if (have < total) await loadAccounts(data, total - have);
  const now = await countAccounts(data);
  if (now !== total) throw new Error(`expected ${total} accounts, found ${now}`);
  await waitForStreamPump(data);
}

/**
 * The first page, interleaved with two controls taken at the same time: the raw Query it
 * runs (does DynamoDB Local itself slow down with size?) and the 404 floor (did the machine
 * get busier between the two sizes?).
 */
async function measureAt(api: KeepAliveClient, data: BenchDb): Promise<Record<string, number>> {
  const first = expectStatus(await api.get(PAGE), 200, 'accounts page');
  if ((JSON.parse(first.body) as { items: unknown[] }).items.length !== 25) throw new Error('the first page does not hold 25 accounts');
  const query = data.AccountEntity().query.byName({}).params<ConstructorParameters<typeof QueryCommand>[0]>({ limit: 25 });
  const raw = data.dynamo();
  return interleavedP50(
    [
      { name: 'page', run: async () => expectStatus(await api.get(PAGE), 200, 'accounts page') },
      { name: 'query', run: () => raw.send(new QueryCommand(query)) },
      { name: 'floor', run: async () => expectStatus(await api.get(UNKNOWN_API_PATH), 404, 'unknown path') },
    ],
    WARM_UP_ROUNDS,
    ROUNDS,
  );
}

/**
 * list_scaling_ratio: p50 of the first accounts page with 20,000 accounts over the same with
 * 1,000, against one server (1,000 first, then topped up). The two sizes cannot interleave,
 * so the controls tell how much of a difference is the machine rather than the list.
 */
export async function measureListScaling(api: KeepAliveClient, data: BenchDb): Promise<void> {
  await fillTo(data, SMALL);
  const small = await measureAt(api, data);
  await fillTo(data, LARGE);
  const large = await measureAt(api, data);
  note(`list scaling: ${ROUNDS} interleaved rounds after ${WARM_UP_ROUNDS} warm-up at each size`);
  figure('list_scaling_ratio', large.page! / small.page!, 'ratio');
  figure('list_p50_1k_ms', small.page!, 'ms', 3);
  figure('list_p50_20k_ms', large.page!, 'ms', 3);
  figure('list_query_scaling_ratio', large.query! / small.query!, 'ratio');
  figure('list_floor_drift_ratio', large.floor! / small.floor!, 'ratio');
}
