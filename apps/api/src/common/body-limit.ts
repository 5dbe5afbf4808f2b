import { DomainError } from '@app/domain';
import type { NextFunction, Request, Response } from 'express';

/**
 * The largest body a route reads; anything bigger is refused before it is
 * parsed. Room for a create with a run's params and tags near their bounds.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** A batch's: up to 1,000 simulations, a sweep's params and tags with each. */
export const BATCH_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
export const BATCH_ROUTE = '/simulations/batch';

/** A run's report (POST /simulation/{id}/metrics): up to MAX_REPORT_POINTS points as JSON. */
export const REPORT_ROUTE = /^\/simulation\/[^/]+\/metrics$/;
export const REPORT_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** The same report as NDJSON, for more points in one transaction. */
export const NDJSON_REPORT_LIMIT_BYTES = 16 * 1024 * 1024;
/** Points one NDJSON report may hold. */
export const MAX_NDJSON_REPORT_POINTS = 100_000;
export const NDJSON_TYPE = 'application/x-ndjson';

/** The methods whose routes read a body here. */
const BODY_METHODS = new Set(['POST', 'PATCH']);

/**
 * Only POST and PATCH carry a body in this API; a GET or DELETE with one is
 * answered as if it had none, so it can never fail on a body the route does not read.
 */
export function carriesJsonBody(request: {
  method?: string;
  headers: Record<string, unknown>;
}): boolean {
  return BODY_METHODS.has(request.method ?? '') && isJsonType(request);
}

function isJsonType(request: { headers: Record<string, unknown> }): boolean {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  return /^application\/([\w.+-]*\+)?json\b/.test(type);
}

/**
 * Whether a request is for the report route, by its whole path (a
 * middleware mounted on a path sees only what follows it in `path`).
 */
export function isReportRoute(request: { originalUrl?: string; url?: string }): boolean {
  const url = request.originalUrl ?? request.url ?? '';
  return REPORT_ROUTE.test(url.split('?')[0]);
}

/** A run's report sent as NDJSON: read by its own parser (ndjson-report.ts). */
export function isNdjsonReport(request: {
  method?: string;
  originalUrl?: string;
  url?: string;
  headers: Record<string, unknown>;
}): boolean {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  return (
    request.method === 'POST' &&
    isReportRoute(request) &&
    (type === NDJSON_TYPE || type.startsWith(`${NDJSON_TYPE};`))
  );
}

/** Methods that may carry a body at all: one sent as anything but JSON is refused. */
const METHODS_WITH_BODIES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A body sent as anything but JSON, or with no Content-Type, is refused with
 * a 415 saying so, rather than passed on unread (a create would then say
 * "name is required" about a name the caller did send).
 */
export function refuseUnreadBodies(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const headers = request.headers;
  const hasBody =
    headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
  if (
    !METHODS_WITH_BODIES.has(request.method) ||
    !hasBody ||
    isJsonType(request) ||
    isNdjsonReport(request)
  )
    return next();
  // What was sent is not repeated: an answer should not echo whatever a caller put in a header.
  const sent = headers['content-type'] ? 'this body was sent as another type' : 'none was sent';
  next(DomainError.unsupportedMediaType(`Content-Type must be application/json; ${sent}`));
}
