import { DomainError } from '@app/domain';
import type { NextFunction, Request, Response } from 'express';

/** Every body this API accepts is small; anything bigger is refused before it is parsed. */
export const BODY_LIMIT_BYTES = 16 * 1024;

/** But a batch: up to 1,000 simulations, each as large as a single create may be. */
export const BATCH_BODY_LIMIT_BYTES = 1024 * 1024;
export const BATCH_ROUTE = '/simulations/batch';

/**
 * Only POST carries a body in this API; a GET or DELETE with one is answered
 * as if it had none, so it can never fail on a body the route does not read.
 */
export function isJsonPost(request: {
  method?: string;
  headers: Record<string, unknown>;
}): boolean {
  return request.method === 'POST' && isJsonType(request);
}

function isJsonType(request: { headers: Record<string, unknown> }): boolean {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  return /^application\/([\w.+-]*\+)?json\b/.test(type);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

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
  if (!BODY_METHODS.has(request.method) || !hasBody || isJsonType(request)) return next();
  // What was sent is not repeated: an answer should not echo whatever a caller put in a header.
  const sent = headers['content-type'] ? 'this body was sent as another type' : 'none was sent';
  next(DomainError.unsupportedMediaType(`Content-Type must be application/json; ${sent}`));
}
