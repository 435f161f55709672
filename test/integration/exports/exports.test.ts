import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { handler as eventsHandler } from '../../../functions/events/handler';
import { ExportJobEntity } from '../../../shared/modules/exports/db/export-job.entity';
import { LeadEntity, type LeadRow } from '../../../shared/modules/sales/db/lead.entity';
import { dynamo } from '../../../shared/platform/db/client';
import { call, demoWorld, everyPage, SETUP_TIMEOUT_MS, type DemoLogin } from '../../support/api.helper';
import { streamRecord } from '../../support/stream-record.helper';

const tokens = {} as Record<DemoLogin, string>;
const BULK = 50_000;
/** Every 10th bulk lead is qualified (the last three, whose cells look like formulas, too), the rest new. */
const QUALIFIED = BULK / 10 + 2;
let demoLeads = 0;
let demoQualified = 0;

/** Leads written as `create` writes them, in batches (ElectroDB's batch put), far faster than 50,000 requests. */
async function writeLeads(rows: LeadRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const { unprocessed } = await LeadEntity()
      .put(rows.slice(i, i + 5_000))
      .go({ concurrency: 4 });
    expect(unprocessed).toEqual([]);
  }
}

function bulkLead(n: number, fields: Partial<LeadRow> = {}): LeadRow {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  return {
    leadId: `bulk-${String(n).padStart(6, '0')}`,
    title: `Bulk lead ${n}`,
    contactName: `Kontak ${n}`,
    email: `kontak${n}@bulk.example`,
    source: 'import',
    status: n % 10 === 0 || n > BULK - 3 ? 'qualified' : 'new',
    score: 10,
    ownerKey: 'unassigned',
    matchKeys: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

/** The job's stored item handed to the events function as the table stream would, `times` times; its answers. */
async function deliver(exportId: string, times = 1) {
  const { Key, TableName } = ExportJobEntity().get({ exportId }).params() as { Key: Record<string, unknown>; TableName: string };
  const { Item } = await dynamo().send(new GetCommand({ Key, TableName }));
  const record = streamRecord('INSERT', Item!);
  const answers = [];
  for (let i = 0; i < times; i++) answers.push(await eventsHandler({ Records: [record] }));
  return answers;
}

async function exported(who: DemoLogin, body: unknown): Promise<{ job: any; rows: string[][]; bytes: Buffer }> {
  const started = await call('POST', '/exports', { token: tokens[who], body });
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ state: 'running', rows: 0 });
  expect(started.body.downloadUrl).toBeUndefined();
  await deliver(started.body.id);
  const job = (await call('GET', `/exports/${started.body.id}`, { token: tokens[who] })).body;
  expect(job.state).toBe('completed');
  const download = await fetch(job.downloadUrl);
  expect(download.status).toBe(200);
  const bytes = Buffer.from(await download.arrayBuffer());
  return { job, bytes, rows: parse(bytes, { bom: true, relax_column_count: true }) as string[][] };
}

beforeAll(async () => {
  Object.assign(tokens, await demoWorld());
  const demo = await everyPage('/leads?limit=100', tokens.sales);
  demoLeads = demo.length;
  demoQualified = demo.filter((lead) => lead.status === 'qualified').length;
  await writeLeads(Array.from({ length: BULK - 3 }, (_, i) => bulkLead(i + 1)));
  // Cells a spreadsheet would run as formulas, as people type or paste them into a CRM.
  await writeLeads([
    bulkLead(BULK - 2, { title: '=HYPERLINK("http://evil.example","klik")', contactName: '@SUM(1+1)', memo: '-2+3' }),
    bulkLead(BULK - 1, { title: 'Tab lead', contactName: '\tTab Start', phone: '+62 812 3456 7890', companyName: 'PT. Koma, Titik' }),
    bulkLead(BULK, { title: 'Line lead', contactName: 'Baris Baru', memo: 'line one\nline two', companyName: '\rCR' }),
  ]);
}, SETUP_TIMEOUT_MS);

