/** A failure that will happen again on every attempt (bad input data): the run fails at once. */
export class NonRetryableRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NonRetryableRunError';
  }
}

/**
 * The job's machine is draining: the run must wait. Thrown to Bull, which
 * tries the job again later (and the reconciler revives it if Bull gives up).
 */
export class MachineDrainingError extends Error {
  constructor(machineId: number) {
    super(`machine ${machineId} is draining; the run waits`);
    this.name = 'MachineDrainingError';
  }
}
