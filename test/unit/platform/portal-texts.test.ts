import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { en } from '../../../portals/ui/src/kit/i18n/en';
import { id } from '../../../portals/ui/src/kit/i18n/id';

const UI = resolve(__dirname, '../../../portals/ui/src');
const FEATURES = readdirSync(join(UI, 'features')).filter((name) => readdirSync(join(UI, 'features', name)).includes('texts.ts'));

type Catalogue = Record<string, string>;
/** A feature's catalogue (`features/sales/texts.ts`) or one of its parts' (`features/sales/lead-import/texts.ts`), which only that part's pages load. */
type Catalogues = { name: string; feature: string; dir: string; english: Catalogue; indonesian: Catalogue };

const camel = (folder: string) => folder.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

function catalogueIn(feature: string, dir: string): Catalogues {
  const prefix = camel(dir.split('/').pop()!);
  return {
    name: relative(join(UI, 'features'), dir),
    feature,
    dir,
    english: (require(join(dir, 'texts.en.ts')) as Record<string, Catalogue>)[`${prefix}En`]!,
    indonesian: (require(join(dir, 'texts.id.ts')) as Record<string, Catalogue>)[`${prefix}Id`]!,
  };
}

const PARTS = FEATURES.flatMap((feature) =>
  readdirSync(join(UI, 'features', feature), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(join(UI, 'features', feature, entry.name)).includes('texts.ts'))
    .map((entry) => catalogueIn(feature, join(UI, 'features', feature, entry.name))),
);
const catalogues: Catalogues[] = [
  { name: 'core', feature: '', dir: '', english: en, indonesian: id },
  ...FEATURES.map((feature) => catalogueIn(feature, join(UI, 'features', feature))),
  ...PARTS,
];

/** The key groups a catalogue holds: `sales.import` for `sales.import.title`. */
const groupsOf = (catalogue: Catalogue) => new Set(Object.keys(catalogue).map((key) => key.split('.').slice(0, 2).join('.')));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/texts(\.en|\.id)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('portal texts', () => {
  it('has the feature catalogues the portals use, and the parts with their own', () => {
    expect(FEATURES).toEqual(['commerce', 'crm', 'desk', 'identity', 'kb', 'sales']);
    expect(PARTS.map((part) => part.name)).toEqual(['commerce/catalogue', 'desk/settings', 'sales/lead-import']);
  });

  it('keys each feature catalogue by its feature, and the core one by none of them', () => {
    for (const { name, feature, english } of catalogues) {
      const foreign = Object.keys(english).filter((key) => (name === 'core' ? FEATURES.includes(key.split('.')[0]!) : !key.startsWith(`${feature}.`)));
      expect([name, foreign]).toEqual([name, []]);
    }
  });

  it('gives a part’s catalogue key groups of its own, which its feature’s catalogue does not use', () => {
    for (const part of PARTS) {
      const featureGroups = groupsOf(catalogues.find((c) => c.name === part.feature)!.english);
      expect([part.name, [...groupsOf(part.english)].filter((group) => featureGroups.has(group))]).toEqual([part.name, []]);
    }
  });

  it('gives each text the same {parameters} in English and in Bahasa Indonesia', () => {
    const parameters = (message: string | undefined) => [...(message ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const { name, english, indonesian } of catalogues) {
      const differing = Object.keys(english).filter((key) => parameters(english[key]).join() !== parameters(indonesian[key]).join());
      expect([name, differing]).toEqual([name, []]);
    }
  });

  // A component, or a module that translates, loads the texts of the keys it names; a pure module
  // that only names them (sla-policy-form.ts) leaves that to the component that shows them.
  it('has every component or translating module that names a feature’s (or a part’s) keys import those texts, so its pages load them', () => {
    const missing: string[] = [];
    for (const file of sources(UI)) {
      const code = readFileSync(file, 'utf8');
      if (!file.endsWith('.tsx') && !/^import [^;]* from '[./]*(kit\/)?i18n';$/m.test(code)) continue;
      const imported = new Set([...code.matchAll(/^import '([^']+)';$/gm)].map((match) => resolve(dirname(file), match[1]!)));
      for (const feature of FEATURES) {
        const shown = new RegExp(`['"\`]${feature}\\.[a-zA-Z]`).test(code);
        if (shown && !imported.has(join(UI, 'features', feature, 'texts'))) missing.push(`${relative(UI, file)} → ${feature}`);
      }
      for (const part of PARTS) {
        const shown = [...groupsOf(part.english)].some((group) => new RegExp(`['"\`]${group.replace('.', '\\.')}[.$]`).test(code));
        if (shown && !imported.has(join(part.dir, 'texts'))) missing.push(`${relative(UI, file)} → ${part.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
