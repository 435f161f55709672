import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { handler } from '../../../functions/events/handler';
import { dynamo } from '../../../shared/platform/db/client';
import { DEFAULT_SCORING_RULES, scoreLead } from '../../../shared/modules/sales/domain/lead-scoring';
import { LeadImportChunkEntity } from '../../../shared/modules/sales/db/lead-import-chunk.entity';
import { call, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { reservedDynamoEndpoint, TEST_DYNAMODB_ENDPOINT_ENV, testServiceUrl } from '../../support/test-services';
import { tag } from '../../support/sales.helper';
import { csvOf, importCount, leadsWithEmail, salesUserId, setUpLeadImports, startEventsPump, startImport, stopEventsPump, tokens } from './lead-imports.fixture';

// Before the app reads its config (on first use, in setUpLeadImports): this file's table lives on the instance no other file uses.
process.env.DYNAMODB_ENDPOINT = reservedDynamoEndpoint(testServiceUrl(TEST_DYNAMODB_ENDPOINT_ENV));

beforeAll(setUpLeadImports, SETUP_TIMEOUT_MS);
afterAll(stopEventsPump);

jest.setTimeout(60_000);

/** Poll the job until it completes (or fails, or stops incomplete), noting every state seen on the way. */
async function finished(id: string, timeoutMs = 60_000): Promise<{ job: any; seen: any[] }> {
  const deadline = Date.now() + timeoutMs;
  const seen: any[] = [];
  for (;;) {
    const answer = await call('GET', `/lead-imports/${id}`, { token: tokens.sales });
    expect(answer.status).toBe(200);
    seen.push(answer.body);
    if (['completed', 'incomplete', 'failed'].includes(answer.body.status)) return { job: answer.body, seen };
    if (Date.now() > deadline) throw new Error(`import ${id} not finished: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The stream record the table writes when a chunk item is inserted, as the events function receives it. */
async function chunkInsertRecord(importId: string, chunkNo: number): Promise<DynamoDBRecord> {
  const { Key, TableName } = LeadImportChunkEntity().get({ importId, chunkNo }).params() as { Key: Record<string, unknown>; TableName: string };
  const { Item } = await dynamo().send(new GetCommand({ Key, TableName }));
  expect(Item).toBeDefined();
  return { eventName: 'INSERT', eventID: `chunk-${chunkNo}`, dynamodb: { SequenceNumber: String(chunkNo), NewImage: marshall(Item!) as Record<string, AttributeValue> } };
}

// Before the events pump runs: the chunk waits until this test hands its stream record over.
describe('a chunk delivered more than once', () => {
  it('is imported and counted once, whether the deliveries overlap or follow each other', async () => {
    const t = tag();
    const rows = [['Name', 'E-mail'], ['Ulang Satu', `satu@ulang-${t}.example`], ['Ulang Dua', `dua@ulang-${t}.example`], ['Ulang Tiga', `tiga@ulang-${t}.example`]];
    const started = await startImport(csvOf(rows), { Name: 'contactName', 'E-mail': 'email' });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', totalRows: 3, processedRows: 0 });
    const record = await chunkInsertRecord(started.body.id, 1);

    const overlapping = await Promise.all([handler({ Records: [record] }), handler({ Records: [record] })]);
    expect(overlapping.map((r) => r.batchItemFailures)).toEqual([[], []]);
    expect((await handler({ Records: [record, record] })).batchItemFailures).toEqual([]);

    const job = (await call('GET', `/lead-imports/${started.body.id}`, { token: tokens.sales })).body;
    expect(job).toMatchObject({ status: 'completed', totalRows: 3, processedRows: 3, createdRows: 3, updatedRows: 0, failedRows: 0, errorCount: 0, errors: [], failedChunks: [] });
    for (const [, email] of rows.slice(1)) expect(await leadsWithEmail(email!)).toHaveLength(1);
  });
});

describe('with the events function on the table stream', () => {
  // From the start of the stream: the chunk above comes again, and must not count again.
  beforeAll(startEventsPump);

  describe('import', () => {
    it('imports a 10,000-row file in the background, counting every row into the job', async () => {
      const t = tag();
      const header = ['Nama', 'Surel', 'Perusahaan', 'Telepon', 'Sumber', 'Produk', 'Wilayah', 'Catatan'];
      const rows = [header];
      // Memos make the file ~2 MB: above the 1 MB that other routes accept.
      const memo = 'Minta penawaran katering harian untuk kantor, menu halal, antar sebelum 11:30. '.repeat(2);
      for (let i = 0; i < 10_000; i++) {
        rows.push([`Kontak ${i}`, `kontak.${i}@massal-${t}-${i % 50}.example`, `PT. Massal ${t} ${i % 300}`, `+62 812 ${i}`, i % 2 ? 'Pameran' : '', i % 3 ? 'Catering' : '', 'Jakarta', memo]);
      }
      const csv = csvOf(rows);
      expect(csv.length).toBeGreaterThan(1024 * 1024);
      const before = Date.now();
      const started = await startImport(csv, { Nama: 'contactName', Surel: 'email', Perusahaan: 'companyName', Telepon: 'phone', Sumber: 'source', Produk: 'productInterest', Wilayah: 'territory', Catatan: 'memo' }, tokens.sales, 'pameran.csv');
      const accepted = Date.now() - before;
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: 'queued', fileName: 'pameran.csv', totalRows: 10_000, processedRows: 0, createdRows: 0, updatedRows: 0, failedRows: 0, createdBy: salesUserId });
      expect(started.body.createdAt).toEqual(expect.any(String));

      // ~35 s on an idle 2-core machine; far longer while the rest of `npm test` shares the cores.
      const { job, seen } = await finished(started.body.id, 270_000);
      const took = Date.now() - before;
      expect(job).toMatchObject({ status: 'completed', totalRows: 10_000, chunkCount: 20, processedRows: 10_000, createdRows: 10_000, updatedRows: 0, failedRows: 0, errorCount: 0, errors: [], failedChunks: [] });
      expect(job.completedAt).toEqual(expect.any(String));
      // A progress bar's view: the counters only grow, through `processing`.
      const progress = seen.map((s) => s.processedRows);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(seen.every((s) => ['queued', 'processing', 'completed'].includes(s.status))).toBe(true);
      console.log(`10,000-row import: accepted in ${accepted} ms, completed in ${took} ms (${seen.length} polls)`);

      // Leads as the lead service makes them: scored, assigned, flagged as duplicates.
      const [first] = await leadsWithEmail(`kontak.1@massal-${t}-1.example`);
      expect(first).toMatchObject({ contactName: 'Kontak 1', title: `PT. Massal ${t} 1`, source: 'event', productInterest: 'Catering', territory: 'Jakarta', status: 'new', ownerId: salesUserId, version: 1 });
      expect(first!.score).toBe(scoreLead(first!, DEFAULT_SCORING_RULES));
      const read = await call('GET', `/leads/${first!.leadId}`, { token: tokens.sales });
      expect(read.body.duplicates).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'same_domain' })]));
      const [plain] = await leadsWithEmail(`kontak.9996@massal-${t}-46.example`);
      expect(plain).toMatchObject({ source: 'import', contactName: 'Kontak 9996' });
      expect(plain!.productInterest).toBeUndefined();

      const list = await call('GET', '/lead-imports?limit=1', { token: tokens.admin });
      expect(list.status).toBe(200);
      expect(list.body.items[0]).toMatchObject({ id: started.body.id, status: 'completed' });
    }, 300_000);

    // Its chunk waits in the stream behind the search terms of the 10,000 leads before: more than the default minute on a busy machine.
    it('updates the lead with the same e-mail (any case) instead of creating another', async () => {
      const t = tag();
      const hendra = (await leadsWithEmail('hendra@kita.example'))[0]!;
      const csv = csvOf([
        ['E-mail', 'Name', 'Phone', 'Territory', 'Company'],
        ['HENDRA@Kita.Example', 'Hendra Gunawan', '+62 811 999 000', 'Bekasi', ''],
        [`baru@dua-kali-${t}.example`, 'Baru Pertama', '+62 1', '', 'PT. Dua Kali'],
        [`Baru@Dua-Kali-${t}.example`, 'Baru Kedua', '', 'Depok', ''],
      ]);
      const started = await startImport(csv, { 'E-mail': 'email', Name: 'contactName', Phone: 'phone', Territory: 'territory', Company: 'companyName' });
      expect(started.status).toBe(202);
      const { job } = await finished(started.body.id, 170_000);
      expect(job).toMatchObject({ status: 'completed', processedRows: 3, createdRows: 1, updatedRows: 2, failedRows: 0 });

      const after = await leadsWithEmail('hendra@kita.example');
      expect(after).toHaveLength(1);
      // Filled cells change the lead, blank ones leave it; the title, source and owner stay.
      expect(after[0]).toMatchObject({ leadId: hendra.leadId, phone: '+62 811 999 000', territory: 'Bekasi', companyName: 'PT. KITA', title: hendra.title, source: 'web', ownerId: hendra.ownerId, version: hendra.version + 1 });
      expect(after[0]!.memo).toBe(hendra.memo);

      // The same new e-mail twice in one file: one lead, the later row's values winning.
      const twice = await leadsWithEmail(`baru@dua-kali-${t}.example`);
      expect(twice).toHaveLength(1);
      expect(twice[0]).toMatchObject({ contactName: 'Baru Kedua', phone: '+62 1', territory: 'Depok', companyName: 'PT. Dua Kali' });

      // Importing the same file again changes nothing and creates nothing.
      const again = await startImport(csv, { 'E-mail': 'email', Name: 'contactName', Phone: 'phone', Territory: 'territory', Company: 'companyName' });
      const { job: second } = await finished(again.body.id);
      expect(second).toMatchObject({ status: 'completed', processedRows: 3, createdRows: 0, updatedRows: 3, failedRows: 0 });
      expect(await leadsWithEmail('hendra@kita.example')).toEqual([expect.objectContaining({ version: hendra.version + 1 })]);
      expect(await leadsWithEmail(`baru@dua-kali-${t}.example`)).toHaveLength(1);
    }, 180_000);

    it('imports a file with columns named valueOf, constructor, toString, hasOwnProperty and __proto__: listed, mapped or left out, never a 500', async () => {
      const t = tag();
      const odd = ['valueOf', 'constructor', 'toString', 'hasOwnProperty', '__proto__'];
      const csv = csvOf([
        ['Name', 'E-mail', ...odd],
        ['Ganjil Satu', `satu@ganjil-${t}.example`, '1', '2', '3', '4', 'Catatan satu'],
        ['Ganjil Dua', `dua@ganjil-${t}.example`, '', '', '', '', 'Catatan dua'],
      ]);
      const preview = await call('POST', '/lead-imports/preview', { token: tokens.sales, body: { csv } });
      expect(preview.status).toBe(200);
      expect(preview.body.columns).toEqual(['Name', 'E-mail', ...odd]);
      expect(Object.entries(preview.body.suggestedMapping)).toEqual([['Name', 'contactName'], ['E-mail', 'email'], ...odd.map((column) => [column, null])]);

      // The suggested mapping sent back as the portal does, with the "__proto__" column chosen for the memo.
      const started = await startImport(csv, { ...preview.body.suggestedMapping, ['__proto__']: 'memo' });
      expect(started.status).toBe(202);
      expect(Object.entries(started.body.mapping)).toEqual([['Name', 'contactName'], ['E-mail', 'email'], ...odd.map((column) => [column, column === '__proto__' ? 'memo' : null])]);
      const { job } = await finished(started.body.id);
      expect(job).toMatchObject({ status: 'completed', processedRows: 2, createdRows: 2, failedRows: 0 });
      expect(await leadsWithEmail(`satu@ganjil-${t}.example`)).toEqual([expect.objectContaining({ contactName: 'Ganjil Satu', memo: 'Catatan satu', source: 'import' })]);
      expect(await leadsWithEmail(`dua@ganjil-${t}.example`)).toEqual([expect.objectContaining({ contactName: 'Ganjil Dua', memo: 'Catatan dua' })]);

      // A mapping that leaves those columns out imports the rest of the file.
      const leftOut = await startImport(csv.replace('Ganjil Satu', 'Ganjil Kesatu'), { Name: 'contactName', 'E-mail': 'email' });
      expect(leftOut.status).toBe(202);
      expect((await finished(leftOut.body.id)).job).toMatchObject({ status: 'completed', processedRows: 2, updatedRows: 2, failedRows: 0 });
      expect(await leadsWithEmail(`satu@ganjil-${t}.example`)).toEqual([expect.objectContaining({ contactName: 'Ganjil Kesatu', memo: 'Catatan satu' })]);

      // Their names are no lead fields.
      const before = await importCount();
      for (const field of ['constructor', 'toString', '__proto__']) {
        const wrong = await startImport(csv, { Name: 'contactName', 'E-mail': 'email', valueOf: field });
        expect([field, wrong.status, wrong.body.error.code]).toEqual([field, 400, 'validation_failed']);
      }
      expect(await importCount()).toBe(before);
    });

    it('reports row errors with their row numbers and imports the good rows', async () => {
      const t = tag();
      const rows = [
        ['Name', 'E-mail', 'Source', 'Title'],
        ['Baik Satu', `baik1@galat-${t}.example`, 'referensi', ''],
        ['Salah Surel', 'bukan-surel', '', ''],
        ['', `tanpa-nama@galat-${t}.example`, '', ''],
        ['Sumber Aneh', `sumber@galat-${t}.example`, 'merpati pos', ''],
        ['Judul Panjang', `judul@galat-${t}.example`, '', 'x'.repeat(161)],
        ['Tanpa Surel', '', '', ''],
        ['', '', '', ''],
        ['Sudah Pelanggan', 'AGUS@sinarpagi.example', '', ''],
        ['Baik Dua', `baik2@galat-${t}.example`, 'Web', 'Makan siang kantor'],
      ];
      const started = await startImport(csvOf(rows), { Name: 'contactName', 'E-mail': 'email', Source: 'source', Title: 'title' });
      expect(started.status).toBe(202);
      // The blank line is no row.
      expect(started.body.totalRows).toBe(8);
      const { job } = await finished(started.body.id);
      expect(job).toMatchObject({ status: 'completed', processedRows: 8, createdRows: 2, updatedRows: 0, failedRows: 6, errorCount: 6 });
      expect(job.errors.map((e: any) => [e.row, e.field, e.code])).toEqual([
        [3, 'email', 'invalid_email'],
        [4, 'contactName', 'required'],
        [5, 'source', 'invalid_source'],
        [6, 'title', 'too_long'],
        [7, 'email', 'required'],
        [9, 'email', 'lead_converted'],
      ]);
      for (const error of job.errors) expect(error.message).toEqual(expect.any(String));
      expect(await leadsWithEmail(`baik1@galat-${t}.example`)).toEqual([expect.objectContaining({ source: 'referral', title: 'Baik Satu' })]);
      expect(await leadsWithEmail(`baik2@galat-${t}.example`)).toEqual([expect.objectContaining({ source: 'web', title: 'Makan siang kantor' })]);
      expect(await leadsWithEmail(`sumber@galat-${t}.example`)).toEqual([]);
      expect(await leadsWithEmail('agus@sinarpagi.example')).toEqual([expect.objectContaining({ status: 'converted', version: 2 })]);
    });
  });
});
