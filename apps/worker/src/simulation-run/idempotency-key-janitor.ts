import { IdempotencyKeyRepository } from '@app/domain';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

/** Idempotency keys are promised for at least 24 hours; this forgets them after that. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

@Injectable()
export class IdempotencyKeyJanitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyKeyJanitor.name);
  private readonly task = new PeriodicTask(
    'idempotency purge',
    PURGE_INTERVAL_MS,
    () => this.purge(),
    this.logger,
  );

  constructor(private readonly keys: IdempotencyKeyRepository) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.task.stop();
  }

  private async purge(): Promise<void> {
    const purged = await this.keys.purgeOlderThan(IDEMPOTENCY_KEY_TTL_MS);
    if (purged > 0) this.logger.log(`forgot ${purged} idempotency key(s) older than 24 h`);
  }
}
