import base from './jest.config.js';

/** Integration tests: *.int-spec.ts against a real PostgreSQL (DATABASE_URL, else embedded) and real Chromium. */
export default {
  ...base,
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/src/test-support/global-setup.ts',
  globalTeardown: '<rootDir>/src/test-support/global-teardown.ts',
  testTimeout: 60000,
};
