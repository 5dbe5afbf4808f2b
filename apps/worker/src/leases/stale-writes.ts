import type { AttemptRef } from '@app/domain';
import { staleWritesRejected } from '@app/runtime';
import { Logger } from '@nestjs/common';

const logger = new Logger('StaleWrites');

/**
 * A fenced write that changed nothing because this attempt no longer held
 * its simulation (cancelled, timed out, recovered elsewhere): counted and
 * logged, never retried.
 */
export function recordStaleWrite(ref: AttemptRef, what: string): void {
  staleWritesRejected.inc({ what: what.replace(/ /g, '_') });
  logger.warn(`rejected stale ${what} for simulation ${ref.simulationId} attempt ${ref.attempt}`);
}
