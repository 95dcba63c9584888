export * from './common.js';
export * from './auth.js';
export * from './municipalities.js';
export * from './bodies.js';
export * from './health.js';
export * from './register.js';
export * from './elections.js';
export * from './meetings.js';
