import { randomBytes } from 'node:crypto';
import type { StreamPump } from '../../../infra/local/stream-pump';
import { call, demoWorld, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { startMailPump } from '../../support/mail.helper';

/**
 * An error answer carries what a client needs beyond its code in `error.details` (the fields at
 * fault, the limit passed, the column or value refused), so the portals never read `message`.
 */

let tokens: Record<DemoLogin, string>;
let pump: StreamPump | undefined;
const tag = randomBytes(4).toString('hex');

beforeAll(async () => {
  tokens = await demoWorld();
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await pump?.stop();
});

jest.setTimeout(60_000);

const csvOf = (rows: string[][]) => rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
const startImport = (csv: string, mapping: Record<string, string | null>) =>
  call('POST', '/lead-imports', { token: tokens.sales, body: { fileName: 'details.csv', csv, mapping } });

describe('error details', () => {
  it('are documented: the Error schema lists ErrorDetail items with their keys', async () => {
    const { body: doc } = await call('GET', '/openapi.json');
    expect(doc.components.schemas.Error.properties.error.properties.details.items).toEqual({ $ref: '#/components/schemas/ErrorDetail' });
    expect(Object.keys(doc.components.schemas.ErrorDetail.properties)).toEqual(expect.arrayContaining(['path', 'message', 'column', 'maxRows', 'maxBytes', 'retryAfterSeconds']));
  });

  it('name each field of a 400 validation_failed by its dotted path', async () => {
    const answer = await call('POST', '/opportunities', { token: tokens.sales, body: { name: 'Rincian', accountId: 'A1', expectedRevenue: { amount: 'banyak', currency: 'IDR' } } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toContainEqual(expect.objectContaining({ path: 'expectedRevenue.amount', message: expect.any(String), code: 'invalid_type' }));
  });

  it('name the field as a dotted path when a service refuses it too (an unknown stage)', async () => {
    const account = await call('POST', '/accounts', { token: tokens.sales, body: { name: `Rincian ${tag}` } });
    const answer = await call('POST', '/opportunities', {
      token: tokens.sales,
      body: { name: 'Rincian', accountId: account.body.id, stage: 'no-such-stage', expectedRevenue: { amount: 100, currency: 'IDR' } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'stage', message: expect.any(String) }] });
  });

  it('give the rows and the row limit of a file that is too long (too_many_rows)', async () => {
    const rows = [['Name', 'E-mail']];
    for (let i = 0; i < 10_001; i++) rows.push([`N${i}`, `n${i}@rincian-${tag}.example`]);
    const answer = await startImport(csvOf(rows), { Name: 'contactName', 'E-mail': 'email' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'too_many_rows', details: [{ rows: 10_001, maxRows: 10_000 }] });
  });

  it('name the column a mapping names that the file lacks (unknown_column)', async () => {
    const answer = await startImport(csvOf([['Name', 'E-mail'], ['Sari', `sari@rincian-${tag}.example`]]), { Name: 'contactName', 'E-mail': 'email', Gaji: 'memo' });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'unknown_column', details: [{ column: 'Gaji' }] });
  });

  it('give the body limit of the route refused (payload_too_large): 1 MB, and 5 MB for an import', async () => {
    const lead = await call('POST', '/leads', { token: tokens.sales, body: { title: 'x', contactName: 'x', memo: 'x'.repeat(1100 * 1024) } });
    expect(lead.status).toBe(413);
    expect(lead.body.error).toMatchObject({ code: 'payload_too_large', details: [{ maxBytes: 1024 * 1024 }] });
    const big = `Name,E-mail,Notes\r\n${`Sari,sari@besar.example,${'x'.repeat(1000)}\r\n`.repeat(5300)}`;
    const file = await startImport(big, { Name: 'contactName', 'E-mail': 'email', Notes: 'memo' });
    expect(file.status).toBe(413);
    expect(file.body.error).toMatchObject({ code: 'payload_too_large', details: [{ maxBytes: 5 * 1024 * 1024 }] });
  });

  it('give the seconds to wait of a 429, the same as the Retry-After header', async () => {
    let answer = await call('POST', '/auth/password-reset', { body: { email: `rincian-${tag}@example.com` }, address: '198.51.100.77' });
    for (let i = 0; i < 10 && answer.status !== 429; i++) {
      answer = await call('POST', '/auth/password-reset', { body: { email: `rincian-${tag}@example.com` }, address: '198.51.100.77' });
    }
    expect(answer.body.error.code).toBe('too_many_attempts');
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(answer.body.error.details).toEqual([{ retryAfterSeconds: retryAfter }]);
  });

  it("carry a row error's limit and the value refused in an import's errors (too_long, invalid_source)", async () => {
    pump = await startMailPump();
    const rows = [['Name', 'E-mail', 'Source', 'Title'], ['Burung', `burung@rincian-${tag}.example`, 'Merpati', 'x'.repeat(161)]];
    const started = await startImport(csvOf(rows), { Name: 'contactName', 'E-mail': 'email', Source: 'source', Title: 'title' });
    expect(started.status).toBe(202);
    let job = started.body;
    for (const deadline = Date.now() + 50_000; job.status !== 'completed' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await call('GET', `/lead-imports/${started.body.id}`, { token: tokens.sales })).body;
    }
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'source', code: 'invalid_source', value: 'Merpati' }),
      expect.objectContaining({ row: 2, field: 'title', code: 'too_long', maxLength: 160 }),
    ]);
  });
});
