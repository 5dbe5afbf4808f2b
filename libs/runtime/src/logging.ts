// Structured logs for both apps: JSON lines (pretty in development), with the
// request id that follows a simulation from the API's request into the worker.
import type { LoggerService } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import pretty from 'pino-pretty';
import type { ConnectionSettings } from '@app/config';

/** LOG_LEVEL speaks Nest's names; pino has its own. */
const PINO_LEVEL = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
} as const;

/** A request id a client may choose: short, and safe to print and to pass on. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isValidRequestId(value: unknown): value is string {
  return typeof value === 'string' && REQUEST_ID.test(value);
}

/** Query parameters whose values never reach a log line, whatever the route. */
const SECRET_PARAMETER = /token|secret|password|key|auth/i;

/** The URL as logged: the query's secret-looking values masked. */
export function loggableUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const masked = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      return SECRET_PARAMETER.test(decodeSafely(name)) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${masked}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The route template (`/simulation/:simulation_id`), so ids do not split one route into many. */
export function routeOf(request: { route?: { path?: string } }): string {
  const path = request.route?.path;
  // A catch-all (Nest mounts middleware as one) matched, and no endpoint did.
  return path && !path.includes('*') ? path : 'unmatched';
}

/** Requests not worth a log line each: probes and scrapes, every few seconds. */
export const QUIET_PATHS: ReadonlySet<string> = new Set([
  '/metrics',
  '/health/live',
  '/health/ready',
  '/health',
]);

/** The process's logger: JSON lines on stdout (pretty in development). */
export function createLogger(settings: ConnectionSettings, app: 'api' | 'worker'): pino.Logger {
  const stream =
    settings.nodeEnv === 'development'
      ? pretty({
          colorize: true,
          singleLine: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname',
        })
      : pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level: PINO_LEVEL[settings.logLevel],
      base: { app, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'err.config'],
        remove: true,
      },
    },
    stream,
  );
}

/**
 * nestjs-pino over `logger`: Nest's Logger writes through it, and inside a
 * request (or a worker's run) through the logger its context bound, so
 * those lines carry its ids. The API binds one per request itself
 * (`observeRequests`); pino-http's per-request work is not run (it stays installed
 * as nestjs-pino's peer, which requires it).
 */
export function loggerParams(logger: pino.Logger): Params {
  return {
    pinoHttp: { logger },
    useExisting: true,
    // Nest's own context name ("SimulationRunService") under a short key.
    renameContext: 'context',
  };
}

/**
 * The framework's boot chatter (a line per module, route and mapping: some
 * eighty before the app says it is up), at debug level; everything else as
 * it comes. LOG_LEVEL=debug shows it again.
 */
const BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
]);

export function quietBoot(logger: LoggerService): LoggerService {
  return {
    log: (message: unknown, ...rest: unknown[]) => {
      const context = rest[rest.length - 1];
      if (typeof context === 'string' && BOOT_CONTEXTS.has(context)) {
        logger.debug?.(message, ...rest);
      } else logger.log(message, ...rest);
    },
    error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => logger.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => logger.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) =>
      (logger.fatal ?? logger.error).call(logger, message, ...rest),
  };
}
