import { join, resolve } from 'node:path';
import { REPO_ROOT } from './portal-build';
import { portsFromEnv, startStack } from './stack';

const DEMO_LOGINS = [
  ['admin@kaktus.example', 'admin, PT. Kaktus Berduri', 'staff'],
  ['sales@kaktus.example', 'sales rep', 'staff'],
  ['service@kaktus.example', 'service agent', 'staff'],
  ['yeyen@kita.example', 'customer contact of PT. KITA', 'customer'],
  ['partner@mitra.example', 'partner rep', 'partner'],
  ['investor@example.com', 'investor', 'investor'],
] as const;

/**
 * Where the data persists: `RELASI_DATA_DIR`, else `.data/` in the repository. A relative path is
 * taken from the folder the command was typed in (npm runs scripts from the repository root and
 * says where that was in INIT_CWD).
 */
function dataDirFromEnv(): string {
  const wanted = process.env.RELASI_DATA_DIR;
  return wanted ? resolve(process.env.INIT_CWD ?? process.cwd(), wanted) : join(REPO_ROOT, '.data');
}

/** Signals closer together than this are one Ctrl-C (see shutdown). */
const REPEATED_SIGNAL_MS = 1000;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const reset = process.argv.includes('--reset');
  const dataDir = dataDirFromEnv();
  if (reset) console.log(`--reset: deleting ${dataDir}`);

  const stack = await startStack({ ports: portsFromEnv(), dataDir, reset, seed: true, buildPortals: true });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const { urls } = stack;
  const password = process.env.RELASI_DEMO_PASSWORD ?? 'relasi-demo-2026';
  console.log(
    [
      '',
      `Relasi is running (ready in ${seconds} s${stack.seeded ? ', demo data seeded' : ''}). Data persists in ${dataDir}.`,
      '',
      `  staff portal      ${urls.staff}`,
      `  customer portal   ${urls.customer}`,
      `  partner portal    ${urls.partner}`,
      `  investor portal   ${urls.investor}`,
      `  API               ${urls.api}/api/v1   (docs ${urls.api}/api/docs)`,
      `  mail catcher      ${urls.mail}`,
      `  DynamoDB Local    ${urls.dynamodb}   (table ${process.env.TABLE_NAME})`,
      `  S3 (s3rver)       ${urls.s3}   (bucket ${process.env.ATTACHMENTS_BUCKET})`,
      '',
      `Demo logins (password: ${password}):`,
      ...DEMO_LOGINS.map(([email, who, portal]) => `  ${email.padEnd(24)} ${who.padEnd(30)} → ${urls[portal]}`),
      '',
      'Ctrl-C stops everything. `npm start -- --reset` starts again from fresh demo data.',
    ].join('\n'),
  );

  let stoppingSince: number | undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // tsx passes the terminal's Ctrl-C on and repeats it ~30 ms later: only a second press
      // (a person in a hurry) forces the exit, and then without the orderly stop.
      if (performance.now() - stoppingSince > REPEATED_SIGNAL_MS) process.exit(1);
      return;
    }
    stoppingSince = performance.now();
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
