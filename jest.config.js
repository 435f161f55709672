/** Jest projects: unit (no network), integration (DynamoDB Local via app.request), infra (CDK), system (`npm start` restarted), e2e (Chromium). */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] };
// sanitize-html's HTML parser packages are ESM only: Jest's CommonJS runtime needs them transformed.
const ESM_ONLY = ['htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype', 'entities'];
const transformIgnorePatterns = [`/node_modules/(?!(.*/)?(${ESM_ONLY.join('|')})/)`];
const common = { transform, transformIgnorePatterns, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  // Generous per-test timeout (a global option, not per project): each password hash is scrypt at
  // OWASP cost (128 MiB, ~0.3 s idle) and on a loaded 2-core machine a sign-in can take seconds.
  // Performance is measured by `npm run bench`, never here.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/isolated-table-env.ts'],
    },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
    // `npm start` in child processes, stopped and started again on one data folder: no shared stack, no browser.
    { ...common, displayName: 'system', testMatch: ['<rootDir>/test/system/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
    },
  ],
};
