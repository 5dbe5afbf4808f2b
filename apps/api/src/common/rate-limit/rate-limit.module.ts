import { ScriptedRedisStorage } from './scripted-redis-storage';
import { Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { connectRedis } from '@app/queue';
import type Redis from 'ioredis';
import { ApiConfig } from '../../config/api-config';
import { FailOpenStorage } from './fail-open-storage';
import { BUDGET_STORAGE, RequestBudgets } from './request-budgets';

/** The Redis connection the counters live on; fails fast, and is closed at shutdown. */
@Injectable()
export class RateLimitRedis implements OnModuleDestroy {
  readonly client: Redis;

  constructor(config: ApiConfig) {
    this.client = connectRedis(config.redis, {
      connectionName: 'rate-limits',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      // A Redis that does not answer (its host cut off) fails the count, and the request passes.
      commandTimeout: 500,
      // Every request increments one or two counters; under load, the commands of concurrent
      // requests go to Redis in one write instead of one each.
      enableAutoPipelining: true,
    });
    this.client.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}

/** The request budgets, counted in Redis through one connection, failing open. */
@Module({
  providers: [
    RateLimitRedis,
    {
      provide: BUDGET_STORAGE,
      inject: [RateLimitRedis],
      useFactory: (redis: RateLimitRedis) =>
        new FailOpenStorage(new ScriptedRedisStorage(redis.client)),
    },
    RequestBudgets,
  ],
  exports: [RateLimitRedis, RequestBudgets],
})
export class RateLimitModule {}
