// `npm start` in a child process, as a user runs it, stopped with Ctrl-C (SIGINT) or a hard kill
// (SIGKILL) and started again on the same data folder and ports; and a 10,000-row lead import
// driven through such restarts. Shared by the restart test (test/system) and `npm run bench`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../infra/local/free-port';
import { REPO_ROOT } from '../../infra/local/portal-build';
import { PORT_ENV, type StackPorts, type StackService } from '../../infra/local/stack';
import type { LeadImport, LeadImportPreview } from '../../shared/modules/sales/schemas/lead-import.schema';
import { apiAs, type ApiCall } from '../e2e/support/api';
import { groupMembers, signalGroup, waitGroupGone } from './process-group';

export type StopSignal = 'SIGINT' | 'SIGKILL';

/** How a stop went: `escalated` when SIGINT did not end every process of the group in time and SIGKILL had to. */
export type StopReport = { signal: StopSignal; seconds: number; code: number | null; escalated: boolean; printed: string };

export type NpmStart = {
  /** The process group: tsx, the stack's Node process and DynamoDB Local's Java. */
  pid: number;
  apiUrl: string;
  ports: StackPorts;
  dataDir: string;
  /** performance.now() when GET /api/v1/health first answered 200. */
  answeredAt: number;
  /** Spawn → the API answering. */
  startSeconds: number;
  /** The last lines the stack printed (stdout and stderr), for failure reports. */
  output(): string;
  /** Signals the whole process group, as Ctrl-C in a terminal does, and waits until none of it is left. */
  stop(signal: StopSignal, timeoutMs?: number): Promise<StopReport>;
};

const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
const KEPT_LINES = 200;
const seconds = (from: number, to = performance.now()) => (to - from) / 1000;

/** Process groups started here and not yet seen gone: killed when this process exits, however it exits. */
const groups = new Set<number>();
process.once('exit', () => {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
});

/** A free port for each service of the stack (PORT, DYNAMODB_PORT, … as `npm start` reads them). */
export async function freeStackPorts(): Promise<StackPorts> {
  const services = Object.keys(PORT_ENV) as StackService[];
  const ports = new Set<number>();
  while (ports.size < services.length) ports.add(await freePort());
  const list = [...ports];
  return Object.fromEntries(services.map((service, i) => [service, list[i]!])) as StackPorts;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Runs `tsx infra/local/start.ts` (what `npm start` runs) in its own process group, with
 * RELASI_DATA_DIR and the port variables set, and resolves once the API answers
 * GET /api/v1/health. Portals are built only when stale, as `npm start` decides (`npm test`
 * builds them before jest, so then nothing is built). A start that fails or times out leaves
 * no process behind.
 */
export async function startNpmStart(options: { dataDir: string; ports: StackPorts; timeoutMs?: number; log?: (line: string) => void }): Promise<NpmStart> {
  const { dataDir, ports, timeoutMs = START_TIMEOUT_MS, log } = options;
  const started = performance.now();
  const portEnv = Object.fromEntries((Object.keys(PORT_ENV) as StackService[]).map((service) => [PORT_ENV[service], String(ports[service])]));
  // As from a user's shell: not jest's NODE_ENV=test (a portal built under it would be a test build).
  const { NODE_ENV: _nodeEnv, JEST_WORKER_ID: _worker, ...inherited } = process.env;
  const child = spawn(TSX, ['infra/local/start.ts'], {
    cwd: REPO_ROOT,
    // Its own process group: one signal reaches tsx, the stack and DynamoDB Local's Java alike.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...inherited, ...portEnv, RELASI_DATA_DIR: dataDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const pgid = child.pid;
  if (!pgid) throw new Error(`could not spawn ${TSX}`);
  groups.add(pgid);
  const lines: string[] = [];
  let printedSince = 0;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      printedSince += 1;
      if (lines.length > KEPT_LINES) lines.shift();
      log?.(line);
    });
  }
  const output = () => lines.join('\n');
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const stop = async (signal: StopSignal, stopTimeoutMs = STOP_TIMEOUT_MS): Promise<StopReport> => {
    const from = performance.now();
    printedSince = 0;
    signalGroup(pgid, signal);
    let escalated = false;
    if (!(await waitGroupGone(pgid, child, stopTimeoutMs))) {
      escalated = true;
      log?.(`[harness] ${signal} left ${groupMembers(pgid).join('; ') || 'the tsx process'} after ${stopTimeoutMs / 1000} s: SIGKILL`);
      signalGroup(pgid, 'SIGKILL');
      if (!(await waitGroupGone(pgid, child, 15_000))) throw new Error(`process group ${pgid} survived SIGKILL: ${groupMembers(pgid).join('; ')}`);
    }
    groups.delete(pgid);
    await exited;
    // Its last words: what the stack printed after the signal.
    await sleep(50);
    const printed = printedSince > 0 ? lines.slice(-Math.min(printedSince, KEPT_LINES)).join('\n') : '';
    return { signal, seconds: seconds(from), code: child.exitCode, escalated, printed };
  };

  const health = `http://127.0.0.1:${ports.api}/api/v1/health`;
  const deadline = started + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`npm start exited (code ${child.exitCode}, signal ${child.signalCode}) before the API answered:\n${output()}`);
      }
      if (await healthy(health)) break;
      if (performance.now() > deadline) throw new Error(`npm start did not answer ${health} within ${timeoutMs / 1000} s:\n${output()}`);
      await sleep(200);
    }
  } catch (error) {
    await stop('SIGKILL', 10_000).catch(() => undefined);
    throw error;
  }
  const answeredAt = performance.now();
  return { pid: pgid, apiUrl: `http://127.0.0.1:${ports.api}`, ports, dataDir, answeredAt, startSeconds: seconds(started, answeredAt), output, stop };
}

