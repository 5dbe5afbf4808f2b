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
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  return request.method === 'POST' && /^application\/([\w.+-]*\+)?json\b/.test(type);
}
