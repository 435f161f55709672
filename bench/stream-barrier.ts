import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import type { BenchDb } from './db-access';
import { note } from './report';

const TIMEOUT_MS = 180_000;

/**
 * Waits until the stack's stream pump has worked through everything written so far. The pump
 * runs inside the API's process and replays each insert through the events function, so a
 * figure taken while it catches up would charge that work to the API. The barrier is an
 * outbox mail written after the load: the pump reads a shard in order, so once the mail
 * catcher holds that mail, the inserts before it are done.
 */
export async function waitForStreamPump(data: BenchDb): Promise<void> {
  const started = performance.now();
  const to = `bench-barrier-${randomUUID()}@bench.example`;
  const put = data.outboxRepository.mailOperation(to, 'verify_email', 'en', { name: 'Bench', url: 'http://localhost/bench' });
  await data.dynamo().send(new PutCommand(put as ConstructorParameters<typeof PutCommand>[0]));
  const store = `http://127.0.0.1:${data.info.ports.mail}/store`;
  while (performance.now() - started < TIMEOUT_MS) {
    await new Promise((done) => setTimeout(done, 250));
    if ((await (await fetch(store)).text()).includes(to)) {
      note(`stream pump caught up after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return;
    }
  }
  throw new Error(`the stream pump did not reach the barrier mail within ${TIMEOUT_MS / 1000} s`);
}
