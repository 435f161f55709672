import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { REPO_ROOT } from '../../../infra/local/portal-build';

/**
 * What dependency-cruiser cannot check: `console` outside scripts (the app logs through
 * shared/platform/logger.ts), and the imports in .astro frontmatter, which it cannot parse,
 * held to the same portal rules of .dependency-cruiser.cjs.
 */
const SKIPPED = new Set(['node_modules', 'dist', '.astro', 'scripts']);

/** The repository's files under `folder` whose names end with one of `endings`, as repository paths. */
function filesUnder(folder: string, endings: string[]): string[] {
  return readdirSync(join(REPO_ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : filesUnder(path, endings);
    return endings.some((ending) => entry.name.endsWith(ending)) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('no console outside scripts', () => {
  // infra/, bench/, test/ and portals/ui/scripts/ are scripts and print what they do.
  const APP_CODE = ['shared', 'functions', 'portals'];

  test('the app code logs through the one logger, never console', () => {
    const offenders = APP_CODE.flatMap((folder) => filesUnder(folder, ['.ts', '.tsx', '.astro'])).flatMap((path) =>
      read(path)
        .split('\n')
        .flatMap((line, i) => (/\bconsole\.\w+\s*\(/.test(line) ? [`${path}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});

type PathMatch = { path?: string | string[]; pathNot?: string | string[] };
type Rule = { name: string; from: PathMatch; to: PathMatch & { circular?: boolean } };
const RULES = (require(join(REPO_ROOT, '.dependency-cruiser.cjs')) as { forbidden: Rule[] }).forbidden.filter((rule) => !rule.to.circular);

const patterns = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat()).map((source) => new RegExp(source));
const matches = (path: string, match: PathMatch) =>
  (match.path === undefined || patterns(match.path).some((re) => re.test(path))) && !patterns(match.pathNot).some((re) => re.test(path));

/** An import of a page as dependency-cruiser would name it: a repository path, or the package folder under node_modules. */
function resolved(page: string, specifier: string): string {
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(page), specifier));
  // portals/ui/package.json exports `./*` as `./src/*`.
  if (specifier.startsWith('@relasi/ui/')) return `portals/ui/src/${specifier.slice('@relasi/ui/'.length)}`;
  return `node_modules/${specifier}`;
}

/** The modules a page's frontmatter (between its `---` fences) imports. */
function frontmatterImports(source: string): string[] {
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  return [...frontmatter.matchAll(/(?:\bimport\s+(?:[^'"]*?\sfrom\s+)?|\bimport\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

describe('Astro pages and layouts', () => {
  const pages = filesUnder('portals', ['.astro']);

  test('are found, with their imports', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((page) => frontmatterImports(read(page)).length > 0)).toBe(true);
  });

  test('import only what the portal rules of .dependency-cruiser.cjs allow', () => {
    const violations = pages.flatMap((page) =>
      frontmatterImports(read(page)).flatMap((specifier) => {
        const target = resolved(page, specifier);
        return RULES.filter((rule) => matches(page, rule.from) && matches(target, rule.to)).map((rule) => `${rule.name}: ${page} → ${target}`);
      }),
    );
    expect(violations).toEqual([]);
  });

  test('would be caught importing a db/, the AWS SDK or a service', () => {
    const page = 'portals/staff/src/pages/tickets/index.astro';
    const wrong = ['../../../../../shared/modules/desk/db/ticket.repository', '@aws-sdk/client-s3', '../../../../../shared/modules/desk/services/ticket.service'];
    for (const specifier of wrong) {
      expect(RULES.some((rule) => matches(page, rule.from) && matches(resolved(page, specifier), rule.to))).toBe(true);
    }
    expect(RULES.some((rule) => matches(page, rule.from) && matches(resolved(page, '@relasi/ui/features/desk/queue-page.tsx'), rule.to))).toBe(false);
  });
});
