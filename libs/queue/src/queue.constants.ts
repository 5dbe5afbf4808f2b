import type { AdvancedSettings, JobOptions } from 'bull';

/**
 * Each machine has its own queue, so a run is taken only by a worker serving
 * its machine: the machine's dedicated workers consume that one queue, pool
 * workers consume every machine's.
 */
export function machineQueueName(machineId: number): string {
  return `simulations.machine-${machineId}`;
}

export enum SimulationJobName {
  Run = 'run',
}

/**
 * Bull retries a job only when its handler throws, which the worker does for
 * infrastructure trouble before a run could start (database unreachable).
 * A run's own failures and retries are decided by the worker against the
 * database, which is the source of truth, not by Bull.
 */
export const RUN_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: 1_000,
  removeOnFail: 5_000,
};

/**
 * Bull's lock on an active job is only a hint here (the database lease
 * decides who runs what), but matching it to the lease keeps Bull from
 * redelivering a live worker's job, and its stall check from lagging far
 * behind the sweeper. A redelivered job is harmless: its claim fails.
 */
export function workerQueueSettings(leaseMs: number): AdvancedSettings {
  return {
    lockDuration: leaseMs,
    lockRenewTime: Math.floor(leaseMs / 4),
    stalledInterval: Math.floor(leaseMs / 2),
    maxStalledCount: 2,
  };
}

/**
 * One job id per simulation and pending episode: `attempt` is the number of
 * attempts already started when the job was added. Adding the same episode
 * twice (the API, then the reconciler) adds it once; the next episode, after
 * a retry, gets a fresh id that an old, finished job cannot swallow.
 */
export function runJobId(simulationId: number, attempt: number): string {
  return `simulation-${simulationId}-${attempt}`;
}

/** Bull's default key prefix, which every queue here uses. */
const BULL_PREFIX = 'bull';

/**
 * The Redis list of a machine's waiting jobs, as Bull 4 keeps it: what an
 * autoscaler (KEDA's Redis scaler) watches to add workers for the machine.
 */
export function waitingListKey(machineId: number): string {
  return `${BULL_PREFIX}:${machineQueueName(machineId)}:wait`;
}
