import { Injectable, Logger } from '@nestjs/common';
import { RunSimulationPayload } from './job-payloads';
import { MachineQueues } from './machine-queues';
import { RUN_JOB_OPTIONS, runJobId, SimulationJobName } from './queue.constants';

export class QueueUnavailableError extends Error {
  constructor(detail: string) {
    super(`the queue is unavailable: ${detail}`);
    this.name = 'QueueUnavailableError';
  }
}

/** `locked`: a job Bull is done with but a worker's lock still holds, left for a later pass. */
export type EnsureQueuedResult = 'queued' | 'revived' | 'present' | 'locked';

/** The states in which a job runs, or will. */
const STATES_THAT_RUN = new Set<string>(['waiting', 'active', 'delayed', 'paused']);

/** The attempt of a pending simulation to queue: what its job carries. */
export interface PendingAttempt {
  simulationId: number;
  machineId: number;
  /** Attempts already started (the simulation's `attempt`): names the job. */
  attempt: number;
}

/** The only way into the queues, for the API and the worker alike: a run goes to its machine's queue. */
@Injectable()
export class SimulationQueueProducer {
  /** Longest a caller waits on Redis; with a fail-fast connection a dead Redis answers at once anyway. */
  static readonly TIMEOUT_MS = 2_000;

  private readonly logger = new Logger(SimulationQueueProducer.name);

  constructor(private readonly queues: MachineQueues) {}

  /**
   * Queues a pending simulation's next attempt, best effort: the database
   * row is the source of truth, so when Redis does not take the job now the
   * worker's reconciler queues it later and nobody waits on the failure.
   * Answers whether the job went in. The one way the API (a create, a retry)
   * and the worker (a retry after a failure, a hand-back, a lost run) queue work.
   */
  async queueAttempt(
    pending: PendingAttempt,
    options: { delayMs?: number; requestId?: string } = {},
  ): Promise<boolean> {
    const { simulationId, machineId, attempt } = pending;
    try {
      await this.enqueueRun(
        { simulationId, machineId, attempt, requestId: options.requestId },
        options.delayMs,
      );
      return true;
    } catch (error) {
      this.logger.warn(
        `simulation ${simulationId} saved but not queued (${(error as Error).message}); the reconciler will queue it`,
      );
      return false;
    }
  }

  /**
   * Queues many pending simulations' next attempts, best effort as one is:
   * one bulk add per machine queue (one Redis round trip each, not one per
   * simulation). Answers how many went in.
   */
  async queueAttempts(
    pending: PendingAttempt[],
    options: { requestId?: string } = {},
  ): Promise<number> {
    const byMachine = new Map<number, PendingAttempt[]>();
    for (const attempt of pending)
      byMachine.set(attempt.machineId, [...(byMachine.get(attempt.machineId) ?? []), attempt]);
    const outcomes = await Promise.all(
      [...byMachine].map(async ([machineId, attempts]) => {
        try {
          await withTimeout(
            this.queues.forMachine(machineId).addBulk(
              attempts.map(({ simulationId, attempt }) => ({
                name: SimulationJobName.Run,
                data: { simulationId, machineId, attempt, requestId: options.requestId },
                opts: { ...RUN_JOB_OPTIONS, jobId: runJobId(simulationId, attempt) },
              })),
            ),
          );
          return attempts.length;
        } catch (error) {
          const ids = attempts.map(({ simulationId }) => simulationId);
          this.logger.warn(
            `${ids.length} simulations of machine ${machineId} (${ids[0]} to ${ids.at(-1)}) saved but not queued ` +
              `(${(error as Error).message}); the reconciler will queue them`,
          );
          return 0;
        }
      }),
    );
    return outcomes.reduce((sum, queued) => sum + queued, 0);
  }

  private async enqueueRun(payload: RunSimulationPayload, delayMs = 0): Promise<void> {
    await withTimeout(
      this.queues.forMachine(payload.machineId).add(SimulationJobName.Run, payload, {
        ...RUN_JOB_OPTIONS,
        jobId: runJobId(payload.simulationId, payload.attempt),
        delay: delayMs > 0 ? delayMs : undefined,
      }),
    );
  }

  /**
   * Makes sure a pending simulation has a job that will run it: adds one if
   * there is none, and replaces one Bull is done with. Answers what it did.
   */
  async ensureQueued(payload: RunSimulationPayload): Promise<EnsureQueuedResult> {
    const queue = this.queues.forMachine(payload.machineId);
    const job = await withTimeout(queue.getJob(runJobId(payload.simulationId, payload.attempt)));
    if (!job) {
      await this.enqueueRun(payload);
      return 'queued';
    }
    if (STATES_THAT_RUN.has(await withTimeout(job.getState()))) return 'present';
    // Bull is done with it, yet the simulation is still pending: it ran or gave up
    // while Postgres was away, or a Redis failover lost the job and kept only what a
    // worker wrote to it afterwards (a hash without its data that no list holds, which
    // would never run). A fresh job under the same id replaces it, once no worker's
    // lock is on it (Bull removes no locked job).
    if (await withTimeout(queue.client.exists(job.lockKey()))) return 'locked';
    await withTimeout(job.remove());
    await this.enqueueRun(payload);
    return 'revived';
  }

  /** Resolves when Redis answers; for health checks. */
  async ping(timeoutMs = 1_000): Promise<void> {
    await withTimeout(this.queues.ping(), timeoutMs);
  }
}

async function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs = SimulationQueueProducer.TIMEOUT_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new QueueUnavailableError(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    if (error instanceof QueueUnavailableError) throw error;
    throw new QueueUnavailableError((error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}
