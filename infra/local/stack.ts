import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { javaProblem } from './java-check';
import { endOrphanedDynamoDbLocal, ensureTable, startDynamoDbLocal } from './dynamodb-local';
import { freePort } from './free-port';
import { listen, LOCAL_HOST } from './http-server';
import { startMailCatcher } from './mail-catcher';
import { startS3Local } from './s3-local';
import { buildPortals, portalDist, PORTALS, stalePortals, type PortalName } from './portal-build';
import { portalApp } from './portal-server';
import { startScheduler } from './scheduler';
import { startStreamPump } from './stream-pump';

export type StackService = 'api' | 'dynamodb' | 'mail' | 's3' | PortalName;
export type StackPorts = Record<StackService, number>;
export type StackUrls = Record<StackService, string>;

export type StackOptions = {
  /** 0 or omitted: a free port. */
  ports?: Partial<StackPorts>;
  /** Folder for persistent data (DynamoDB Local under `<dataDir>/dynamodb`, S3 under `<dataDir>/s3`); ignored with inMemory. */
  dataDir?: string;
  inMemory?: boolean;
  /** Delete dataDir before starting. */
  reset?: boolean;
  /** Seed the demo data when it is absent. */
  seed?: boolean;
  /** Build portals whose dist is missing or stale before serving them. */
  buildPortals?: boolean;
  tableName?: string;
  log?: (line: string) => void;
};

export type Stack = { urls: StackUrls; ports: StackPorts; seeded: boolean; stop(): Promise<void> };

/** Environment variable that overrides each default port (API.md). */
export const PORT_ENV: Record<StackService, string> = {
  api: 'PORT',
  dynamodb: 'DYNAMODB_PORT',
  mail: 'MAIL_PORT',
  s3: 'S3_PORT',
  staff: 'STAFF_PORT',
  customer: 'CUSTOMER_PORT',
  partner: 'PARTNER_PORT',
  investor: 'INVESTOR_PORT',
};

const SERVICES = Object.keys(PORT_ENV) as StackService[];

/** Defaults from API.md; each can be moved with its environment variable. */
const DEFAULT_PORTS: StackPorts = { api: 3000, dynamodb: 8000, mail: 8025, s3: 4569, staff: 4000, customer: 4001, partner: 4002, investor: 4003 };

