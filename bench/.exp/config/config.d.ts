import { z } from 'zod';
/**
 * Every environment variable the system reads, parsed once at start-up.
 * Nothing else in the code reads process.env.
 */
export declare const ConfigSchema: z.ZodObject<{
    NODE_ENV: z.ZodDefault<z.ZodEnum<{
        development: "development";
        production: "production";
        test: "test";
    }>>;
    PORT: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    HOST: z.ZodDefault<z.ZodString>;
    DATABASE_URL: z.ZodOptional<z.ZodURL>;
    DATA_DIR: z.ZodDefault<z.ZodString>;
    EMBEDDED_PG_PORT: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    MIGRATE_ON_START: z.ZodOptional<z.ZodPipe<z.ZodEnum<{
        0: "0";
        1: "1";
        true: "true";
        false: "false";
    }>, z.ZodTransform<boolean, "0" | "1" | "true" | "false">>>;
    SEED_DEMO: z.ZodOptional<z.ZodPipe<z.ZodEnum<{
        0: "0";
        1: "1";
        true: "true";
        false: "false";
    }>, z.ZodTransform<boolean, "0" | "1" | "true" | "false">>>;
    DEFAULT_MUNICIPALITY: z.ZodDefault<z.ZodString>;
    MUNICIPALITY_HOSTS: z.ZodPipe<z.ZodDefault<z.ZodString>, z.ZodTransform<Map<string, string>, string>>;
    TRUST_PROXY: z.ZodDefault<z.ZodPipe<z.ZodEnum<{
        0: "0";
        1: "1";
        true: "true";
        false: "false";
    }>, z.ZodTransform<boolean, "0" | "1" | "true" | "false">>>;
    COOKIE_SECURE: z.ZodDefault<z.ZodPipe<z.ZodEnum<{
        0: "0";
        1: "1";
        true: "true";
        false: "false";
    }>, z.ZodTransform<boolean, "0" | "1" | "true" | "false">>>;
    SESSION_TTL_HOURS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    LOGIN_RATE_LIMIT: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    LOGIN_RATE_WINDOW_SECONDS: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    BODY_LIMIT_BYTES: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    LOG_LEVEL: z.ZodDefault<z.ZodEnum<{
        error: "error";
        fatal: "fatal";
        warn: "warn";
        info: "info";
        debug: "debug";
        trace: "trace";
        silent: "silent";
    }>>;
    PUPPETEER_EXECUTABLE_PATH: z.ZodOptional<z.ZodString>;
    PDF_POOL_SIZE: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    PDF_MAX_HTML_BYTES: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    JOBS_IN_PROCESS: z.ZodDefault<z.ZodPipe<z.ZodEnum<{
        0: "0";
        1: "1";
        true: "true";
        false: "false";
    }>, z.ZodTransform<boolean, "0" | "1" | "true" | "false">>>;
    WEB_DIST: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export type Config = z.infer<typeof ConfigSchema>;
export declare class ConfigError extends Error {
}
/** Parses the environment; throws a ConfigError naming every bad variable. */
export declare function parseConfig(env: Record<string, string | undefined>): Config;
/** Injection token for the parsed configuration. */
export declare const CONFIG: unique symbol;
