import { type Config } from './config.js';
/** Parses process.env once; on error prints which variables are wrong and exits. */
export declare function loadConfig(): Config;
