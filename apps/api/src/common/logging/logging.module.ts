import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
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

/** nestjs-pino: JSON lines with a request id on every line and personal numbers masked. */
export function loggingModule(config: Config) {
  return LoggerModule.forRoot({
    pinoHttp: {
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
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], remove: true },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskPersonalNumbers(a) : a)) as typeof args);
        },
      },
      transport:
        config.NODE_ENV === 'development' && process.stdout.isTTY
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
          : undefined,
    },
  });
}
