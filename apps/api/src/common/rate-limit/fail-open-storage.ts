import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

const PASS: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

/**
 * Counts in Redis (shared by every API process), but never lets Redis take
 * the API down with it: while Redis is unreachable, requests are not counted
 * and pass. An outage is not the moment to refuse every caller. After a
 * failure Redis is asked again only once `retryAfterMs` has passed, so a
 * Redis that does not answer at all (a host cut off, not one refusing
 * connections) costs one request a timeout, not every request.
 */
export class FailOpenStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private failing = false;
  private retryAt = 0;

  constructor(
    private readonly inner: ThrottlerStorage,
    private readonly retryAfterMs = 1_000,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (this.failing && Date.now() < this.retryAt) return PASS;
    try {
      const record = await this.inner.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.failing) this.logger.log('rate limits enforced again');
      this.failing = false;
      return record;
    } catch (error) {
      if (!this.failing) {
        this.logger.warn(`rate limits not enforced while Redis fails: ${(error as Error).message}`);
      }
      this.failing = true;
      this.retryAt = Date.now() + this.retryAfterMs;
      return PASS;
    }
  }
}
