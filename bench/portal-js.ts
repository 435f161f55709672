import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { portalDist, PORTALS, type PortalName } from '../infra/local/portal-build';
import { figure, note } from './report';

const REPO_ROOT = join(__dirname, '..');
const JS_BUDGET_SCRIPT = join(REPO_ROOT, 'portals/ui/scripts/js-budget.mjs');

/** `npm run build` of one portal, its output on stderr so stdout keeps only figures. */
function buildPortal(name: PortalName): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', `@relasi/portal-${name}`], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the ${name} portal failed to build`))));
  });
}

/** Builds the portals that have never been built (a stale build is measured as it is). */
async function ensureBuilt(): Promise<void> {
  const missing = PORTALS.filter((name) => !existsSync(join(portalDist(name), 'index.html')));
  if (missing.length > 0) note(`building portals without a dist: ${missing.join(', ')}`);
  for (const name of missing) await buildPortal(name);
}

/**
 * portal_js_kb_<portal>: gzipped JS the first page (`/`) loads, as the portals' own budget
 * script counts it (islands, renderer, their static imports, inline scripts). The script
 * lists every page as `ok|OVER <kb> KB <page>`; it exits 1 when a page is over its budget,
 * which is reported here, not treated as a failure.
 */
export async function measurePortalJs(): Promise<void> {
  await ensureBuilt();
  for (const name of PORTALS) {
    const run = spawnSync(process.execPath, [JS_BUDGET_SCRIPT, portalDist(name)], { encoding: 'utf8' });
    const index = run.stdout.split('\n').find((line) => /\sindex\.html$/.test(line));
    const kb = index?.match(/^(?:ok|OVER)\s+([\d.]+) KB/)?.[1];
    if (!kb) throw new Error(`js-budget gave no figure for ${name}/index.html:\n${run.stdout}${run.stderr}`);
    figure(`portal_js_kb_${name}`, Number(kb), 'kB', 1);
  }
}
