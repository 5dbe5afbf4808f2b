import { WorkerRepository } from '@app/domain';
import { PeriodicTask } from '@app/runtime';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';

/** Every worker process leaves a row; one silent this long is gone for good. */
export const SILENT_WORKER_TTL_MS = 24 * 60 * 60 * 1000;
const INTERVAL_MS = 10 * 60 * 1000;

/** Forgets the records of workers silent for a day, so the workers table follows the live fleet. */
@Injectable()
export class WorkerRecordsExpiry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerRecordsExpiry.name);
  private readonly task = new PeriodicTask(
    'worker records expiry',
    INTERVAL_MS,
    () => this.sweep().then(() => undefined),
    this.logger,
  );

  constructor(private readonly workers: WorkerRepository) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
  }

  async sweep(): Promise<number> {
    const forgotten = await this.workers.forgetSilentFor(SILENT_WORKER_TTL_MS);
    if (forgotten > 0) this.logger.log(`forgot ${forgotten} worker record(s) silent for 24 h`);
    return forgotten;
  }
}
