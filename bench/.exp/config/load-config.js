import { ConfigError, parseConfig } from './config.js';
/** Parses process.env once; on error prints which variables are wrong and exits. */
export function loadConfig() {
    try {
        return parseConfig(process.env);
    }
    catch (error) {
        if (error instanceof ConfigError) {
            process.stderr.write(`${error.message}\n`);
            process.exit(78); // EX_CONFIG
        }
        throw error;
    }
}
//# sourceMappingURL=load-config.js.map