import { QueryFailedError } from 'typeorm';

/**
 * The reason a client reads on a failed simulation. It explains what happened
 * without passing on SQL, driver text or stack traces.
 */
export function failureReasonFor(error: unknown): string {
  if (error instanceof QueryFailedError)
    return 'the worker could not store the curve (database error)';
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^(ECONN|ETIMEDOUT|EPIPE)/.test(code)) {
    return 'the worker lost its connection to the database';
  }
  return 'the simulation stopped on an unexpected error in the worker';
}