/** The ports of `npm start`: the defaults, moved by their environment variables (also how `npm run mail:in` finds the running stack). */
export function portsFromEnv(): StackPorts {
  const entries = Object.entries(PORT_ENV).map(([service, name]) => {
    const value = process.env[name];
    const port = value ? Number(value) : DEFAULT_PORTS[service as StackService];
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name}=${value} is not a port number`);
    return [service, port];
  });
  return Object.fromEntries(entries) as StackPorts;
}

/** The local bucket for attachments and raw inbound mail (`ATTACHMENTS_BUCKET`). */
export const LOCAL_ATTACHMENTS_BUCKET = 'relasi-attachments';

function assertPortFree(port: number, service: StackService): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`Port ${port} (${service}) is already in use. Stop what uses it, or choose another port with ${PORT_ENV[service]}=…`)),
    );
    probe.listen(port, LOCAL_HOST, () => probe.close(() => resolve()));
  });
}

async function resolvePorts(requested: Partial<StackPorts>): Promise<StackPorts> {
  const entries = await Promise.all(
    SERVICES.map(async (service): Promise<[StackService, number]> => {
      const wanted = requested[service];
      if (!wanted) return [service, await freePort()];
      await assertPortFree(wanted, service);
      return [service, wanted];
    }),
  );
  return Object.fromEntries(entries) as StackPorts;
}

/** The app reads its configuration once, on first use: set it before the app modules load. */
function configureAppEnv(ports: StackPorts, endpoints: { dynamodb: string; mail: string; s3: string }, region: string, tableName: string): void {
  Object.assign(process.env, {
    RELASI_STAGE: 'local',
    AWS_REGION: region,
    DYNAMODB_ENDPOINT: endpoints.dynamodb,
    SES_ENDPOINT: endpoints.mail,
    S3_ENDPOINT: endpoints.s3,
    ATTACHMENTS_BUCKET: LOCAL_ATTACHMENTS_BUCKET,
    TABLE_NAME: tableName,
    ...Object.fromEntries(SERVICES.map((service) => [PORT_ENV[service], String(ports[service])])),
  });
}

/**
 * Starts the whole local stack in this process: DynamoDB Local (a Java child), the mail catcher,
 * the table-stream pump feeding the events handler, the API and the four portals. Used by
 * `npm start`, the e2e tests and the bench. One stack per process: the app's config and SDK
 * clients are module singletons.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const problem = javaProblem();
  if (problem) throw new Error(problem);

  const dynamodbPath = options.inMemory ? undefined : join(options.dataDir ?? '.data', 'dynamodb');
  if (dynamodbPath && (await endOrphanedDynamoDbLocal(dynamodbPath))) log('Ended the DynamoDB Local a stopped stack had left running on this data.');
  if (options.reset && options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
  const ports = await resolvePorts(options.ports ?? {});
  const tableName = options.tableName ?? 'relasi';
  const region = process.env.AWS_REGION ?? 'ap-southeast-3';
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => console.error('stopping the stack:', error));
    }
  };

  try {
    const portalBuild = options.buildPortals ? buildStalePortals(log) : Promise.resolve();
    const [dynamodb, mail, s3] = await Promise.all([
      startDynamoDbLocal({ port: ports.dynamodb, path: dynamodbPath }),
      startMailCatcher({ port: ports.mail }),
      startS3Local({ port: ports.s3, bucket: LOCAL_ATTACHMENTS_BUCKET, path: options.inMemory ? undefined : join(options.dataDir ?? '.data', 's3') }),
    ]);
    stops.push(dynamodb.stop, mail.stop, s3.stop);

    configureAppEnv(ports, { dynamodb: dynamodb.endpoint, mail: mail.url, s3: s3.endpoint }, region, tableName);
    const { created } = await ensureTable(dynamodb.endpoint, region, tableName);

    const { handler } = await import('../../functions/events/handler');
    // A new table is read from its first record (the seed's mails); an existing one from where the
    // last pump stopped (its position is kept beside the data), or from now on when none was kept.
    const positionFile = options.inMemory ? undefined : join(options.dataDir ?? '.data', 'stream-position.json');
    const pump = await startStreamPump({ endpoint: dynamodb.endpoint, region, tableName, handler, fromStart: created, positionFile });
    stops.push(pump.stop);

    const { markOneTimeMigrationsDone, migrateTable } = await import('./seed/migrations');
    if (created) await markOneTimeMigrationsDone();
    else for (const [name, count] of Object.entries(await migrateTable())) if (count > 0) log(`migrated: ${name} (${count} items)`);

    let seeded = false;
    if (options.seed) {
      const { seedDemoData } = await import('./seed/demo-seed');
      ({ seeded } = await seedDemoData());
    }

    // After migrations and seed: the sweep reads items in their current shape.
    const { handler: scheduleHandler } = await import('../../functions/schedule/handler');
    const scheduler = startScheduler(scheduleHandler);
    stops.push(scheduler.stop);

    // Everything answers at once: when the API is up (what people and scripts wait for), the portals are too.
    await portalBuild;
    const { app } = await import('../../functions/api/app');
    const api = await listen(app.fetch, ports.api);
    stops.push(api.close);
    for (const name of PORTALS) {
      const server = await listen(portalApp(name, portalDist(name), app.fetch, s3.endpoint).fetch, ports[name]);
      stops.push(server.close);
    }

    const urls = Object.fromEntries(SERVICES.map((service) => [service, `http://localhost:${ports[service]}`])) as StackUrls;
    return { urls, ports, seeded, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function buildStalePortals(log: (line: string) => void): Promise<void> {
  const stale = stalePortals();
  if (stale.length === 0) return;
  log(`Building portals: ${stale.join(', ')} (their dist is missing or older than the sources)…`);
  const failed = await buildPortals(stale);
  for (const name of failed) {
    const previous = existsSync(join(portalDist(name), 'index.html'));
    log(`ERROR: the ${name} portal failed to build (see above); ${previous ? 'serving its previous build' : 'it is not available'}.`);
  }
}
