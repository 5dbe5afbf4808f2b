import type { JobOptions } from 'bull';

/** One queue carries every simulation run. */
export const SIMULATION_QUEUE = 'simulations';

export enum SimulationJobName {
  Run = 'run',
}

/**
 * Bull retries a job only when its handler throws, which the worker does for
 * infrastructure trouble (database unreachable before the run could start).
 * A run that fails on its own merits is recorded as `failed` and not thrown.
 */
export const RUN_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: 1_000,
  removeOnFail: 5_000,
};

/** One job id per simulation, so enqueueing the same run twice adds it once. */
export function runJobId(simulationId: number): string {
  return `simulation-${simulationId}`;
}
