import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { handler } from '../../../functions/events/handler';
import { dynamo } from '../../../shared/platform/db/client';
import { leadRepository } from '../../../shared/modules/sales/db/lead.repository';
import { DEFAULT_SCORING_RULES, scoreLead } from '../../../shared/modules/sales/domain/lead-scoring';
import { call, DEMO_PASSWORD, demoWorld, login, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { startMailPump } from '../../support/mail.helper';
import { LeadImportChunkEntity } from '../../../shared/modules/sales/db/lead-import-chunk.entity';

let tokens: Record<DemoLogin, string>;
let salesUserId: string;
let pump: StreamPump | undefined;

beforeAll(async () => {
  tokens = await demoWorld();
  salesUserId = (await call('GET', '/auth/me', { token: tokens.sales })).body.user.id;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await pump?.stop();
});

jest.setTimeout(60_000);

const tag = () => randomBytes(4).toString('hex');

/** A cell as a spreadsheet writes it: quoted when it holds the delimiter, a quote or a line break. */
const cell = (value: string, delimiter = ',') => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvOf = (rows: string[][], delimiter = ',') => rows.map((row) => row.map((v) => cell(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';

const ENGLISH = { Name: 'contactName', 'E-mail': 'email', Company: 'companyName', Phone: 'phone', Source: 'source', Title: 'title', Product: 'productInterest', Territory: 'territory', Notes: 'memo' } as const;

async function startImport(csv: string, mapping: Record<string, string | null>, token = tokens.sales, fileName = 'leads.csv') {
  return call('POST', '/lead-imports', { token, body: { fileName, csv, mapping } });
}

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

/** The stored leads with this e-mail (any case). */
async function leadsWithEmail(email: string) {
  return leadRepository.getMany(await leadRepository.idsWithEmail(email));
}

async function importCount(): Promise<number> {
  const answer = await call('GET', '/lead-imports?limit=100', { token: tokens.admin });
  expect(answer.status).toBe(200);
  return answer.body.items.length;
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
  beforeAll(async () => {
    // From the start of the stream: the chunk above comes again, and must not count again.
    pump = await startMailPump();
  });

  describe('preview', () => {
    it('suggests a mapping from English header names and shows the first rows', async () => {
      const rows = [[...Object.keys(ENGLISH), 'Salary']];
      for (let i = 0; i < 8; i++) rows.push([`Orang ${i}`, `orang${i}@pratinjau.example`, 'PT. Pratinjau', '+62 1', 'Event', 'Lunch', 'Catering', 'Jakarta', 'Line one\nline two, "quoted"', '1']);
      const answer = await call('POST', '/lead-imports/preview', { token: tokens.sales, body: { csv: csvOf(rows) } });
      expect(answer.status).toBe(200);
      expect(answer.body.columns).toEqual([...Object.keys(ENGLISH), 'Salary']);
      expect(answer.body.suggestedMapping).toEqual({ ...ENGLISH, Salary: null });
      expect(answer.body.sampleRows).toHaveLength(5);
      expect(answer.body.sampleRows[0]).toEqual(rows[1]);
      expect(answer.body.fields).toEqual(expect.arrayContaining([{ field: 'email', required: true }, { field: 'contactName', required: true }, { field: 'memo', required: false }]));
    });

    it('suggests a mapping from Indonesian header names, reading a semicolon file with a BOM that was cut mid-row', async () => {
      const header = ['Nama', 'Surel', 'Perusahaan', 'Telepon', 'Sumber', 'Judul', 'Produk', 'Wilayah', 'Catatan', 'Kolom Lain'];
      const rows = [header, ['Budi Santoso', 'budi@contoh.example', 'PT. Contoh; Tbk', '0812', 'Pameran', 'Makan siang', 'Katering', 'Bandung', 'Catatan "penting"', 'x']];
      const full = '\uFEFF' + csvOf(rows, ';') + 'Sari;sari@contoh.example;"PT. Terpotong';
      const answer = await call('POST', '/lead-imports/preview', { token: tokens.sales, body: { csv: full } });
      expect(answer.status).toBe(200);
      expect(answer.body.columns).toEqual(header);
      expect(answer.body.suggestedMapping).toEqual({
        Nama: 'contactName', Surel: 'email', Perusahaan: 'companyName', Telepon: 'phone', Sumber: 'source', Judul: 'title', Produk: 'productInterest', Wilayah: 'territory', Catatan: 'memo', 'Kolom Lain': null,
      });
      expect(answer.body.sampleRows).toEqual([rows[1]]);
      // "E-mail" and "Email" alike; a repeated header is numbered and not suggested twice.
      const english = await call('POST', '/lead-imports/preview', { token: tokens.sales, body: { csv: 'Email,Full Name,Email,Company Name,Mobile\r\n' } });
      expect(english.body.columns).toEqual(['Email', 'Full Name', 'Email (2)', 'Company Name', 'Mobile']);
      expect(english.body.suggestedMapping).toEqual({ Email: 'email', 'Full Name': 'contactName', 'Email (2)': null, 'Company Name': 'companyName', Mobile: 'phone' });
    });
  });

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
      const { job } = await finished(started.body.id);
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
    });

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

  describe('bad input', () => {
    const good = () => csvOf([['Name', 'E-mail'], ['Sari', `sari-${tag()}@tolak.example`]]);
    const cases: [string, number, string, () => Record<string, unknown>][] = [
      ['no e-mail column mapped', 400, 'mapping_incomplete', () => ({ csv: good(), mapping: { Name: 'contactName', 'E-mail': null } })],
      ['no contact name mapped', 400, 'mapping_incomplete', () => ({ csv: good(), mapping: { 'E-mail': 'email' } })],
      ['a column the file lacks', 400, 'unknown_column', () => ({ csv: good(), mapping: { Name: 'contactName', 'E-mail': 'email', Gaji: 'memo' } })],
      ['a field leads do not have', 400, 'validation_failed', () => ({ csv: good(), mapping: { Name: 'salary', 'E-mail': 'email' } })],
      ['an empty file', 400, 'empty_file', () => ({ csv: '', mapping: {} })],
      ['a header without rows', 400, 'empty_file', () => ({ csv: 'Name,E-mail\r\n\r\n', mapping: { Name: 'contactName', 'E-mail': 'email' } })],
      ['a quote never closed', 400, 'invalid_csv', () => ({ csv: 'Name,E-mail\r\n"Sari,sari@tolak.example\r\n', mapping: { Name: 'contactName', 'E-mail': 'email' } })],
      ['no file name', 400, 'validation_failed', () => ({ csv: good(), mapping: { Name: 'contactName', 'E-mail': 'email' }, fileName: ' ' })],
    ];

    it.each(cases)('%s → %i %s, nothing written', async (_name, status, code, body) => {
      const before = await importCount();
      const answer = await call('POST', '/lead-imports', { token: tokens.sales, body: { fileName: 'tolak.csv', ...body() } });
      expect(answer.status).toBe(status);
      expect(answer.body.error.code).toBe(code);
      expect(await importCount()).toBe(before);
    });

    it('refuses two columns mapped to one field (duplicate_mapping) and more than 10,000 rows (too_many_rows)', async () => {
      const before = await importCount();
      const doubled = await startImport('Name,E-mail,Surel\r\nSari,a@tolak.example,b@tolak.example\r\n', { Name: 'contactName', 'E-mail': 'email', Surel: 'email' });
      expect(doubled.status).toBe(400);
      expect(doubled.body.error).toMatchObject({ code: 'duplicate_mapping', details: [{ field: 'email', columns: ['E-mail', 'Surel'] }] });
      const rows = [['Name', 'E-mail']];
      for (let i = 0; i < 10_001; i++) rows.push([`N${i}`, `n${i}@banyak.example`]);
      const tooMany = await startImport(csvOf(rows), { Name: 'contactName', 'E-mail': 'email' });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.code).toBe('too_many_rows');
      expect(await importCount()).toBe(before);
      expect(await leadsWithEmail('n0@banyak.example')).toEqual([]);
    });

    it('takes up to 5 MB on the import route only: 413 above it, and above 1 MB everywhere else', async () => {
      const big = `Name,E-mail,Notes\r\n${`Sari,sari@besar.example,${'x'.repeat(1000)}\r\n`.repeat(5300)}`;
      expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
      const tooBig = await startImport(big, { Name: 'contactName', 'E-mail': 'email', Notes: 'memo' });
      expect(tooBig.status).toBe(413);
      expect(tooBig.body.error.code).toBe('payload_too_large');
      const overOneMb = 'x'.repeat(1100 * 1024);
      const preview = await call('POST', '/lead-imports/preview', { token: tokens.sales, body: { csv: overOneMb } });
      expect(preview.status).toBe(413);
      const lead = await call('POST', '/leads', { token: tokens.sales, body: { title: 'x', contactName: 'x', memo: overOneMb } });
      expect(lead.status).toBe(413);
      const notJson = await call('POST', '/lead-imports', { token: tokens.sales, rawBody: 'Name,E-mail\r\n', headers: { 'content-type': 'text/csv' } });
      expect(notJson.status).toBe(415);
    });

    it('refuses a preview without a header (empty_file) and a preview that is not CSV (invalid_csv)', async () => {
      const empty = await call('POST', '/lead-imports/preview', { token: tokens.sales, body: { csv: '\r\n\r\n' } });
      expect(empty.status).toBe(400);
      expect(empty.body.error.code).toBe('empty_file');
      const malformed = await call('POST', '/lead-imports/preview', { token: tokens.sales, body: { csv: '"Nama,Surel' } });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('invalid_csv');
    });
  });

  it('publishes the import routes in the OpenAPI document', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/lead-imports', '/lead-imports/preview', '/lead-imports/{id}', '/lead-imports/{id}/chunks/{chunkNo}/retry']));
    expect(Object.keys(doc.body.paths['/lead-imports'].post.responses)).toEqual(expect.arrayContaining(['202', '400', '413']));
    expect(Object.keys(doc.body.paths['/lead-imports/{id}/chunks/{chunkNo}/retry'].post.responses)).toEqual(expect.arrayContaining(['202', '404', '409']));
    expect(doc.body.components.schemas.LeadImport.properties.status.enum).toEqual(['queued', 'processing', 'completed', 'incomplete', 'failed']);
    expect(Object.keys(doc.body.components.schemas.LeadImportFailedChunk.properties)).toEqual(['chunkNo', 'firstRow', 'lastRow', 'rowCount', 'attempts', 'reason']);
  });

  describe('who may import', () => {
    let jobId: string;
    beforeAll(async () => {
      const started = await startImport(csvOf([['Name', 'E-mail'], ['Rahasia', `rahasia-${tag()}@akses.example`]]), { Name: 'contactName', 'E-mail': 'email' });
      jobId = started.body.id;
    });

    const routes = (id: string): [string, string, unknown?][] => [
      ['POST', '/lead-imports/preview', { csv: 'Name,E-mail\r\n' }],
      ['POST', '/lead-imports', { fileName: 'x.csv', csv: 'Name,E-mail\r\nX,x@akses.example\r\n', mapping: { Name: 'contactName', 'E-mail': 'email' } }],
      ['GET', '/lead-imports'],
      ['GET', `/lead-imports/${id}`],
      ['POST', `/lead-imports/${id}/chunks/1/retry`],
    ];

    it.each(['customer', 'partner', 'investor'] as const)('%s gets 404 on every import route, for real and unknown ids alike', async (who) => {
      const before = await importCount();
      for (const id of [jobId, 'no-such-import']) {
        for (const [method, path, body] of routes(id)) {
          const answer = await call(method, path, { token: tokens[who], body });
          expect([method, path, answer.status, answer.body.error?.code]).toEqual([method, path, 404, 'not_found']);
        }
      }
      expect(await importCount()).toBe(before);
    });

    it('service staff are refused (403); marketing and admins may import', async () => {
      for (const [method, path, body] of routes(jobId)) {
        const answer = await call(method, path, { token: tokens.service, body });
        expect([method, path, answer.status]).toEqual([method, path, 403]);
      }
      const email = `pemasaran-${tag()}@kaktus.example`;
      const created = await call('POST', '/users', { token: tokens.admin, body: { email, name: 'Staf Pemasaran', roles: ['marketing'], password: DEMO_PASSWORD } });
      expect(created.status).toBe(201);
      const marketing = await login(email);
      expect((await call('POST', '/lead-imports/preview', { token: marketing, body: { csv: 'Name,E-mail\r\n' } })).status).toBe(200);
      expect((await call('GET', `/lead-imports/${jobId}`, { token: marketing })).status).toBe(200);
      // Marketing may retry as it may import: the chunk is found (it has not failed, so 409).
      expect((await call('POST', `/lead-imports/${jobId}/chunks/1/retry`, { token: marketing })).body.error.code).toBe('chunk_not_failed');
      expect((await call('GET', '/lead-imports', { token: tokens.admin })).status).toBe(200);
      expect((await call('GET', '/lead-imports/no-such-import', { token: tokens.sales })).status).toBe(404);
    });

    it('anonymous callers must sign in', async () => {
      for (const [method, path, body] of routes(jobId)) {
        expect([method, path, (await call(method, path, { body })).status]).toEqual([method, path, 401]);
      }
    });
  });
});
