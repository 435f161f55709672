import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PORTALS = ['staff', 'customer', 'partner', 'investor'] as const;
export type PortalName = (typeof PORTALS)[number];

export const REPO_ROOT = resolve(__dirname, '../..');

const SKIP_DIRS = new Set(['node_modules', 'dist', '.astro']);
/** Everything a portal build reads besides its own folder. */
const SHARED_SOURCES = ['portals/ui', 'shared/modules', 'shared/platform'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** The built site of a portal. */
export function portalDist(name: PortalName): string {
  return join(REPO_ROOT, 'portals', name, 'dist');
}

/** Portals whose `dist` is missing or older than any of their sources. */
export function stalePortals(): PortalName[] {
  const shared = Math.max(...SHARED_SOURCES.map((p) => newestMtime(join(REPO_ROOT, p))));
  return PORTALS.filter((name) => {
    const dist = portalDist(name);
    if (!existsSync(join(dist, 'index.html'))) return true;
    const sources = Math.max(shared, newestMtime(join(REPO_ROOT, 'portals', name)));
    return sources > newestMtime(dist);
  });
}

function buildOne(name: PortalName): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', 'build', '-w', `@relasi/portal-${name}`], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', () => done(false));
    child.once('exit', (code) => done(code === 0));
  });
}

/** Builds the given portals with Astro, one after another (each build uses every core); returns those that failed. */
export async function buildPortals(names: readonly PortalName[]): Promise<PortalName[]> {
  const failed: PortalName[] = [];
  for (const name of names) {
    if (!(await buildOne(name))) failed.push(name);
  }
  return failed;
}
