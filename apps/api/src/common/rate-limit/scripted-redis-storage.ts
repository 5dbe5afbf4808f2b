import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type Redis from 'ioredis';

type HitResult = [
  totalHits: number,
  timeToExpire: number,
  isBlocked: number,
  timeToBlockExpire: number,
];
type WithHitCommand = Redis & {
  throttlerHit(
    hitKey: string,
    blockKey: string,
    throttlerName: string,
    ttl: number,
    limit: number,
    blockDuration: number,
  ): Promise<HitResult>;
};

/**
 * The library's counters and keys, run with EVALSHA (ioredis `defineCommand`)
 * instead of EVAL: the script's text is no longer sent, parsed and hashed by
 * Redis on every request, twice per API call (address and client budgets).
 */
export class ScriptedRedisStorage extends ThrottlerStorageRedisService {
  private readonly client: WithHitCommand;

  constructor(redis: Redis) {
    super(redis);
    redis.defineCommand('throttlerHit', { numberOfKeys: 2, lua: this.scriptSrc });
    this.client = redis as WithHitCommand;
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const [totalHits, timeToExpire, isBlocked, timeToBlockExpire] = await this.client.throttlerHit(
      `{${key}:${throttlerName}}:hits`,
      `{${key}:${throttlerName}}:blocked`,
      throttlerName,
      ttl,
      limit,
      blockDuration,
    );
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpire / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpire / 1000),
    };
  }
}
