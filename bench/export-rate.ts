import type { BenchDb } from './db-access';
import { expectStatus, type KeepAliveClient } from './http-client';
import { prng } from './load-accounts';
import { figure, note } from './report';
import { waitForStreamPump } from './stream-barrier';

const LEADS = 50_000;
const POLL_MS = 250;
const TIMEOUT_MS = 600_000;

/** 50,000 leads as `create` writes them, batch put (the search and scoring the API would do are not the point here). */
async function loadLeads(data: BenchDb): Promise<void> {
  const { LeadEntity } = await import('../shared/modules/sales/db/lead.entity');
  const random = prng(2027);
  const started = performance.now();
  const at = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: LEADS }, (_, i) => {
    const createdAt = new Date(at + i * 1000).toISOString();
    const n = Math.floor(random() * 1_000_000);
    return {
      leadId: `bench-lead-${String(i).padStart(6, '0')}`,
      title: `Katering kantor ${n}`,
      contactName: `Kontak ${n}`,
      email: `kontak${i}@bench-leads.example`,
      companyName: `PT. Bench ${n}`,
      phone: `+62 812 ${String(n).padStart(7, '0')}`,
      source: 'import' as const,
      status: 'new' as const,
      score: 10,
      ownerKey: 'unassigned',
      matchKeys: [],
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
  });
  for (let i = 0; i < rows.length; i += 5_000) {
    const { unprocessed } = await LeadEntity().put(rows.slice(i, i + 5_000)).go({ concurrency: 4 });
    if (unprocessed.length > 0) throw new Error(`${unprocessed.length} leads were not written`);
  }
  note(`loaded ${LEADS} leads in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * export_rows_per_s: `POST /exports {source: leads}` with 50,000 leads (and the seed's) → the
 * export `completed`, as the rep's browser sees it (polling), rows ÷ seconds. The rows are read
 * page by page through the leads list service and streamed to the local S3 by the events function.
 */
export async function measureExportRate(api: KeepAliveClient, data: BenchDb): Promise<void> {
  await loadLeads(data);
  await waitForStreamPump(data);
  const started = performance.now();
  const queued = JSON.parse(expectStatus(await api.post('/api/v1/exports', { source: 'leads' }), 202, 'start export').body) as { id: string };
  for (;;) {
    await new Promise((done) => setTimeout(done, POLL_MS));
    const job = JSON.parse(expectStatus(await api.get(`/api/v1/exports/${queued.id}`), 200, 'export').body) as { state: string; rows: number };
    if (job.state === 'failed') throw new Error('the export failed');
    if (job.state === 'completed') {
      const seconds = (performance.now() - started) / 1000;
      note(`exported ${job.rows} leads in ${seconds.toFixed(1)} s`);
      figure('export_rows_per_s', job.rows / seconds, 'rows/s', 0);
      return;
    }
    if (performance.now() - started > TIMEOUT_MS) throw new Error('the export did not complete in time');
  }
}
