import { IdempotencyKeyRepository, WorkerRepository } from '@app/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

/** Idempotency keys are promised for at least 24 hours; forgotten after that. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** Every worker process leaves a row; one silent this long is gone for good. */
export const SILENT_WORKER_TTL_MS = 24 * 60 * 60 * 1000;
const INTERVAL_MS = 10 * 60 * 1000;

/** Forgets what is kept only for a while: old idempotency keys, long-dead workers' records. */
@Injectable()
export class Housekeeping implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Housekeeping.name);
  private readonly task = new PeriodicTask(
    'housekeeping',
    INTERVAL_MS,
    () => this.sweep(),
    this.logger,
  );

  constructor(
    private readonly keys: IdempotencyKeyRepository,
    private readonly workers: WorkerRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
  }

  async sweep(): Promise<void> {
    const keys = await this.keys.purgeOlderThan(IDEMPOTENCY_KEY_TTL_MS);
    const workers = await this.workers.forgetSilentFor(SILENT_WORKER_TTL_MS);
    if (keys + workers > 0) {
      this.logger.log(
        `forgot ${keys} idempotency key(s) and ${workers} worker record(s) older than 24 h`,
      );
    }
  }
}
