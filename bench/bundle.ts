import { build, type Metafile } from 'esbuild';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { apiBundleOptions } from '../infra/cdk/api-bundle';
import { figure } from './report';

const REPO_ROOT = join(__dirname, '..');
const TOP = 5;

/** The package a bundled input belongs to (`node_modules/@scope/name/…` → `@scope/name`), or the app. */
function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return 'app(relasi)';
  const [first, second] = input.slice(at + 'node_modules/'.length).split('/');
  return first!.startsWith('@') ? `${first}/${second}` : first!;
}

function bytesByPackage(metafile: Metafile, outfile: string): Array<[string, number]> {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(REPO_ROOT, path) === outfile)?.[1];
  if (!output) throw new Error(`esbuild metafile has no output ${outfile}`);
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    totals.set(packageOf(input), (totals.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** api_bundle_kb (+ the heaviest packages in it); returns the bundle's path for the cold-start runs. */
export async function measureApiBundle(outdir: string): Promise<string> {
  const outfile = join(outdir, 'api-handler.cjs');
  const result = await build({ ...apiBundleOptions(outfile), metafile: true });
  figure('api_bundle_kb', statSync(outfile).size / 1024, 'kB', 1);
  bytesByPackage(result.metafile!, outfile)
    .slice(0, TOP)
    .forEach(([name, bytes], i) => figure(`api_bundle_top_${i + 1}`, `${name} ${(bytes / 1024).toFixed(1)}`, 'kB'));
  return outfile;
}

/** The same bundle with its linked source map, as deployed; the cold start with --enable-source-maps shows what turning the maps on would cost. */
export async function buildApiBundleWithSourceMap(outdir: string): Promise<string> {
  const outfile = join(outdir, 'with-source-map', 'api-handler.cjs');
  await build({ ...apiBundleOptions(outfile), sourcemap: true });
  return outfile;
}
