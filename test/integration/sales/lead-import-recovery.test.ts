import { randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as eventsHandler } from '../../../functions/events/handler';
import { dynamo } from '../../../shared/platform/db/client';
import { migrateTable } from '../../../infra/local/seed/migrations';
import { leadImportRepository } from '../../../shared/modules/sales/db/lead-import.repository';
import { leadRepository } from '../../../shared/modules/sales/db/lead.repository';
import { TransactionConflict } from '../../../shared/platform/db/transaction';
import { claimUnit, MAX_WORK_ATTEMPTS, PICKUP_GRACE_MS } from '../../../shared/platform/work/work-unit';
import { addMs, nowIso } from '../../../shared/platform/clock';
import { matchKeyText } from '../../../shared/modules/sales/domain/lead-duplicates';
import { chunkRowsOf, importChunk, importRows } from '../../../shared/modules/sales/services/lead-import/chunk-import';
import { leadImportChunkWork } from '../../../shared/modules/sales/services/lead-import/lead-import-chunk-work';
import { sweepWork, workUnit } from '../../../shared/platform/work/work-runner';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { streamRecord } from '../../support/stream-record.helper';
import { LeadImportChunkEntity } from '../../../shared/modules/sales/db/lead-import-chunk.entity';
import { LeadMatchEntity } from '../../../shared/modules/sales/db/lead-match.entity';

// No stream pump runs in this file: each test hands records to the events handler itself (a
// stream that delivers, replays or loses them), or leaves the chunks to the schedule's sweep.

let tokens: Record<DemoLogin, string>;
const CHUNK_MIGRATION = 'lead import chunks left unfinished before chunks were units of work';

beforeAll(async () => {
  tokens = await demoWorld();
}, SETUP_TIMEOUT_MS);

afterEach(() => {
  jest.restoreAllMocks();
});

jest.setTimeout(120_000);

const tag = () => randomBytes(4).toString('hex');

/** A file of `count` leads with e-mails unique to this test (the API cuts it into chunks of 500 rows). */
function leadsFile(label: string, count: number): { csv: string; emails: string[] } {
  const t = tag();
  const emails = Array.from({ length: count }, (_, i) => `${label}.${i}@${t}.pulih.example`);
  return { csv: ['Name,E-mail', ...emails.map((email, i) => `Pulih ${i},${email}`)].join('\r\n') + '\r\n', emails };
}

async function startImport(csv: string): Promise<string> {
  const started = await call('POST', '/lead-imports', { token: tokens.sales, body: { fileName: 'pulih.csv', csv, mapping: { Name: 'contactName', 'E-mail': 'email' } } });
  expect(started.status).toBe(202);
  return started.body.id as string;
}

const job = async (id: string) => {
  const answer = await call('GET', `/lead-imports/${id}`, { token: tokens.sales });
  expect(answer.status).toBe(200);
  return answer.body;
};

/** A chunk item as stored: what the table stream carries in its images. */
async function storedChunk(importId: string, chunkNo: number): Promise<Record<string, unknown>> {
  const { Key, TableName } = LeadImportChunkEntity().get({ importId, chunkNo }).params() as { Key: Record<string, unknown>; TableName: string };
  const { Item } = await dynamo().send(new GetCommand({ Key, TableName, ConsistentRead: true }));
  expect(Item).toBeDefined();
  return Item!;
}

/** The leads stored for these e-mails, per e-mail. */
async function leadCounts(emails: string[]): Promise<number[]> {
  return Promise.all(emails.map(async (email) => (await leadRepository.idsWithEmail(email)).length));
}

/** The schedule's sweep of import chunks, as the minute rule runs it `ms` from now. */
const sweepIn = (ms: number) => sweepWork([leadImportChunkWork], addMs(nowIso(), ms));

