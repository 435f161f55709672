import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { endOrphanedDynamoDbLocal, ensureTable, localDynamoClient, startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/dynamodb-local';
import { freePort } from '../../../infra/local/free-port';

const dir = mkdtempSync(join(tmpdir(), 'relasi-orphan-'));
const started: DynamoDbLocal[] = [];

afterAll(async () => {
  await Promise.all(started.map((d) => d.stop()));
  rmSync(dir, { recursive: true, force: true });
});

const running = (port: number) => execFileSync('ps', ['-eo', 'command='], { encoding: 'utf8' }).split('\n').some((line) => line.includes('DynamoDBLocal') && line.includes(`-port ${port}`));

it('ends the DynamoDB Local a killed stack left on its data folder, so the next start opens the same data', async () => {
  const port = await freePort();
  // A stack whose Node process was killed outright: its Java is never stopped.
  const orphan = await startDynamoDbLocal({ port, path: dir });
  await ensureTable(orphan.endpoint, 'ap-southeast-3', 'kept');
  expect(running(port)).toBe(true);

  expect(await endOrphanedDynamoDbLocal(dir)).toBe(true);
  expect(running(port)).toBe(false);
  expect(await endOrphanedDynamoDbLocal(dir)).toBe(false);

  const next = await startDynamoDbLocal({ port, path: dir });
  started.push(next);
  const client = localDynamoClient(next.endpoint, 'ap-southeast-3');
  expect((await client.send(new ListTablesCommand({}))).TableNames).toContain('kept');
  client.destroy();
});
