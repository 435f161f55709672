// `npm run bench`: prints the performance figures named in the issues, one per line as
// `name: value unit` on stdout (progress on stderr). The API runs in a child process
// (bench/stack-process.ts) with its own in-memory DynamoDB Local; this process measures.
// Last, `npm start` itself runs in a child process for the import restart figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureApiRead } from './api-read';
import { buildApiBundleWithSourceMap, measureApiBundle } from './bundle';
import { measureColdStart } from './cold-start';
import { measureExportRate } from './export-rate';
import { measureImportRecovery } from './import-recovery';
import { benchDb } from './db-access';
import { expectStatus, keepAliveClient } from './http-client';
import { measureListScaling } from './list-scaling';
import { measurePortalJs } from './portal-js';
import { measureBoardScaling, measureTimelineScaling } from './sales-scaling';
import { measureQueueScaling } from './service-scaling';
import { measureSearchScaling } from './search-scaling';
import { note } from './report';
import { startStackProcess, type RunningStack } from './stack-client';
import { waitForStreamPump } from './stream-barrier';

const DEMO_LOGIN = { email: 'sales@kaktus.example', password: 'relasi-demo-2026' };

function noteLoad(when: string): void {
  note(`load average ${when}: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min)`);
}

async function signedInClient(apiUrl: string) {
  const anonymous = keepAliveClient(apiUrl);
  const login = expectStatus(await anonymous.post('/api/v1/auth/login', DEMO_LOGIN), 200, 'login');
  anonymous.close();
  const { token } = JSON.parse(login.body) as { token: string };
  return keepAliveClient(apiUrl, { authorization: `Bearer ${token}` });
}

async function seededAccountId(api: ReturnType<typeof keepAliveClient>): Promise<string> {
  const page = expectStatus(await api.get('/api/v1/accounts?limit=25'), 200, 'accounts page');
  const { items } = JSON.parse(page.body) as { items: Array<{ id: string; name: string }> };
  const account = items.find((a) => a.name === 'PT. KITA') ?? items[0];
  if (!account) throw new Error('the seeded stack has no accounts');
  return account.id;
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  noteLoad('at start');
  const workDir = mkdtempSync(join(tmpdir(), 'relasi-bench-'));
  let stack: RunningStack | undefined;
  try {
    await measurePortalJs();
    const bundle = await measureApiBundle(workDir);
    const bundleWithSourceMap = await buildApiBundleWithSourceMap(workDir);

    note('starting the stack in a child process…');
    stack = await startStackProcess();
    note(`stack up: API ${stack.apiUrl} (pid ${stack.pid}), DynamoDB Local ${stack.dynamodbEndpoint}`);
    const data = await benchDb(stack);
    const api = await signedInClient(stack.apiUrl);

    const kita = await seededAccountId(api);
    noteLoad('before api_read_ratio');
    await measureApiRead(api, data, kita);
    // Cold starts next: DynamoDB Local's JVM is warm by now (its JIT compiler threads no longer
    // compete for the two cores), and the list loads that leave it collecting garbage come later.
    await waitForStreamPump(data);
    noteLoad('before api_cold_start_ms');
    await measureColdStart(bundle, bundleWithSourceMap, stack);
    noteLoad('before list_scaling_ratio');
    await measureListScaling(api, data);
    noteLoad('before board_scaling_ratio');
    await measureBoardScaling(api, data, kita);
    noteLoad('before timeline_scaling_ratio');
    await measureTimelineScaling(api, data);
    noteLoad('before queue_scaling_ratio');
    await measureQueueScaling(api, data, kita);
    noteLoad('before search_scaling_ratio');
    await measureSearchScaling(api, data);
    noteLoad('before export_rows_per_s');
    await measureExportRate(api, data);
    api.close();
    // Last, once the bench stack is gone: its own `npm start` (DynamoDB Local on disk), stopped and restarted mid-import.
    await stack.stop();
    stack = undefined;
    noteLoad('before import_recovery_s');
    await measureImportRecovery(workDir);
    noteLoad('at end');
  } finally {
    await stack?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
