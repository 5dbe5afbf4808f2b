import { lostRunsRecovered } from '@app/runtime';
import { SimulationLifecycle, SimulationStatus } from '@app/domain';
import { SimulationQueueProducer } from '@app/queue';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WorkerConfig } from '../config/worker-config';
import { PeriodicTask } from '@app/runtime';

/**
 * Every SWEEP_INTERVAL_MS, takes back runs whose worker has not heartbeaten
 * within LEASE_MS (killed, frozen, partitioned): they go back to pending and
 * into the queue while attempts remain, else fail with reason "lost". Every
 * worker sweeps; the database makes sure each run is taken back once.
 */
@Injectable()
export class LostRunSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LostRunSweeper.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly config: WorkerConfig,
    private readonly lifecycle: SimulationLifecycle,
    private readonly queue: SimulationQueueProducer,
  ) {
    this.task = new PeriodicTask(
      'lost-run sweep',
      config.sweepIntervalMs,
      () => this.sweep().then(() => undefined),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
  }

  async sweep(): Promise<number> {
    const recovered = await this.lifecycle.recoverLost(this.config.leaseMs);
    for (const simulation of recovered) {
      lostRunsRecovered.inc();
      if (simulation.status === SimulationStatus.Pending) {
        this.logger.warn(
          `simulation ${simulation.simulationId}: attempt ${simulation.attempt} lost its worker; queued again`,
        );
        await this.queue.queueAttempt(simulation);
      } else {
        this.logger.error(
          `simulation ${simulation.simulationId}: attempt ${simulation.attempt} lost its worker; no attempts left, failed`,
        );
      }
    }
    return recovered.length;
  }
}
