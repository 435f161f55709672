import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { transformSync } from '@swc/core';

type Loader = (module: { _compile(code: string, filename: string): void }, filename: string) => void;

/**
 * Keeps TypeScript loadable in the Jest process for as long as the e2e stack runs. Jest's own
 * hook lives only while global-setup runs, but the stack loads modules later, on first use (API
 * route sections, the PDF renderer, stream consumers). Same transform as jest.config.js: swc to
 * CommonJS, so `import()` of a TypeScript module becomes a `require` Node can resolve.
 */
export function keepTypeScriptLoadable(): void {
  const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
  const load: Loader = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: 'inline',
      jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: filename.endsWith('.tsx') } },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
  extensions['.ts'] = load;
  extensions['.tsx'] = load;
}
