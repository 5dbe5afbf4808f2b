import { httpRequestDuration, httpRequests, routeOf } from '@app/runtime';
import type { NextFunction, Request, Response } from 'express';

/**
 * Counts and times every answered request by route template (never the
 * concrete path: ids would make a series per simulation). Costs two map
 * updates per request, off the response path.
 */
export function recordHttpMetrics(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.once('finish', () => {
    const route = routeOf(request);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    httpRequests.inc({ method: request.method, route, status: String(response.statusCode) });
    httpRequestDuration.observe({ method: request.method, route }, seconds);
  });
  next();
}
