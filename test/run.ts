import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT, stalePortals } from '../infra/local/portal-build';

/**
 * `npm test`: typecheck (server side and portals), dependency rules (.dependency-cruiser.cjs),
 * portal build (when stale) and its JS budget, then every jest project. Ends with the line
 * `N passed, N failed` that CI reads; a failed typecheck, rule check, build or budget counts as
 * one failure.
 * Extra arguments go to jest (`npm test -- test/unit`).
 */
const RESULTS = join(REPO_ROOT, '.test-results', 'jest.json');
const bin = (name: string) => join(REPO_ROOT, 'node_modules', '.bin', name);
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

function step(title: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env });
  return result.status === 0;
}

type JestResults = { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };

function readJestResults(): JestResults | undefined {
  if (!existsSync(RESULTS)) return undefined;
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as JestResults;
}

let passed = 0;
let failed = 0;

if (!step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) failed += 1;
// The portals' islands and components (DOM and Solid JSX) have their own settings.
if (!step('typecheck portals', bin('tsc'), ['--noEmit', '-p', 'portals/ui/tsconfig.json'])) failed += 1;
// DESIGN.md's arrows (domain is pure, db/ reaches no HTTP, shared/ no functions/ or portals/, no cycles…).
if (!step('dependency rules', 'npm', ['run', '--silent', 'depcheck'])) failed += 1;

const stale = stalePortals();
if (stale.length === 0) {
  console.log('\n▶ portals are built and up to date');
} else if (!step(`build portals (stale: ${stale.join(', ')})`, 'npm', ['run', 'build:portals'])) {
  failed += 1;
}
// Every page of every portal loads at most 50 kB of gzipped JavaScript.
if (!step('portal JavaScript budget', 'npm', ['run', 'budget', '-w', 'portals/ui'])) failed += 1;

rmSync(RESULTS, { force: true });
mkdirSync(dirname(RESULTS), { recursive: true });
const jestOk = step('jest', bin('jest'), ['--maxWorkers=2', '--json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)]);
const results = readJestResults();
if (results) {
  passed += results.numPassedTests;
  // A suite that cannot even load has no failed tests of its own: count it once.
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
}
if (!jestOk && (!results || results.numFailedTests + results.numRuntimeErrorTestSuites === 0)) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