jest.setTimeout(180_000);

describe('CSV export of the leads list', () => {
  it('writes every lead the rep may read, 50,000 and more, page by page into one file they download', async () => {
    const { job, rows, bytes } = await exported('sales', { source: 'leads' });
    // A UTF-8 byte order mark, so that Excel reads the names right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(job.rows).toBe(BULK + demoLeads);
    expect(job.fileName).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(rows).toHaveLength(BULK + demoLeads + 1);
    // The demo rep prefers Bahasa Indonesia: the header names are those the lead import reads back.
    expect(rows[0]).toEqual(['Judul', 'Nama kontak', 'Surel', 'Perusahaan', 'Telepon', 'Sumber', 'Minat produk', 'Wilayah', 'Catatan', 'Status', 'Skor', 'Pemilik', 'Dibuat']);
    expect(new Set(rows.slice(1).map((row) => row[2])).size).toBe(BULK + demoLeads);
  });

  it('writes cells starting with = + - @, a tab or a CR as text, and quotes commas and line breaks', async () => {
    const { rows } = await exported('sales', { source: 'leads', filter: { status: 'qualified' } });
    const byTitle = (start: string) => rows.find((row) => row[0]!.startsWith(start) || row[0]!.startsWith(`'${start}`))!;
    expect(byTitle('=HYPERLINK')).toEqual(expect.arrayContaining([`'=HYPERLINK("http://evil.example","klik")`, `'@SUM(1+1)`, `'-2+3`]));
    const tab = byTitle('Tab lead');
    expect(tab[1]).toBe("'\tTab Start");
    expect(tab[3]).toBe('PT. Koma, Titik');
    expect(tab[4]).toBe("'+62 812 3456 7890");
    const line = byTitle('Line lead');
    expect(line[8]).toBe('line one\nline two');
    expect(line[3]).toBe("'\rCR");
  });

  it('keeps to the filters the leads list takes', async () => {
    const { job, rows } = await exported('sales', { source: 'leads', filter: { status: 'qualified' } });
    expect(job.rows).toBe(QUALIFIED + demoQualified);
    expect(rows.slice(1).every((row) => row[9] === 'qualified')).toBe(true);
  });

  it('refuses a filter the list does not take, a list the caller may not read, and someone else’s export', async () => {
    const badStatus = await call('POST', '/exports', { token: tokens.sales, body: { source: 'leads', filter: { status: 'sleeping' } } });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.details).toEqual([expect.objectContaining({ path: 'filter.status' })]);
    expect((await call('POST', '/exports', { token: tokens.sales, body: { source: 'everything' } })).status).toBe(400);
    expect((await call('POST', '/exports', { token: tokens.service, body: { source: 'leads' } })).status).toBe(403);
    expect((await call('POST', '/exports', { token: tokens.customer, body: { source: 'leads' } })).status).toBe(403);

    const mine = await call('POST', '/exports', { token: tokens.sales, body: { source: 'leads', filter: { status: 'qualified' } } });
    for (const who of ['admin', 'service', 'customer'] as const) {
      expect([who, (await call('GET', `/exports/${mine.body.id}`, { token: tokens[who] })).status]).toEqual([who, 404]);
    }
    expect((await call('GET', '/exports/no-such-export', { token: tokens.sales })).status).toBe(404);
  });

  it('writes the file once when the stream delivers the job again', async () => {
    const started = await call('POST', '/exports', { token: tokens.sales, body: { source: 'leads', filter: { status: 'qualified' } } });
    const answers = await deliver(started.body.id, 3);
    expect(answers.map((a) => a.batchItemFailures)).toEqual([[], [], []]);
    const job = (await call('GET', `/exports/${started.body.id}`, { token: tokens.sales })).body;
    expect(job).toMatchObject({ state: 'completed', rows: QUALIFIED + demoQualified });
  });
});
