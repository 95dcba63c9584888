import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable the system reads, parsed once at start-up.
 * Nothing else in the code reads process.env.
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** postgres://user:pass@host:port/db. Unset: an embedded PostgreSQL is started with data under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  /** Connections per process; each request holds one for its transaction. */
  DB_POOL_MAX: z.coerce.number().int().min(2).max(500).default(20),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** As root, where the embedded PostgreSQL goes when the user postgres cannot enter DATA_DIR or node_modules. */
  EMBEDDED_PG_FALLBACK_DIR: z.string().default('/var/lib/sekretariat'),
  /** Run migrations at start. Default on for the embedded database, off for an external one (use npm run migrate). */
  MIGRATE_ON_START: bool.optional(),
  /** Load the demo municipality when the database has no municipality yet. */
  SEED_DEMO: bool.optional(),
  /** Serve this municipality (slug) when the host name maps to none. */
  DEFAULT_MUNICIPALITY: z.string().default('demo'),
  /** host=slug pairs, comma separated: "politikk.a.no=a,politikk.b.no=b" */
  MUNICIPALITY_HOSTS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const map = new Map<string, string>();
      for (const pair of s.split(',').map((p) => p.trim()).filter(Boolean)) {
        const [host, slug] = pair.split('=');
        if (!host || !slug) {
          ctx.addIssue({ code: 'custom', message: `expected host=slug, got "${pair}"` });
          return z.NEVER;
        }
        map.set(host.toLowerCase(), slug);
      }
      return map;
    }),
  /** Behind a reverse proxy: trust X-Forwarded-For for client addresses (rate limits, logs). */
  TRUST_PROXY: bool.default(false),
  /** Set when the API runs behind TLS: cookies get the Secure flag. */
  COOKIE_SECURE: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(60),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty` text or `json` lines; unset: pretty at a terminal outside production, else JSON. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** Chromium for PDFs; unset: /usr/bin/chromium-headless-shell, /usr/bin/chromium, /usr/bin/google-chrome. */
  PUPPETEER_EXECUTABLE_PATH: z.string().optional(),
  PDF_POOL_SIZE: z.coerce.number().int().min(1).max(32).default(4),
  PDF_MAX_HTML_BYTES: z.coerce.number().int().positive().default(20_000_000),
  /** Start pg-boss workers inside the API process (set false when running `npm run worker` separately). */
  JOBS_IN_PROCESS: bool.default(true),
  /** Outgoing mail (notices to members), e.g. smtp://user:pass@mail.example:587 or smtps://…. Unset: mail is not sent, and that is logged. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** Sender of outgoing mail. */
  MAIL_FROM: z.string().min(3).default('Sekretariat <postmottak@kommune.example>'),
  /** Where case documents are kept: files on disk (default), or PostgreSQL large objects. */
  DOCUMENT_STORE: z.enum(['disk', 'postgres']).default('disk'),
  /** Folder of the disk store; default DATA_DIR/documents. */
  DOCUMENT_DIR: z.string().optional(),
  /** Largest document accepted on upload. */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  /** Wall-clock time for extracting one document's text in its worker thread; then it is stopped and the document's text marked failed. */
  TEXT_EXTRACTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** Largest uncompressed document part (DOCX word/document.xml, ODT content.xml) read for text; larger (a zip bomb) is refused. */
  TEXT_EXTRACTION_MAX_UNZIPPED_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
  /** Staged roll uploads (DATA_DIR/uploads) no pending job refers to are deleted after this many hours. */
  UPLOAD_MAX_AGE_HOURS: z.coerce.number().positive().default(24),
  /** Public address of the web app, for links in e-mail (e.g. https://politikk.kommune.no). Unset: the request's origin, or http://localhost:PORT in background jobs. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  /**
   * Origins, besides the request's own (from Host, or X-Forwarded-Host/-Proto with TRUST_PROXY)
   * and PUBLIC_URL's, whose pages may change state (POST, PUT, PATCH, DELETE) in browsers that
   * send Origin but no Sec-Fetch-Site; comma separated, e.g. "https://politikk.kommune.no".
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const origins: string[] = [];
      for (const entry of s.split(',').map((e) => e.trim()).filter(Boolean)) {
        const url = URL.parse(entry);
        if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
          ctx.addIssue({ code: 'custom', message: `expected an origin such as https://politikk.kommune.no, got "${entry}"` });
          return z.NEVER;
        }
        origins.push(url.origin);
      }
      return origins;
    }),
  /** Directory of the built web app, served at /. */
  WEB_DIST: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Injection token for the parsed configuration. */
export const CONFIG = Symbol('CONFIG');

/** Injection token: the database URL the process runs on (DatabaseModule provides it). */
export const DATABASE_URL = Symbol('DATABASE_URL');
