import {
  httpRequestDuration,
  httpRequests,
  isValidRequestId,
  loggableUrl,
  QUIET_PATHS,
  routeOf,
} from '@app/runtime';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

/**
 * The first thing every request meets: it gets its id (the client's
 * X-Request-Id when plausible, else a new one, told back in the header), a
 * logger whose lines name that id (nestjs-pino binds `request.log` for the
 * request's async context), and, once answered, one log line and its
 * counts in the HTTP metrics, by route template (never the concrete path:
 * ids would make a series per simulation).
 *
 * It does for this API what pino-http did, minus its per-request work that
 * no line used: a second child logger holding the serialized request, its
 * headers redacted, and three listeners where one does.
 */
export function observeRequests(logger: Logger): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const incoming = request.headers['x-request-id'];
    const id = isValidRequestId(incoming) ? incoming : randomUUID();
    request.id = id;
    response.setHeader('X-Request-Id', id);
    const log = logger.child({ request_id: id });
    request.log = log;
    const logged = !QUIET_PATHS.has(request.path);
    const started = performance.now();
    // 'close' comes once either way: after the answer was handed over, or when the client left.
    response.once('close', () => {
      const elapsed = performance.now() - started;
      const route = routeOf(request);
      const status = response.statusCode;
      const answered = response.writableFinished;
      // The metrics count answers; a request its client left has none.
      if (answered) {
        httpRequests.inc({ method: request.method, route, status: String(status) });
        httpRequestDuration.observe({ method: request.method, route }, elapsed / 1000);
      }
      if (!logged) return;
      const ms = Math.round(elapsed);
      const fields = {
        method: request.method,
        route,
        url: loggableUrl(request.originalUrl ?? request.url),
        status,
        duration_ms: ms,
      };
      if (!answered) {
        log.info({ ...fields, aborted: true }, `${request.method} ${route} aborted after ${ms} ms`);
      } else if (status >= 500) {
        log.error(fields, `${request.method} ${route} ${status}`);
      } else {
        log.info(fields, `${request.method} ${route} ${status} ${ms} ms`);
      }
    });
    next();
  };
}
