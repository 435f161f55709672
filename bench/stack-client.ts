import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { READY_MARKER, type StackInfo } from './stack-protocol';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

export type RunningStack = StackInfo & { apiUrl: string; pid: number; stop(): Promise<void> };

/** Starts `bench/stack-process.ts` in a child Node process and waits for its ready line. */
export async function startStackProcess(): Promise<RunningStack> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'stack-process.ts')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // stdin is a pipe the child watches: if this process dies, the stack stops too.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const info = await new Promise<StackInfo>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench stack did not start in time')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the bench stack exited (code ${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(READY_MARKER)) return void process.stderr.write(`[stack] ${line}\n`);
      clearTimeout(timer);
      resolve(JSON.parse(line.slice(READY_MARKER.length)) as StackInfo);
    });
  });

  return {
    ...info,
    // 127.0.0.1, not localhost: the API listens on IPv4 loopback only.
    apiUrl: `http://127.0.0.1:${info.ports.api}`,
    pid: child.pid!,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), STOP_TIMEOUT_MS).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    process.stderr.write('[bench] the stack did not stop in time; killing it (DynamoDB Local may need stopping by hand)\n');
    child.kill('SIGKILL');
  }
}
