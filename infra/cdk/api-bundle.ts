import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
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

/**
 * One lazy module as an ES module package in `node_modules/<name>/` beside the bundle. ESM,
 * because the API loads it with `import()`, which sees the named exports of an ES module (not
 * those of a minified CommonJS one).
 */
async function bundleLazyModule(name: (typeof API_LAZY_MODULES)[number], outputDir: string): Promise<void> {
  const target = join(outputDir, 'node_modules', name);
  const reexport = `export * from '${name}';${LAZY_DEFAULT_EXPORTS.has(name) ? ` export { default } from '${name}';` : ''}`;
  await build({
    stdin: { contents: reexport, resolveDir: REPO_ROOT },
    // CommonJS code inside an ES module still calls require() for Node's built-ins (postcss: `path`).
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    outfile: join(target, 'index.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'package.json'), JSON.stringify({ name, type: 'module', main: 'index.mjs' }));
}

/**
 * The API function's code as deployed: `index.js` (+ its source map, for mapping a stack trace
 * from the logs; the function runs without --enable-source-maps, which costs ~100 ms per cold
 * start) and the lazy modules.
 */
export async function bundleApi(outputDir: string): Promise<void> {
  await build({ ...apiBundleOptions(join(outputDir, 'index.js')), sourcemap: true });
  for (const name of API_LAZY_MODULES) await bundleLazyModule(name, outputDir);
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
