import { ScriptedRedisStorage } from './scripted-redis-storage';
import { Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { connectRedis } from '@app/queue';
import type Redis from 'ioredis';
import { ApiConfig } from '../../config/api-config';
import { FailOpenStorage } from './fail-open-storage';
import { CLIENT_BUDGET, IP_BUDGET, TOKEN_BUDGET } from './rate-limit.guards';
import { STRICT_TOKEN_LIMIT } from './strict-token-limit.decorator';

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

const MINUTE_MS = 60_000;

@Module({
  providers: [RateLimitRedis],
  exports: [RateLimitRedis],
})
class RateLimitRedisModule {}

export const RateLimitModule = ThrottlerModule.forRootAsync({
  imports: [RateLimitRedisModule],
  inject: [ApiConfig, RateLimitRedis],
  useFactory: (config: ApiConfig, redis: RateLimitRedis) => ({
    throttlers: [
      { name: IP_BUDGET, ttl: MINUTE_MS, limit: config.rateLimits.perAddress },
      { name: CLIENT_BUDGET, ttl: MINUTE_MS, limit: config.rateLimits.perClient },
      {
        name: TOKEN_BUDGET,
        ttl: MINUTE_MS,
        limit: config.rateLimits.tokenPerAddress,
        skipIf: (context) => !Reflect.getMetadata(STRICT_TOKEN_LIMIT, context.getHandler()),
      },
    ],
    storage: new FailOpenStorage(new ScriptedRedisStorage(redis.client)),
  }),
});
