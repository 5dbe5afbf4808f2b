import { IdempotencyKeyRepository } from '@app/domain';
import { PeriodicTask } from '@app/runtime';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';

/** Idempotency keys are promised for at least 24 hours; forgotten after that. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const INTERVAL_MS = 10 * 60 * 1000;

/**
 * Forgets idempotency keys older than their promise. Every API process runs
 * it; the deletes are idempotent, so several at once only share the work.
 */
@Injectable()
export class IdempotencyKeyExpiry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyKeyExpiry.name);
  private readonly task = new PeriodicTask(
    'idempotency key expiry',
    INTERVAL_MS,
    () => this.sweep().then(() => undefined),
    this.logger,
  );

  constructor(private readonly keys: IdempotencyKeyRepository) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
  }

  async sweep(): Promise<number> {
    const forgotten = await this.keys.purgeOlderThan(IDEMPOTENCY_KEY_TTL_MS);
    if (forgotten > 0) this.logger.log(`forgot ${forgotten} idempotency key(s) older than 24 h`);
    return forgotten;
  }
}
