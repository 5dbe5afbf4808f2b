/** Codes of failures to reach Postgres (or Redis) at all, as opposed to a query being wrong. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up or shutting down)
]);

const CONNECTION_ERROR_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|Connection is closed|Query read timeout/i;

/**
 * True when an error means "the database (or Redis) was not reachable", so the
 * same operation may well succeed once it is back: a 503 to clients, a pause
 * and another try in the worker.
 */
export function isConnectionError(error: unknown): boolean {
  const candidate = error as {
    code?: unknown;
    driverError?: { code?: unknown; message?: unknown };
    message?: unknown;
  };
  const code = candidate?.driverError?.code ?? candidate?.code;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08')))
    return true;
  const message = [candidate?.message, candidate?.driverError?.message]
    .filter((m) => typeof m === 'string')
    .join(' ');
  return CONNECTION_ERROR_MESSAGES.test(message);
}
