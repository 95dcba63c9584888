import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger, LoggerModule, PinoLogger, type Params } from 'nestjs-pino';
import pretty from 'pino-pretty';
import type { Config } from '../../config/config.js';
import { maskDeep, maskPersonalNumbers } from './mask.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Honours a sane incoming X-Request-Id (from a proxy), else makes one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

/** Pretty text for a person at a terminal, JSON lines otherwise (LOG_FORMAT decides when set). */
export function logFormat(
  config: Pick<Config, 'LOG_FORMAT' | 'NODE_ENV'>,
  isTTY = Boolean(process.stdout.isTTY),
): 'pretty' | 'json' {
  return config.LOG_FORMAT ?? (isTTY && config.NODE_ENV !== 'production' ? 'pretty' : 'json');
}

/**
 * nestjs-pino: a request id on every line and personal numbers masked. nestjs-pino keeps one
 * pino instance per process, so the logger of `useOneLogFormat` and the module's are the same.
 */
function loggingParams(config: Config): Params {
  const options = {
    level: config.LOG_LEVEL,
    genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? requestIdFor(req),
    customProps: () => ({}),
    quietReqLogger: false,
    autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/ready' },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: maskPersonalNumbers(req.url),
      }),
    },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a)) as typeof args,
        );
      },
    },
  } satisfies Params['pinoHttp'];
  // Written synchronously, so the last lines before an exit are not lost.
  return {
    pinoHttp:
      logFormat(config) === 'pretty'
        ? [options, pretty({ sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss' })]
        : options,
  };
}

export function loggingModule(config: Config) {
  return LoggerModule.forRoot(loggingParams(config));
}

/**
 * Sends Nest's own logger (`new Logger(...)` anywhere, also before the application exists) to
 * the same pino instance, so a process prints one format from its first line.
 */
export function useOneLogFormat(config: Config): void {
  if (config.LOG_LEVEL === 'silent') {
    NestLogger.overrideLogger(false);
    return;
  }
  const params = loggingParams(config);
  NestLogger.overrideLogger(new Logger(new PinoLogger(params), params));
}
