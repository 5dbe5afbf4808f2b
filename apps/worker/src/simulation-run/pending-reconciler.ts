import { SimulationRepository } from '@app/domain';
import { SimulationQueueProducer } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WorkerConfig } from '../config/worker-config';

/** A simulation this young may still be on its way into the queue from the API. */
const GRACE_MS = 5_000;
const BATCH = 500;

/**
 * The database is the source of truth; the queue only carries work. Every
 * interval this finds pending simulations and makes sure each has a live job,
 * so work the API saved while Redis was unreachable is not lost. Job ids are
 * per simulation, so running this in every worker at once adds nothing twice.
 */
@Injectable()
export class PendingReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingReconciler.name);
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly config: WorkerConfig,
    private readonly simulations: SimulationRepository,
    private readonly queue: SimulationQueueProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** One pass; answers how many simulations got a job. */
  async reconcile(): Promise<number> {
    const pending = await this.simulations.listPendingIds(new Date(Date.now() - GRACE_MS), BATCH);
    let enqueued = 0;
    for (const simulation of pending) {
      const action = await this.queue.ensureQueued(simulation);
      if (action !== 'present') enqueued++;
    }
    if (enqueued > 0)
      this.logger.warn(`re-enqueued ${enqueued} pending simulation(s) that had no live job`);
    return enqueued;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.reconcile()
        .catch((error: Error) => this.logger.warn(`reconcile pass failed: ${error.message}`))
        .finally(() => this.schedule(this.config.reconcileIntervalMs));
    }, delayMs);
  }
}
