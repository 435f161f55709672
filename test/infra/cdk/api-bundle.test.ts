import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleApi } from '../../../infra/cdk/api-bundle';
import { API_LAZY_MODULES } from '../../../functions/api/lazy-modules';

let outputDir: string;

beforeAll(async () => {
  outputDir = mkdtempSync(join(tmpdir(), 'relasi-api-bundle-'));
  await bundleApi(outputDir);
}, 120_000);

afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

type LazyModule = (typeof API_LAZY_MODULES)[number];
/** What the API uses of each lazy module, as the deployed function would load it (`import()` from beside index.js). */
const USED: Record<LazyModule, string> = {
  'pdf-lib': 'PDFDocument',
  '@aws-sdk/client-s3': 'S3Client',
  '@aws-sdk/s3-request-presigner': 'getSignedUrl',
  '@aws-sdk/lib-storage': 'Upload',
  'sanitize-html': 'default',
  'csv-parse/sync': 'parse',
};
/** A text of each lazy module's own code, found in it and nowhere in the API's code. */
const OWN_TEXT: Record<LazyModule, string> = {
  'pdf-lib': 'Helvetica-Bold',
  '@aws-sdk/client-s3': 'ListObjectsV2',
  '@aws-sdk/s3-request-presigner': 'X-Amz-Content-Sha256',
  '@aws-sdk/lib-storage': 'leavePartsOnError',
  'sanitize-html': 'nonTextTags',
  'csv-parse/sync': 'CSV_QUOTE_NOT_CLOSED',
};

describe('the API function as deployed', () => {
  it('leaves every lazy module out of index.js and loads each from beside it', () => {
    const code = readFileSync(join(outputDir, 'index.js'), 'utf8');
    expect(API_LAZY_MODULES.filter((name) => code.includes(OWN_TEXT[name]))).toEqual([]);
    const check = join(outputDir, 'check.mjs');
    writeFileSync(
      check,
      `const used = ${JSON.stringify(USED)};
       const found = {};
       for (const [name, member] of Object.entries(used)) found[name] = typeof (await import(name))[member];
       console.log(JSON.stringify(found));`,
    );
    const run = spawnSync(process.execPath, [check], { cwd: outputDir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(Object.fromEntries(API_LAZY_MODULES.map((name) => [name, 'function'])));
  });

  it('parses a CSV with the lazily loaded csv-parse as the lead import does', () => {
    const check = join(outputDir, 'csv.mjs');
    writeFileSync(check, `const { parse } = await import('csv-parse/sync'); console.log(JSON.stringify(parse('a;b\\n1;2\\n', { delimiter: ';' })));`);
    const run = spawnSync(process.execPath, [check], { cwd: outputDir, encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});
