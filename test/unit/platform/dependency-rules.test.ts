import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../../infra/local/portal-build';

/**
 * The rules of .dependency-cruiser.cjs run over a small tree laid out like the repository: every
 * wrong arrow is reported under its rule, and the right arrows are not.
 */
const FIXTURE: Record<string, string[]> = {
  'shared/platform/errors.ts': [],
  'shared/platform/config.ts': [],
  'shared/platform/money.ts': ['./errors', './config'],
  'shared/platform/clock.ts': ['luxon'],
  'shared/platform/db/client.ts': ['../config', '../../modules/sales/domain/lead'],
  'shared/modules/sales/domain/lead.ts': [],
  'shared/modules/desk/domain/ticket.ts': ['../../../platform/errors', '../../sales/domain/lead', 'luxon'],
  'shared/modules/desk/domain/sla-clock.ts': ['../db/ticket.entity', '../../../platform/config', 'hono'],
  'shared/modules/desk/db/ticket.entity.ts': ['../domain/ticket', '../../../platform/db/client', '../schemas/sla-policy.schema', 'hono'],
  'shared/modules/desk/schemas/sla-policy.schema.ts': [],
  'shared/modules/desk/schemas/ticket.schema.ts': ['../domain/ticket', '../services/reply-mail.service'],
  'shared/modules/desk/services/reply-mail.service.ts': ['../db/ticket.entity'],
  'shared/modules/desk/services/intake.service.ts': ['./conversation.service', '../db/ticket.entity'],
  'shared/modules/desk/services/conversation.service.ts': ['./intake.service', '../../../../functions/api/env'],
  'functions/api/env.ts': [],
  'functions/api/app.ts': ['./env', '../../shared/modules/desk/services/intake.service', '../../portals/ui/src/kit/field'],
  'functions/api/routes/desk/tickets.ts': ['../../../../shared/modules/desk/services/intake.service', '../../../../shared/modules/desk/db/ticket.entity', '@aws-sdk/client-dynamodb'],
  'infra/local/start.ts': ['../../functions/api/app', '../../test/support/helper'],
  'test/support/helper.ts': [],
  'portals/ui/src/kit/field.tsx': ['../../../../shared/modules/desk/domain/ticket', '../../../../shared/platform/money', '../../../../shared/platform/config'],
  'portals/ui/src/features/desk/ticket-page.tsx': ['../../kit/field', '../../../../../shared/modules/desk/schemas/ticket.schema', '@aws-sdk/client-s3'],
};

/** Each wrong arrow above as `rule: from → to`. */
const EXPECTED = [
  'db-not-schemas-services-http: shared/modules/desk/db/ticket.entity.ts → node_modules/hono/',
  'db-not-schemas-services-http: shared/modules/desk/db/ticket.entity.ts → shared/modules/desk/schemas/sla-policy.schema.ts',
  'domain-is-pure: shared/modules/desk/domain/sla-clock.ts → node_modules/hono/',
  'domain-is-pure: shared/modules/desk/domain/sla-clock.ts → shared/modules/desk/db/ticket.entity.ts',
  'domain-is-pure: shared/modules/desk/domain/sla-clock.ts → shared/platform/config.ts',
  'functions-only-shared: functions/api/app.ts → portals/ui/src/kit/field.tsx',
  'infra-not-portal-code: infra/local/start.ts → test/support/helper.ts',
  'no-circular: shared/modules/desk/services/conversation.service.ts → shared/modules/desk/services/intake.service.ts',
  'platform-knows-no-module: shared/platform/db/client.ts → shared/modules/sales/domain/lead.ts',
  'portals-contract-only: portals/ui/src/kit/field.tsx → shared/platform/config.ts',
  'portals-no-db-no-aws-sdk: portals/ui/src/features/desk/ticket-page.tsx → node_modules/@aws-sdk/',
  'portals-no-db-no-aws-sdk: portals/ui/src/features/desk/ticket-page.tsx → shared/modules/desk/db/ticket.entity.ts',
  'portals-no-db-no-aws-sdk: portals/ui/src/features/desk/ticket-page.tsx → shared/platform/db/client.ts',
  'pure-platform-is-pure: shared/platform/money.ts → shared/platform/config.ts',
  'routes-translate-http-only: functions/api/routes/desk/tickets.ts → node_modules/@aws-sdk/',
  'routes-translate-http-only: functions/api/routes/desk/tickets.ts → shared/modules/desk/db/ticket.entity.ts',
  'schemas-are-contract-only: shared/modules/desk/schemas/ticket.schema.ts → shared/modules/desk/services/reply-mail.service.ts',
  'shared-not-to-outside: shared/modules/desk/services/conversation.service.ts → functions/api/env.ts',
];

type Violation = { rule: { name: string }; from: string; to: string };

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'relasi-depcheck-'));
  for (const [file, imports] of Object.entries(FIXTURE)) {
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(join(root, file), `${imports.map((from, i) => `import * as m${i} from '${from}';`).join('\n')}\nexport const used = [${imports.map((_, i) => `m${i}`).join(', ')}];\n`);
  }
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve' } }));
  // The fixture's packages (luxon, hono, the AWS SDK) resolve from the repository's.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the dependency rules report each wrong arrow under its rule, and nothing else', () => {
  const cruise = spawnSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'depcruise'),
    ['--config', join(REPO_ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', 'shared', 'functions', 'infra', 'portals', 'test'],
    { cwd: root, encoding: 'utf8' },
  );
  expect(cruise.stderr).toBe('');
  const { violations } = (JSON.parse(cruise.stdout) as { summary: { violations: Violation[] } }).summary;
  // A package is named by its folder, whatever file of it resolved (through the symlink, outside the fixture).
  const found = violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to.replace(/^.*(node_modules\/(@aws-sdk\/|[^/]+\/)).*$/, '$1')}`);
  expect([...new Set(found)].sort()).toEqual(EXPECTED);
});
