import base from './jest.config.js';

/** Integration tests: *.int-spec.ts against a real PostgreSQL (DATABASE_URL, else embedded) and real Chromium. */
export default {
  ...base,
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/src/test-support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/test-support/global-teardown.mjs',
  testTimeout: 60000,
};
