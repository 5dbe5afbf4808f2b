/** Why a run stopped before its curve was complete, when nothing inside the run failed. */
export type StopReason = 'timeout' | 'lease-lost' | 'shutdown';

export class RunStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`run stopped: ${reason}`);
    this.name = 'RunStopped';
  }
}

/** A failure that will happen again on every attempt (bad input data): the run fails at once. */
export class NonRetryableRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableRunError';
  }
}
