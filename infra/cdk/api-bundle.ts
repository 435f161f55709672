import { build, type BuildOptions, type Plugin } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_LAZY_MODULES, LAZY_DEFAULT_EXPORTS } from '../../functions/api/lazy-modules';

const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * zod ships its error messages in ~45 languages behind one namespace export, so a bundler keeps
 * them all (a quarter of the bundle, parsed on every cold start). The API answers in its own
 * stable codes and uses zod's English messages only; this keeps English and drops the rest.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
    }));
  },
};

/**
 * The API Lambda bundle, for the CDK asset and for `npm run bench` alike: node22, CJS (ESM output
 * would need a createRequire banner for the CJS-only dependencies), minified, ESM entry points
 * preferred so the SDK clients tree-shake, every dependency (@aws-sdk too, pinned by us) inside
 * except the lazily imported heavy modules, which ship beside it.
 */
export function apiBundleOptions(outfile: string): BuildOptions {
  return {
    entryPoints: [join(REPO_ROOT, 'functions/api/handler.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    mainFields: ['module', 'main'],
    external: [...API_LAZY_MODULES],
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
  };
}

/** `csv-parse/sync` → the package `csv-parse` and its export `./sync`; `pdf-lib` → `pdf-lib` and `.`. */
function lazyModuleParts(name: string): { pkg: string; exportPath: string } {
  const segments = name.split('/');
  const pkgLength = name.startsWith('@') ? 2 : 1;
  const subpath = segments.slice(pkgLength).join('/');
  return { pkg: segments.slice(0, pkgLength).join('/'), exportPath: subpath ? `./${subpath}` : '.' };
}

/**
 * One lazy module as an ES module in `node_modules/<package>/` beside the bundle, named by its
 * package's `exports` (a subpath such as `csv-parse/sync` too). ESM, because the API loads it
 * with `import()`, which sees the named exports of an ES module (not those of a minified CommonJS one).
 */
async function bundleLazyModule(name: (typeof API_LAZY_MODULES)[number], outputDir: string): Promise<{ pkg: string; exportPath: string; file: string }> {
  const { pkg, exportPath } = lazyModuleParts(name);
  const file = exportPath === '.' ? 'index.mjs' : `${exportPath.slice(2).replaceAll('/', '-')}.mjs`;
  const reexport = `export * from '${name}';${LAZY_DEFAULT_EXPORTS.has(name) ? ` export { default } from '${name}';` : ''}`;
  await build({
    stdin: { contents: reexport, resolveDir: REPO_ROOT },
    // CommonJS code inside an ES module still calls require() for Node's built-ins (postcss: `path`).
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    outfile: join(outputDir, 'node_modules', pkg, file),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return { pkg, exportPath, file };
}

/**
 * The API function's code as deployed: `index.js` (+ its source map, for mapping a stack trace
 * from the logs; the function runs without --enable-source-maps, which costs ~100 ms per cold
 * start) and the lazy modules.
 */
export async function bundleApi(outputDir: string): Promise<void> {
  await build({ ...apiBundleOptions(join(outputDir, 'index.js')), sourcemap: true });
  const exportsByPackage = new Map<string, Record<string, string>>();
  for (const name of API_LAZY_MODULES) {
    const { pkg, exportPath, file } = await bundleLazyModule(name, outputDir);
    exportsByPackage.set(pkg, { ...exportsByPackage.get(pkg), [exportPath]: `./${file}` });
  }
  for (const [pkg, exports] of exportsByPackage) {
    writeFileSync(join(outputDir, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg, type: 'module', exports }));
  }
}

// The CDK bundles synchronously, and esbuild takes plugins only in its asynchronous API, so the
// stack runs this file in a child process: `node --import tsx infra/cdk/api-bundle.ts <outputDir>`.
if (require.main === module) {
  const outputDir = process.argv[2];
  if (!outputDir) {
    console.error('usage: node --import tsx infra/cdk/api-bundle.ts <outputDir>');
    process.exit(2);
  }
  bundleApi(resolve(outputDir)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
