import { Inject, Injectable, Module, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { connectRedis } from '@app/queue';
import type Redis from 'ioredis';
import { ApiConfig } from '../../config/api-config';
import { BUDGET_STORAGE, RequestBudgets } from './request-budgets';
import { SettlingCounters } from './settling-counters';

/** The Redis connection the counters live on; fails fast, and is closed last at shutdown. */
@Injectable()
export class RateLimitRedis implements OnApplicationShutdown {
  readonly client: Redis;

  constructor(config: ApiConfig) {
    this.client = connectRedis(config.redis, {
      connectionName: 'rate-limits',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // A Redis that does not answer (its host cut off) fails the settle; requests pass meanwhile.
      commandTimeout: 500,
    });
    this.client.on('error', () => undefined);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}

/** Sends the last hits counted before the connection closes. */
@Injectable()
class SettleAtShutdown implements OnModuleDestroy {
  constructor(@Inject(BUDGET_STORAGE) private readonly counters: SettlingCounters) {}

  onModuleDestroy(): Promise<void> {
    return this.counters.settleNow();
  }
}

/** The request budgets: counted in each process, settled in Redis through one connection. */
@Module({
  providers: [
    RateLimitRedis,
    {
      provide: BUDGET_STORAGE,
      inject: [RateLimitRedis],
      useFactory: (redis: RateLimitRedis) => new SettlingCounters(redis.client),
    },
    SettleAtShutdown,
    RequestBudgets,
  ],
  exports: [RateLimitRedis, RequestBudgets],
})
export class RateLimitModule {}
