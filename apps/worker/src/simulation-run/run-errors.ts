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

/**
 * A pool worker took the job of a run of a declared program, which only its
 * machine's own worker runs: thrown to Bull, which tries the job again
 * later, as for a draining machine.
 */
export class ProgramElsewhereError extends Error {
  constructor(simulation: { simulationId: number; program: string; machineId: number }) {
    super(
      `simulation ${simulation.simulationId} runs program "${simulation.program}", which machine ` +
        `${simulation.machineId}'s own worker runs; the run waits for it`,
    );
    this.name = 'ProgramElsewhereError';
  }
}

/**
 * The run's program needs more GPUs than this worker has free now: thrown to
 * Bull, which tries the job again later; the run waits in the queue, pending.
 */
export class GpusBusyError extends Error {
  constructor(simulation: { simulationId: number; program: string }, needed: number) {
    super(
      `simulation ${simulation.simulationId} waits for ${needed} free GPU(s) for program "${simulation.program}"`,
    );
    this.name = 'GpusBusyError';
  }

  /** Whether a job failed (and backs off) for this: its failedReason is this error's message. */
  static explains(failedReason: string | undefined): boolean {
    return (
      failedReason !== undefined && /^simulation \d+ waits for \d+ free GPU\(s\)/.test(failedReason)
    );
  }
}

/**
 * Postgres did not answer a run's claim within a lease. This worker may be
 * cut off from it while Redis still hears it renew the job's lock, so no one
 * else would take the job: it goes back to Bull, to be tried again later,
 * perhaps by another worker. A claim that lands after all is a run nobody
 * heartbeats, which the lease sweeper takes back.
 */
export class ClaimUnansweredError extends Error {
  constructor(simulationId: number, waitedMs: number) {
    super(`simulation ${simulationId}: Postgres did not answer the claim within ${waitedMs} ms`);
    this.name = 'ClaimUnansweredError';
  }
}
