import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { RunSimulationPayload } from './job-payloads';
import { RUN_JOB_OPTIONS, runJobId, SIMULATION_QUEUE, SimulationJobName } from './queue.constants';

export class EnqueueTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Redis did not accept the job within ${timeoutMs} ms`);
    this.name = 'EnqueueTimeoutError';
  }
}

/** The API's only way into the queue. */
@Injectable()
export class SimulationQueueProducer {
  /** `queue.add` waits for Redis indefinitely while it is away; callers must not. */
  static readonly ENQUEUE_TIMEOUT_MS = 2_000;

  constructor(@InjectQueue(SIMULATION_QUEUE) private readonly queue: Queue<RunSimulationPayload>) {}

  async enqueueRun(payload: RunSimulationPayload): Promise<void> {
    await withTimeout(
      this.queue.add(SimulationJobName.Run, payload, {
        ...RUN_JOB_OPTIONS,
        jobId: runJobId(payload.simulationId),
      }),
      SimulationQueueProducer.ENQUEUE_TIMEOUT_MS,
    );
  }

  /**
   * Makes sure a pending simulation has a job that will run: adds one if there
   * is none, and revives one that Bull gave up on. Answers what it did.
   */
  async ensureQueued(payload: RunSimulationPayload): Promise<'queued' | 'revived' | 'present'> {
    const job = await this.queue.getJob(runJobId(payload.simulationId));
    if (!job) {
      await this.enqueueRun(payload);
      return 'queued';
    }
    const state = await job.getState();
    if (state === 'failed') {
      await job.retry();
      return 'revived';
    }
    if (state === 'completed') {
      // The job ran but the simulation is still pending (it could not be claimed
      // then); a finished job id would swallow a new add, so replace it.
      await job.remove();
      await this.enqueueRun(payload);
      return 'queued';
    }
    return 'present';
  }

  /** Resolves when Redis answers; for health checks. */
  async ping(timeoutMs = 1_000): Promise<void> {
    await withTimeout(this.queue.client.ping(), timeoutMs);
  }
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EnqueueTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
