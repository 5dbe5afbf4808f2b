import { SimulationRepository } from '@app/domain';
import { MachineQueues, SimulationQueueProducer } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WorkerConfig } from '../config/worker-config';
import { PeriodicTask } from '@app/runtime';

/** A simulation changed this recently may still be on its way into the queue. */
const GRACE_MS = 5_000;
const BATCH = 500;

/**
 * The database is the source of truth; the queue only carries work. Every
 * RECONCILE_INTERVAL_MS this finds pending simulations and makes sure each has
 * a live job, so work survives a POST made while Redis was down, a Redis that
 * lost its data, or a job Bull gave up on. Job ids name the simulation and
 * its pending episode, so every worker may reconcile at once: nothing is
 * added twice. When Redis comes back after it was lost (a restart, a
 * failover), an extra pass follows once everything created before that is
 * past the grace period, rather than up to an interval later.
 */
@Injectable()
export class PendingReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PendingReconciler.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly config: WorkerConfig,
    private readonly simulations: SimulationRepository,
    private readonly queue: SimulationQueueProducer,
    queues: MachineQueues,
  ) {
    this.task = new PeriodicTask(
      'reconcile',
      config.reconcileIntervalMs,
      () => this.reconcile().then(() => undefined),
      this.logger,
    );
    queues.onReconnected(() => {
      this.logger.log(`Redis is reachable again: reconciling in ${GRACE_MS} ms`);
      this.task.runExtraPass(GRACE_MS);
    });
  }

  onApplicationBootstrap(): void {
    this.task.start(0);
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
  }

  /** One pass; answers how many simulations got a job. */
  async reconcile(): Promise<number> {
    const pending = await this.simulations.listPending(new Date(Date.now() - GRACE_MS), BATCH);
    let enqueued = 0;
    for (const simulation of pending) {
      const action = await this.queue.ensureQueued(simulation);
      if (action === 'queued' || action === 'revived') enqueued++;
    }
    if (enqueued > 0)
      this.logger.warn(`queued ${enqueued} pending simulation(s) that had no live job`);
    return enqueued;
  }
}