/** Kills every stack started here that is still running (afterAll, the bench's finally). */
export async function killAllNpmStarts(): Promise<void> {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
  const deadline = performance.now() + 15_000;
  while ([...groups].some((pgid) => groupMembers(pgid).length > 0) && performance.now() < deadline) await sleep(100);
  groups.clear();
}

// ---------------------------------------------------------------------------------------------
// A lead import through restarts

export const SALES_LOGIN = 'sales@kaktus.example';

/**
 * A spreadsheet export of `rows` leads, all new, all at one e-mail domain (so the leads of this
 * import are the leads of that domain), with the headers in Indonesian and a memo that makes
 * 10,000 rows ~2 MB, as in the integration test of the import.
 */
export function leadImportCsv(rows: number, domain: string): string {
  const memo = '"Minta penawaran katering harian untuk kantor, menu halal, antar sebelum 11:30."';
  const lines = ['Nama,Surel,Perusahaan,Telepon,Sumber,Produk,Wilayah,Catatan'];
  for (let i = 0; i < rows; i++) {
    lines.push([`Kontak ${i}`, leadImportEmail(i, domain), `PT. Pulih ${i % 300}`, `+62 812 ${i}`, i % 2 ? 'Pameran' : '', i % 3 ? 'Catering' : '', 'Jakarta', memo].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The e-mail of data row `index` (0-based) of leadImportCsv. */
export function leadImportEmail(index: number, domain: string): string {
  return `kontak.${index}@${domain}`;
}

export type PlannedStop = { signal: StopSignal; atRows: number };

/** One stop and the restart after it. */
export type Restart = {
  signal: StopSignal;
  /** Rows done when the signal was sent (the last count read before it). */
  atRows: number;
  stop: StopReport;
  /** Spawn of the new `npm start` → its API answering. */
  startSeconds: number;
  /** The restarted API answering → the import's done-row count rising above `atRows` (0 when it had risen already). */
  recoverySeconds: number;
};

export type ImportThroughRestarts = {
  importId: string;
  domain: string;
  totalRows: number;
  job: LeadImport;
  restarts: Restart[];
  /** Rows per second of each stack's run (before the first stop, between stops, after the last restart), see runRate; undefined with fewer than two steps. */
  rowsPerSecond: Array<number | undefined>;
  /** Accepted → completed, stops and restarts included. */
  totalSeconds: number;
  /** The stack the import completed on, still running: the caller checks it, then stops it. */
  stack: NpmStart;
};

type Sample = { at: number; processed: number; run: number };

const POLL_MS = 100;
/** Nothing more happens to an import in these states without someone's action. */
const SETTLED: ReadonlySet<LeadImport['status']> = new Set(['completed', 'incomplete', 'failed']);

/**
 * The import's pace during one run of the stack: the median (the lower middle one) over the
 * steps of the done-row count it showed (a chunk counted, or several between two reads) of
 * rows ÷ seconds since the step before. A median, so that a pause which is no pace — a chunk
 * whose worker died waiting for its lease to run out — does not count as slowness.
 */
function runRate(samples: Sample[], run: number): number | undefined {
  const ofRun = samples.filter((s) => s.run === run);
  const steps = ofRun.filter((s, i) => i > 0 && s.processed !== ofRun[i - 1]!.processed);
  const rates = steps.slice(1).map((step, i) => (step.processed - steps[i]!.processed) / seconds(steps[i]!.at, step.at));
  const sorted = rates.sort((a, b) => a - b);
  return sorted.length > 0 ? sorted[Math.floor((sorted.length - 1) / 2)] : undefined;
}

/**
 * Starts `npm start` on `dataDir`, signs in as the sales rep, imports `rows` leads (preview for
 * the mapping, then the import, as the portal does), and at each planned stop — once the job
 * shows at least `atRows` rows done — stops the stack with its signal, starts it again on the
 * same folder and ports, and waits until the import moves again; then waits until it completes.
 * Every wait is bounded; on a failure the caller's `killAllNpmStarts()` cleans up.
 */
export async function importThroughRestarts(options: {
  dataDir: string;
  rows: number;
  stops: PlannedStop[];
  log?: (line: string) => void;
  /** Time for the rows before each planned stop, and for the rest after the last restart. */
  progressTimeoutMs?: number;
  /** Time for the import to move again after a restart. */
  recoveryTimeoutMs?: number;
}): Promise<ImportThroughRestarts> {
  const { dataDir, rows, stops, log, progressTimeoutMs = 300_000, recoveryTimeoutMs = 180_000 } = options;
  const note = (line: string) => log?.(`[harness] ${line}`);
  const ports = await freeStackPorts();
  const start = () => startNpmStart({ dataDir, ports, log });

  let stack = await start();
  try {
    return await driveImport();
  } catch (error) {
    // What the stack printed tells a bug of the app from one of the harness.
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- npm start output ---\n${stack.output()}`, { cause: error });
  }

  async function driveImport(): Promise<ImportThroughRestarts> {
    note(`npm start answered in ${stack.startSeconds.toFixed(1)} s (API ${stack.apiUrl}, data ${dataDir})`);
    let api: ApiCall = await apiAs(stack.apiUrl, SALES_LOGIN);
    const domain = `pulih-${Date.now().toString(36)}.example`;
    const csv = leadImportCsv(rows, domain);
    const preview = await api<LeadImportPreview>('POST', '/lead-imports/preview', { csv: csv.slice(0, 64 * 1024) });
    const accepted = performance.now();
    const created = await api<LeadImport>('POST', '/lead-imports', { fileName: `pulih-${rows}.csv`, csv, mapping: preview.suggestedMapping });
    const importId = created.id;
    note(`import ${importId} accepted: ${created.totalRows} rows, mapping ${JSON.stringify(created.mapping)}`);

    let run = 0;
    const samples: Sample[] = [{ at: accepted, processed: 0, run }];
    const read = async (): Promise<LeadImport> => {
      const job = await api<LeadImport>('GET', `/lead-imports/${importId}`);
      samples.push({ at: performance.now(), processed: job.processedRows, run });
      return job;
    };
    const until = async (what: string, done: (job: LeadImport) => boolean, timeoutMs: number): Promise<LeadImport> => {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const job = await read();
        if (done(job) || SETTLED.has(job.status)) return job;
        if (performance.now() > deadline) {
          throw new Error(`${what}: not within ${timeoutMs / 1000} s (job ${job.status}, ${job.processedRows}/${job.totalRows} rows)`);
        }
        await sleep(POLL_MS);
      }
    };
    const refuseSettled = (job: LeadImport) => {
      if (SETTLED.has(job.status)) throw new Error(`the import is ${job.status} before its planned stops: ${JSON.stringify({ ...job, errors: job.errors.slice(0, 5) })}`);
    };

    const restarts: Restart[] = [];
    for (const planned of stops) {
      const before = await until(`${planned.atRows} rows done before ${planned.signal}`, (job) => job.processedRows >= planned.atRows || job.status === 'completed', progressTimeoutMs);
      refuseSettled(before);
      note(`${planned.signal} at ${before.processedRows}/${before.totalRows} rows`);
      const stop = await stack.stop(planned.signal);
      note(`stopped in ${stop.seconds.toFixed(1)} s (exit code ${stop.code}${stop.escalated ? ', SIGINT was not enough: killed' : ''}); it printed: ${stop.printed.split('\n').slice(0, 8).join(' ⏎ ')}`);
      run += 1;
      stack = await start();
      api = await apiAs(stack.apiUrl, SALES_LOGIN);
      const moved = await until(`the import moving again after ${planned.signal} and a restart`, (job) => job.processedRows > before.processedRows || job.status === 'completed', recoveryTimeoutMs);
      if (moved.status !== 'completed') refuseSettled(moved);
      const recoverySeconds = Math.max(0, seconds(stack.answeredAt, samples.at(-1)!.at));
      restarts.push({ signal: planned.signal, atRows: before.processedRows, stop, startSeconds: stack.startSeconds, recoverySeconds });
      note(`restarted in ${stack.startSeconds.toFixed(1)} s; moving again ${recoverySeconds.toFixed(1)} s after the API answered (${moved.processedRows} rows)`);
    }
    const job = await until('the import settling (completed, incomplete or failed)', (j) => SETTLED.has(j.status), progressTimeoutMs);
    const totalSeconds = seconds(accepted, samples.at(-1)!.at);
    note(`import ${job.status} in ${totalSeconds.toFixed(1)} s: ${job.processedRows} processed, ${job.createdRows} created, ${job.updatedRows} updated, ${job.failedRows} failed`);
    const rowsPerSecond = Array.from({ length: run + 1 }, (_, r) => runRate(samples, r));
    return { importId, domain, totalRows: created.totalRows, job, restarts, rowsPerSecond, totalSeconds, stack };
  }
}
