import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { StackInfo } from './stack-protocol';
import { figure, note } from './report';
import { median } from './stats';

const RUNS = 7;
type ChildReport = { statusCode: number; body: string; loadedMs: number; respondedMs: number; cpuMs: number };
type Run = { toResponseMs: number; toExitMs: number; child: ChildReport };

/** One fresh process: spawn → its response line (and → exit), timed here in the parent. */
function coldRun(bundle: string, info: StackInfo, nodeOptions: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let toResponseMs = 0;
    let out = '';
    const child = spawn(process.execPath, [...nodeOptions, join(__dirname, 'cold-start-child.cjs'), bundle], {
      env: {
        PATH: process.env.PATH,
        RELASI_STAGE: 'local',
        AWS_REGION: info.region,
        DYNAMODB_ENDPOINT: info.dynamodbEndpoint,
        TABLE_NAME: info.tableName,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (!toResponseMs) toResponseMs = performance.now() - started;
      out += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const toExitMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`cold start run failed (exit ${code}): ${out.trim()}`));
      resolve({ toResponseMs, toExitMs, child: JSON.parse(out) as ChildReport });
    });
  });
}

async function coldRuns(bundle: string, info: StackInfo, nodeOptions: string[] = []): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldRun(bundle, info, nodeOptions));
  return runs;
}

/** How long this machine takes to start Node and exit doing nothing, for scale. */
function bareNodeMs(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - started));
  });
}

/**
 * api_cold_start_ms: median over fresh processes of spawn → response of GET /api/v1/health
 * (timed here, from spawn to the child's response line). Extra lines split it up: the
 * child's own clock at the response and after loading the bundle, the CPU time it used (less
 * sensitive than wall time to other work on the machine), spawn → exit, a bare
 * `node -e 0` for scale, and the same cold start with --enable-source-maps (off in the deployed function).
 */
export async function measureColdStart(bundle: string, bundleWithSourceMap: string, info: StackInfo): Promise<void> {
  const runs = await coldRuns(bundle, info);
  note(`cold start runs (spawn→response ms): ${runs.map((r) => r.toResponseMs.toFixed(0)).join(', ')}`);
  figure('api_cold_start_ms', median(runs.map((r) => r.toResponseMs)), 'ms', 0);
  figure('api_cold_start_in_child_ms', median(runs.map((r) => r.child.respondedMs)), 'ms', 0);
  figure('api_cold_start_require_ms', median(runs.map((r) => r.child.loadedMs)), 'ms', 0);
  figure('api_cold_start_cpu_ms', median(runs.map((r) => r.child.cpuMs)), 'ms', 0);
  figure('api_cold_start_exit_ms', median(runs.map((r) => r.toExitMs)), 'ms', 0);
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) bare.push(await bareNodeMs());
  figure('node_bare_start_exit_ms', median(bare), 'ms', 0);
  const mapped = await coldRuns(bundleWithSourceMap, info, ['--enable-source-maps']);
  figure('api_cold_start_source_maps_ms', median(mapped.map((r) => r.toResponseMs)), 'ms', 0);
}
