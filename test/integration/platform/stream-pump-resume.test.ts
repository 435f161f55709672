import { PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handler } from '../../../functions/events/handler';
import { startStreamPump, type StreamPump } from '../../../infra/local/stream-pump';
import type { SavedStreamPosition } from '../../../infra/local/stream-position';
import { config } from '../../../shared/platform/config';
import { dynamo } from '../../../shared/platform/db/client';
import { outboxRepository } from '../../../shared/platform/mail/outbox.repository';
import { mailsTo, waitForMail } from '../../support/mail.helper';
import { createTestTable } from '../../support/test-table.helper';

let dir: string;
let positionFile: string;
const running: StreamPump[] = [];

beforeAll(async () => {
  await createTestTable();
  dir = mkdtempSync(join(tmpdir(), 'relasi-pump-'));
  positionFile = join(dir, 'stream-position.json');
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((pump) => pump.stop()));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pump as `npm start` runs one on a table it did not just create: the real events handler, the position kept in a file. */
async function startPump(): Promise<StreamPump> {
  const { dynamodbEndpoint, region, tableName } = config();
  const pump = await startStreamPump({ endpoint: dynamodbEndpoint!, region, tableName, handler, positionFile, intervalMs: 50 });
  running.push(pump);
  return pump;
}

async function stop(pump: StreamPump): Promise<void> {
  running.splice(running.indexOf(pump), 1);
  await pump.stop();
}

const address = (label: string) => `${label}-${randomBytes(4).toString('hex')}@stream-pump.test`;

async function queueMail(to: string, name: string): Promise<void> {
  const put = outboxRepository.mailOperation(to, 'verify_email', 'en', { name, url: 'http://localhost:4001/verify?token=t' });
  await dynamo().send(new PutCommand(put as PutCommandInput));
}

/** Long enough for a running pump to have handed any waiting record over (it polls every 50 ms). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

describe('local stream pump across restarts', () => {
  it('sends, after a restart, the mails queued while no pump ran, and none of the earlier ones again', async () => {
    const first = await startPump();
    const before = address('before');
    await queueMail(before, 'Before');
    await waitForMail(before);
    await stop(first);

    const whileStopped = [address('stopped-1'), address('stopped-2')];
    for (const to of whileStopped) await queueMail(to, 'While stopped');

    await startPump();
    for (const to of whileStopped) await waitForMail(to);
    await settle();
    for (const to of [before, ...whileStopped]) expect(await mailsTo(to)).toHaveLength(1);
  });

  it('keeps its place per shard in the file after each handled batch', async () => {
    await startPump();
    const to = address('saved');
    await queueMail(to, 'Saved');
    await waitForMail(to);
    await settle();

    const saved = JSON.parse(readFileSync(positionFile, 'utf8')) as SavedStreamPosition;
    const positions = Object.values(saved.shards);
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.every((position) => position.type === 'AFTER_SEQUENCE_NUMBER')).toBe(true);
  });

  it('starts from what is written from now on when the file holds no position', async () => {
    const old = address('old');
    await queueMail(old, 'Old');
    await settle();
    writeFileSync(positionFile, 'not json');

    const pump = await startPump();
    const fresh = address('fresh');
    await queueMail(fresh, 'Fresh');
    await waitForMail(fresh);
    await settle();
    expect(await mailsTo(old)).toHaveLength(0);
    await stop(pump);

    // That first pump saved an explicit position, so the next one resumes rather than skips.
    const later = address('later');
    await queueMail(later, 'Later');
    await startPump();
    await waitForMail(later);
  });
});
