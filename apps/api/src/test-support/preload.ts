// Load the ESM-only @nestjs/common before CommonJS packages (e.g. @nestjs/throttler) require it:
// Jest refuses a require() of an ES module that is still being loaded.
await import('@nestjs/common');
await import('@nestjs/core');
await import('@nestjs/throttler');
export {};
