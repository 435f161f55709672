import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { en } from '../../../portals/ui/src/kit/i18n/en';
import { id } from '../../../portals/ui/src/kit/i18n/id';

const UI = resolve(__dirname, '../../../portals/ui/src');
const FEATURES = readdirSync(join(UI, 'features')).filter((name) => readdirSync(join(UI, 'features', name)).includes('texts.ts'));

type Catalogue = Record<string, string>;
const catalogues: [string, Catalogue, Catalogue][] = [
  ['core', en, id],
  ...FEATURES.map((name): [string, Catalogue, Catalogue] => [
    name,
    (require(join(UI, 'features', name, 'texts.en.ts')) as Record<string, Catalogue>)[`${name}En`]!,
    (require(join(UI, 'features', name, 'texts.id.ts')) as Record<string, Catalogue>)[`${name}Id`]!,
  ]),
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/texts(\.en|\.id)?\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('portal texts', () => {
  it('has the feature catalogues the portals use', () => {
    expect(FEATURES).toEqual(['commerce', 'crm', 'desk', 'identity', 'kb', 'sales']);
  });

  it('keys each feature catalogue by its feature, and the core one by none of them', () => {
    for (const [name, english] of catalogues) {
      const foreign = Object.keys(english).filter((key) => (name === 'core' ? FEATURES.includes(key.split('.')[0]!) : !key.startsWith(`${name}.`)));
      expect([name, foreign]).toEqual([name, []]);
    }
  });

  it('gives each text the same {parameters} in English and in Bahasa Indonesia', () => {
    const parameters = (message: string | undefined) => [...(message ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [name, english, indonesian] of catalogues) {
      const differing = Object.keys(english).filter((key) => parameters(english[key]).join() !== parameters(indonesian[key]).join());
      expect([name, differing]).toEqual([name, []]);
    }
  });

  // A component, or a module that translates, loads the texts of the keys it names; a pure module
  // that only names them (sla-policy-form.ts) leaves that to the component that shows them.
  it('has every component or translating module that names a feature’s keys import that feature’s texts, so its pages load them', () => {
    const missing: string[] = [];
    for (const file of sources(UI)) {
      const code = readFileSync(file, 'utf8');
      if (!file.endsWith('.tsx') && !/^import [^;]* from '[./]*(kit\/)?i18n';$/m.test(code)) continue;
      const imported = new Set([...code.matchAll(/^import '([^']+)';$/gm)].map((match) => resolve(dirname(file), match[1]!)));
      for (const feature of FEATURES) {
        const shown = new RegExp(`['"\`]${feature}\\.[a-zA-Z]`).test(code);
        if (shown && !imported.has(join(UI, 'features', feature, 'texts'))) missing.push(`${relative(UI, file)} → ${feature}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
