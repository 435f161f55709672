import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * The API function's code, bundled by infra/cdk/api-bundle.ts (the bundle `npm run bench`
 * measures) on this machine; the asset is named by the hash of what it produced.
 */
export function apiCode(): lambda.Code {
  return lambda.Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Only used when local bundling fails; the repository's own esbuild is what builds it.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      local: {
        tryBundle(outputDir: string) {
          const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'infra/cdk/api-bundle.ts'), outputDir], { cwd: REPO_ROOT, stdio: 'inherit' });
          if (run.status !== 0) throw new Error(`bundling the API failed (exit ${run.status ?? run.signal})`);
          return true;
        },
      },
    },
  });
}
