import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importThroughRestarts, killAllNpmStarts, leadImportEmail, type ImportThroughRestarts, type NpmStart } from '../../support/npm-start';
import { LeadMatchEntity } from '../../../shared/modules/sales/db/lead-match.entity';

/**
 * `npm start` as a user runs it (a child process on its own data folder and free ports), a
 * 10,000-row lead import, and two interruptions of the same import: Ctrl-C (SIGINT to the
 * process group, as a terminal sends it) once some rows are done, a restart, then a hard kill
 * (SIGKILL to the group: tsx, the stack and DynamoDB Local's Java) once it moves again, another
 * restart, and the import must complete with every row counted once and one lead per row.
 * Each wait is bounded inside the harness; the test's own timeout bounds the whole.
 */
jest.setTimeout(600_000);

const ROWS = 10_000;
const dataDir = mkdtempSync(join(tmpdir(), 'relasi-restart-'));
let result: ImportThroughRestarts | undefined;

afterAll(async () => {
  await result?.stack.stop('SIGINT', 30_000).catch(() => undefined);
  await killAllNpmStarts();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/**
 * What the table of the running stack holds for the import's rows, read through the app's data
 * layer: the leads each row's e-mail finds (the import's own upsert lookup), and the leads its
 * e-mail domain finds (the duplicate markers that flag same-company leads).
 */
async function importedLeads(stack: NpmStart, domain: string, rows: number) {
  // The app reads its configuration once, on first use: point it at the stack's DynamoDB Local first.
  Object.assign(process.env, {
    RELASI_STAGE: 'local',
    AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-3',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${stack.ports.dynamodb}`,
    TABLE_NAME: 'relasi',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const [{ leadRepository }, { matchKeyText }] = await Promise.all([
    import('../../../shared/modules/sales/db/lead.repository'),
    import('../../../shared/modules/sales/domain/lead-duplicates'),
  ]);
  const emails = Array.from({ length: rows }, (_, i) => leadImportEmail(i, domain));
  const byEmail = await leadRepository.idsWithEmails(emails);
  const rowsWithoutOneLead = emails.flatMap((email, i) => (byEmail.get(email)?.length === 1 ? [] : [{ row: i + 2, email, leadIds: byEmail.get(email) }]));
  const leads = await leadRepository.getMany([...new Set([...byEmail.values()].flat())]);

  const { data: markers } = await LeadMatchEntity().query.byKey({ matchKey: matchKeyText({ kind: 'domain', value: domain }) })
    .go({ pages: 'all', attributes: ['leadId'] });
  const marked = new Set(markers.map((m) => m.leadId));
  const leadsMissingDomainMarker = leads.filter((lead) => !marked.has(lead.leadId)).map((lead) => ({ email: lead.email, id: lead.leadId, matchKeys: lead.matchKeys }));
  return { rowsWithoutOneLead, leads, domainMarkers: markers.length, leadsMissingDomainMarker };
}

it('a 10,000-row lead import stopped with Ctrl-C, restarted, killed, restarted, completes with every row counted once', async () => {
  result = await importThroughRestarts({
    dataDir,
    rows: ROWS,
    stops: [
      { signal: 'SIGINT', atRows: 1_500 },
      { signal: 'SIGKILL', atRows: 5_000 },
    ],
    log: (line) => void (line.startsWith('[harness]') && process.stderr.write(`[restart test] ${line.slice(10)}\n`)),
  });
  const { job, restarts } = result;

  // Each stop came mid-import; Ctrl-C ended every process of the stack by itself, Java included,
  // and cleanly (tsx repeats the terminal's SIGINT; start.ts takes that for the same Ctrl-C).
  expect(restarts.map((r) => r.signal)).toEqual(['SIGINT', 'SIGKILL']);
  for (const restart of restarts) {
    expect(restart.atRows).toBeGreaterThan(0);
    expect(restart.atRows).toBeLessThan(ROWS);
  }
  expect(restarts[0]!.stop.escalated).toBe(false);
  expect(restarts[0]!.stop.code).toBe(0);

  // Every row counted once into the job.
  expect(job).toMatchObject({ status: 'completed', totalRows: ROWS, processedRows: ROWS, createdRows: ROWS, updatedRows: 0, failedRows: 0, errorCount: 0, errors: [], failedChunks: [] });
  expect(job.createdRows + job.updatedRows + job.failedRows).toBe(ROWS);

  // One lead per row: each row's e-mail finds exactly one lead, 10,000 leads in all, each with its row's e-mail.
  const found = await importedLeads(result.stack, result.domain, ROWS);
  expect(found.rowsWithoutOneLead).toEqual([]);
  expect(found.leads).toHaveLength(ROWS);
  expect(new Set(found.leads.map((lead) => lead.email)).size).toBe(ROWS);
  expect(found.leads.every((lead) => lead.status === 'new' && lead.version === 1)).toBe(true);
  // …and whole: the import's e-mail domain lists exactly those 10,000 (a lead half written when the
  // stack died has its duplicate markers completed when its chunk is worked again).
  expect(found.leadsMissingDomainMarker).toEqual([]);
  expect(found.domainMarkers).toBe(ROWS);
});
