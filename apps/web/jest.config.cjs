// Unit tests for the Angular app: jest-preset-angular in CommonJS mode, zoneless.
const { createCjsPreset } = require('jest-preset-angular/presets');

const preset = createCjsPreset();

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  rootDir: __dirname,
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/src/setup-jest.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Angular ships .mjs; @jsverse/utils (a transloco dependency) ships ESM as .js, so it is transformed too.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/))'],
  clearMocks: true,
  // The first test of a file pays for compiling its components; in `npm test` the web tests share
  // two cores with lint, typecheck and the API's tests, where that took over Jest's default 5 s.
  testTimeout: 20000,
};
