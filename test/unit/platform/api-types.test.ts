import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '../../..');

// In a child process: openapi-typescript's dependencies are ES modules, which Jest's CommonJS runtime cannot load.
const check = () =>
  spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'infra/local/api-types.ts', '--check'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });

describe("the portals' generated API types", () => {
  it('match the OpenAPI document the API serves now (else: run npm run api:types)', () => {
    const run = check();
    expect(`${run.stderr}${run.stdout}`).toContain('portals/ui/src/api/schema.gen.ts is up to date.');
    expect(run.status).toBe(0);
  });
});
