// Load the ESM-only @nestjs/common before CommonJS packages (e.g. @nestjs/throttler) require it:
// Jest refuses a require() of an ES module that is still being loaded.
const { Logger } = await import('@nestjs/common');
await import('@nestjs/core');
await import('@nestjs/throttler');
// Quiet tests; TEST_LOG_LEVEL=debug shows the logs.
if (!process.env['TEST_LOG_LEVEL']) Logger.overrideLogger(false);
export {};