describe('lead import chunks as units of background work', () => {
  it('gives chunks stored before chunks were units of work their state on npm start (migration), and the sweep finishes their import', async () => {
    const { csv, emails } = leadsFile('lama', 3);
    const id = await startImport(csv);
    // As an older version stored it: no work state, no row range (it was deleted once counted).
    const { Key, TableName } = LeadImportChunkEntity().get({ importId: id, chunkNo: 1 }).params() as { Key: Record<string, unknown>; TableName: string };
    await dynamo().send(new UpdateCommand({ TableName, Key, UpdateExpression: 'REMOVE workState, workAttempts, workDueAt, firstRow, lastRow, gsi3pk, gsi3sk' }));
    await sweepIn(PICKUP_GRACE_MS + 1_000);
    expect(await job(id)).toMatchObject({ processedRows: 0 });

    expect((await migrateTable())[CHUNK_MIGRATION]).toBe(1);
    expect((await migrateTable())[CHUNK_MIGRATION]).toBe(0);
    expect(await storedChunk(id, 1)).toMatchObject({ workState: 'pending', firstRow: 2, lastRow: 4 });
    await sweepIn(0);
    expect(await job(id)).toMatchObject({ status: 'completed', processedRows: 3, createdRows: 3 });
    expect(await leadCounts(emails)).toEqual([1, 1, 1]);
  });

  it('finishes an import whose stream record was lost and whose worker died mid-chunk, counting every row once', async () => {
    const { csv, emails } = leadsFile('mati', 503);
    const id = await startImport(csv);
    const [first, second] = [await storedChunk(id, 1), await storedChunk(id, 2)];
    expect([first.rowCount, second.rowCount, first.workState, second.workState]).toEqual([500, 3, 'pending', 'pending']);

    // Chunk 1's stream record never comes. Chunk 2's worker claims it, creates two of its leads and dies.
    const claim = await claimUnit(() => leadImportChunkWork.patch(second), { leaseMs: leadImportChunkWork.leaseMs });
    expect(claim).toEqual({ attempt: 1, leaseUntil: expect.any(String) });
    const read = chunkRowsOf(second as { fields: string[]; rows: string })!;
    await importRows(id, read.fields, read.rows.slice(0, 2));
    expect(await leadCounts(emails.slice(500))).toEqual([1, 1, 0]);
    // It died in the middle of the batch that stored them: one lead lacks its company-domain marker.
    const domain = { kind: 'domain' as const, value: emails[500]!.split('@')[1]! };
    const [halfWritten] = await leadRepository.idsWithEmail(emails[500]!);
    await LeadMatchEntity().delete({ matchKey: matchKeyText(domain), leadId: halfWritten! }).go();

    // Meanwhile the import shows what is true: work under way, nothing counted, nothing failed.
    expect(await job(id)).toMatchObject({ status: 'processing', totalRows: 503, processedRows: 0, failedChunks: [] });
    // Nothing is due yet: chunk 1 is within its pickup grace, chunk 2's lease holds.
    expect(await sweepIn(30_000)).toMatchObject({ done: 0 });

    // Once the lease ran out the sweep works chunk 2 again; the two leads from before are recognised.
    expect(await sweepIn(leadImportChunkWork.leaseMs + 1_000)).toMatchObject({ done: 1 });
    expect(await job(id)).toMatchObject({ status: 'processing', processedRows: 3, createdRows: 3, failedChunks: [] });
    // Past its pickup grace, the sweep takes chunk 1 too.
    expect(await sweepIn(PICKUP_GRACE_MS + 1_000)).toMatchObject({ done: 1 });

    const done = await job(id);
    expect(done).toMatchObject({ status: 'completed', totalRows: 503, processedRows: 503, createdRows: 503, updatedRows: 0, failedRows: 0, failedChunks: [] });
    expect(done.completedAt).toEqual(expect.any(String));
    expect(await leadCounts(emails)).toEqual(emails.map(() => 1));
    // Working the chunk again wrote the missing marker: duplicate checks find that lead by its domain.
    const byDomain = await LeadMatchEntity().query.byKey({ matchKey: matchKeyText(domain) }).go({ pages: 'all' });
    expect(byDomain.data.map((marker) => marker.leadId)).toContain(halfWritten);
    expect(byDomain.data).toHaveLength(emails.length);

    // The worker that died comes back to life and finishes its work: its claim was taken over, so it counts nothing.
    await expect(importChunk(second, claim!)).rejects.toBeInstanceOf(TransactionConflict);
    expect(await job(id)).toMatchObject({ status: 'completed', processedRows: 503, createdRows: 503 });
    expect(await leadCounts(emails.slice(500))).toEqual([1, 1, 1]);
  });

  it('changes nothing when a finished chunk is delivered again, by the stream or the sweep', async () => {
    const { csv, emails } = leadsFile('ulang', 4);
    const id = await startImport(csv);
    const inserted = await storedChunk(id, 1);
    expect(await eventsHandler({ Records: [streamRecord('INSERT', inserted)] })).toEqual({ batchItemFailures: [] });
    const before = await job(id);
    expect(before).toMatchObject({ status: 'completed', processedRows: 4, createdRows: 4 });

    // The insert replayed: now, and after its lease would long have run out.
    expect(await workUnit(leadImportChunkWork, inserted)).toBe('skipped');
    expect(await workUnit(leadImportChunkWork, inserted, addMs(nowIso(), 10 * 60_000))).toBe('skipped');
    expect(await eventsHandler({ Records: [streamRecord('INSERT', inserted), streamRecord('INSERT', inserted)] })).toEqual({ batchItemFailures: [] });
    expect(await sweepIn(PICKUP_GRACE_MS + 60_000)).toMatchObject({ done: 0 });

    expect(await job(id)).toEqual(before);
    expect(await leadCounts(emails)).toEqual([1, 1, 1, 1]);
    // A done chunk keeps its place and counts, not the rows it imported.
    expect(await storedChunk(id, 1)).toMatchObject({ workState: 'done', workAttempts: 1, rowCount: 4, firstRow: 2, lastRow: 5, rows: '[]' });
  });

  it('shows a chunk that keeps failing as failed with its reason, and works it again when staff retry it', async () => {
    const { csv, emails } = leadsFile('gagal', 502);
    const id = await startImport(csv);
    const [first, second] = [await storedChunk(id, 1), await storedChunk(id, 2)];
    expect(await eventsHandler({ Records: [streamRecord('INSERT', first)] })).toEqual({ batchItemFailures: [] });

    // Writing chunk 2's leads fails every time (a fault the local table cannot be made to produce).
    const write = jest.spyOn(leadRepository, 'putNewInBulk').mockRejectedValue(new Error('Throughput exceeds the current capacity of your table'));
    // The stream goes on past the failing chunk; the chunk waits for a later attempt.
    expect(await eventsHandler({ Records: [streamRecord('INSERT', second)] })).toEqual({ batchItemFailures: [] });
    expect(await job(id)).toMatchObject({ status: 'processing', processedRows: 500, failedChunks: [] });
    for (let minutes = 1; minutes <= 64; minutes *= 2) await sweepIn(minutes * 60_000);
    expect(write).toHaveBeenCalledTimes(MAX_WORK_ATTEMPTS);

    // Given up: the import says so instead of importing for ever, and names the rows left out.
    const stuck = await job(id);
    expect(stuck).toMatchObject({
      status: 'incomplete',
      totalRows: 502,
      processedRows: 500,
      createdRows: 500,
      failedChunks: [{ chunkNo: 2, firstRow: 502, lastRow: 503, rowCount: 2, attempts: MAX_WORK_ATTEMPTS, reason: 'Throughput exceeds the current capacity of your table' }],
    });
    expect(stuck.completedAt).toBeUndefined();
    expect(await leadCounts(emails.slice(500))).toEqual([0, 0]);
    const list = await call('GET', '/lead-imports?limit=10', { token: tokens.sales });
    expect(list.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({ status: 'incomplete', failedChunks: [expect.objectContaining({ chunkNo: 2 })] });
    // The sweep leaves it alone: only a person's retry works it again.
    expect(await sweepIn(24 * 60 * 60_000)).toMatchObject({ done: 0, retry: 0, failed: 0 });

    // The cause dealt with, staff retry the chunk; the table stream hands the change to the events function.
    write.mockRestore();
    const failed = await storedChunk(id, 2);
    const retried = await call('POST', `/lead-imports/${id}/chunks/2/retry`, { token: tokens.sales });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id, status: 'processing', processedRows: 500, failedChunks: [] });
    const again = await call('POST', `/lead-imports/${id}/chunks/2/retry`, { token: tokens.sales });
    expect([again.status, again.body.error.code]).toEqual([409, 'chunk_not_failed']);
    expect(await eventsHandler({ Records: [streamRecord('MODIFY', await storedChunk(id, 2), failed)] })).toEqual({ batchItemFailures: [] });

    expect(await job(id)).toMatchObject({ status: 'completed', processedRows: 502, createdRows: 502, failedRows: 0, failedChunks: [] });
    expect(await leadCounts(emails)).toEqual(emails.map(() => 1));
  });

  it('fails a chunk whose stored rows cannot be read at once, without holding up the stream, and shows why', async () => {
    const broken = leadsFile('rusak', 2);
    const fine = leadsFile('utuh', 2);
    const [brokenId, fineId] = [await startImport(broken.csv), await startImport(fine.csv)];
    const { Key, TableName } = LeadImportChunkEntity().get({ importId: brokenId, chunkNo: 1 }).params() as { Key: Record<string, unknown>; TableName: string };
    await dynamo().send(new UpdateCommand({ TableName, Key, UpdateExpression: 'SET #rows = :rows', ExpressionAttributeNames: { '#rows': 'rows' }, ExpressionAttributeValues: { ':rows': '[[2, "Rusak"' } }));

    const records = [streamRecord('INSERT', await storedChunk(brokenId, 1)), streamRecord('INSERT', await storedChunk(fineId, 1))];
    expect(await eventsHandler({ Records: records })).toEqual({ batchItemFailures: [] });

    expect(await job(brokenId)).toMatchObject({
      status: 'incomplete',
      processedRows: 0,
      failedChunks: [{ chunkNo: 1, firstRow: 2, lastRow: 3, rowCount: 2, attempts: 1, reason: expect.stringContaining('unreadable_rows') }],
    });
    expect(await job(fineId)).toMatchObject({ status: 'completed', createdRows: 2 });
    expect(await leadCounts(broken.emails)).toEqual([0, 0]);
    expect(await leadImportRepository.chunk(brokenId, 1)).toMatchObject({ workState: 'failed', workAttempts: 1 });
  });

  it('answers a retry of a chunk that is unknown, not failed or not a chunk number with 404, 409 and 400', async () => {
    const { csv } = leadsFile('coba', 2);
    const id = await startImport(csv);
    const cases: [string, number, string][] = [
      [`/lead-imports/${id}/chunks/1/retry`, 409, 'chunk_not_failed'],
      [`/lead-imports/${id}/chunks/2/retry`, 404, 'not_found'],
      ['/lead-imports/no-such-import/chunks/1/retry', 404, 'not_found'],
      [`/lead-imports/${id}/chunks/0/retry`, 400, 'validation_failed'],
      [`/lead-imports/${id}/chunks/satu/retry`, 400, 'validation_failed'],
    ];
    for (const [path, status, code] of cases) {
      const answer = await call('POST', path, { token: tokens.sales });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, status, code]);
    }
    // The pending chunk was left as it was, for the stream or the sweep.
    expect(await leadImportRepository.chunk(id, 1)).toMatchObject({ workState: 'pending', workAttempts: 0 });
    expect(await sweepIn(PICKUP_GRACE_MS + 1_000)).toMatchObject({ done: 1 });
  });
});
