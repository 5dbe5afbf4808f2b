import type { Config } from 'jest';

const moduleNameMapper = {
  '^@app/domain/testing$': '<rootDir>/libs/domain/testing',
  '^@app/domain$': '<rootDir>/libs/domain/src',
  '^@app/queue$': '<rootDir>/libs/queue/src',
  '^@app/config$': '<rootDir>/libs/config/src',
  '^@app/runtime$': '<rootDir>/libs/runtime/src',
  '^@app/auth$': '<rootDir>/libs/auth/src',
  '^@aisimulation/client$': '<rootDir>/clients/typescript/src',
  // The TypeScript client is an ES module package: its relative imports name their `.js` output.
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

// Type checking is `npm run typecheck`'s job; tests only transpile, which is several times faster.
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
  // eventsource-parser ships ES modules only: turned into CommonJS for Jest's runtime.
  '^.+/node_modules/eventsource-parser/.+\\.js$': [
    'ts-jest',
    { tsconfig: { allowJs: true, module: 'commonjs' }, diagnostics: false },
  ],
};

const shared = {
  rootDir: '.',
  moduleNameMapper,
  transform,
  setupFiles: ['reflect-metadata'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transformIgnorePatterns: ['/node_modules/(?!eventsource-parser/)'],
};

const config: Config = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/src/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/test/*.spec.ts',
        '<rootDir>/clients/typescript/test/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: [
        '<rootDir>/apps/*/test/**/*.e2e-spec.ts',
        '<rootDir>/libs/*/test/**/*.e2e-spec.ts',
        '<rootDir>/test/*.e2e-spec.ts',
        '<rootDir>/clients/typescript/test/**/*.e2e-spec.ts',
      ],
      // Starts a throwaway Postgres and Redis once for the whole run.
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      slowTestThreshold: 30,
    },
    {
      ...shared,
      displayName: 'fuzz',
      // Generated requests against the real API: `npm run test:fuzz`.
      testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'faults',
      // Real processes, killed and frozen on purpose: `npm run test:faults`.
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      // The dashboard in headless Chromium against the real API: `npm run test:browser`.
      testMatch: ['<rootDir>/apps/dashboard/test/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'compose',
      // docker-compose.yml up for real, on podman: `npm run test:compose` (run.sh brings the engine).
      testMatch: ['<rootDir>/test/compose/**/*.stack-spec.ts'],
    },
    {
      ...shared,
      displayName: 'launcher',
      // `npm run up` started and stopped every way it can be: `npm run test:launcher` (root).
      testMatch: ['<rootDir>/test/launcher/**/*.launcher-spec.ts'],
    },
    {
      ...shared,
      displayName: 'cluster',
      // Ten hosts on network namespaces and the faults between them: `npm run test:cluster` (root).
      testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
    },
  ],
  testTimeout: 120_000,
};

export default config;
