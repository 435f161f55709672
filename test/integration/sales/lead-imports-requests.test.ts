import { call, DEMO_PASSWORD, login, SETUP_TIMEOUT_MS } from '../../support/api.helper';
import { tag } from '../../support/sales.helper';
import { csvOf, importCount, leadsWithEmail, setUpLeadImports, startEventsPump, startImport, stopEventsPump, tokens } from './lead-imports.fixture';

beforeAll(setUpLeadImports, SETUP_TIMEOUT_MS);
afterAll(stopEventsPump);

jest.setTimeout(60_000);

const ENGLISH = { Name: 'contactName', 'E-mail': 'email', Company: 'companyName', Phone: 'phone', Source: 'source', Title: 'title', Product: 'productInterest', Territory: 'territory', Notes: 'memo' } as const;

describe('with the events function on the table stream', () => {
  beforeAll(startEventsPump);

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
