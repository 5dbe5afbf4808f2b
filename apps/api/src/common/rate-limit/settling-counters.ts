import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type Redis from 'ioredis';

/**
 * Adds each key's hits (ARGV pairs: hits, window in ms) and starts its window
 * if the key is new; answers each key's total and the milliseconds its
 * window has left. One call settles every counter a process has touched.
 */
const SETTLE_SCRIPT = `
local answer = {}
for i, key in ipairs(KEYS) do
  local total = redis.call('INCRBY', key, ARGV[2 * i - 1])
  local left = redis.call('PTTL', key)
  if left < 0 then
    left = tonumber(ARGV[2 * i])
    redis.call('PEXPIRE', key, left)
  end
  answer[2 * i - 1] = total
  answer[2 * i] = left
end
return answer`;

type WithSettleCommand = Redis & {
  settleBudgets(keyCount: number, ...keysThenArgs: Array<string | number>): Promise<number[]>;
};

/** What a request is told while Redis cannot count: nothing counted, nothing refused. */
const PASS: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

/**
 * The share of a budget one process may admit before Redis has heard of it.
 * It bounds how far N processes together can go past a budget of q in one
 * window: by at most (N − 1) × ⌈q / 100⌉ (a process alone is exact).
 */
const UNSETTLED_SHARE = 0.01;

export const unsettledAllowance = (limit: number): number =>
  Math.max(1, Math.ceil(limit * UNSETTLED_SHARE));

interface Counter {
  readonly redisKey: string;
  readonly ttl: number;
  /** The window's total in Redis, every process's hits, as last heard. */
  settled: number;
  /** This process's hits in the settle under way. */
  sending: number;
  /** This process's hits Redis has not been sent yet. */
  unsent: number;
  windowEndsAt: number;
}

export interface SettlingOptions {
  /** How long hits gather before they are sent: one Redis call per this, not per request. */
  settleDelayMs: number;
  /** After Redis fails, how long requests pass uncounted before it is asked again. */
  retryAfterMs: number;
}

/**
 * Fixed-window request counters shared by every API process through Redis,
 * without a Redis round trip on the request path: a request is counted and
 * judged against this process's view of the window (the total Redis last
 * answered plus this process's hits since), and the hits are settled with
 * Redis in the background, every counter touched in one scripted call. A
 * process that has admitted its unsettled allowance of a budget waits for
 * the next settle before admitting more, which is what bounds the overshoot
 * across processes (see UNSETTLED_SHARE). Refused requests are not counted.
 *
 * Redis never takes the API down with it: while it is unreachable or failing,
 * requests pass uncounted (an outage is not the moment to refuse every
 * caller), and it is asked again once `retryAfterMs` has passed.
 */
export class SettlingCounters implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: WithSettleCommand;
  private readonly counters = new Map<string, Counter>();
  private readonly unsent = new Set<Counter>();
  private settling?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private failing = false;
  private retryAt = 0;
  private nextEviction = 0;

  constructor(
    redis: Redis,
    private readonly options: SettlingOptions = { settleDelayMs: 20, retryAfterMs: 1_000 },
  ) {
    redis.defineCommand('settleBudgets', { lua: SETTLE_SCRIPT });
    this.redis = redis as WithSettleCommand;
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    if (!this.countable()) return PASS;
    let counter = this.counterFor(key, ttl);
    const allowance = unsettledAllowance(limit);
    while (counter.sending + counter.unsent >= allowance) {
      await this.settleNow();
      if (!this.countable()) return PASS;
      counter = this.counterFor(key, ttl);
    }
    const used = counter.settled + counter.sending + counter.unsent;
    const secondsLeft = Math.max(1, Math.ceil((counter.windowEndsAt - Date.now()) / 1000));
    if (used >= limit)
      return {
        totalHits: used,
        timeToExpire: secondsLeft,
        isBlocked: true,
        timeToBlockExpire: secondsLeft,
      };
    counter.unsent++;
    this.unsent.add(counter);
    this.scheduleSettle();
    return {
      totalHits: used + 1,
      timeToExpire: secondsLeft,
      isBlocked: false,
      timeToBlockExpire: 0,
    };
  }

  /** Sends what is unsent now rather than after the delay; resolves when Redis has answered. */
  settleNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.settling ??= this.settle().finally(() => {
      this.settling = undefined;
      if (this.unsent.size > 0) this.scheduleSettle();
    });
    return this.settling;
  }

  private countable(): boolean {
    if (this.redis.status !== 'ready') {
      this.fail(`the connection is ${this.redis.status}`);
      return false;
    }
    return !this.failing || Date.now() >= this.retryAt;
  }

  private counterFor(key: string, ttl: number): Counter {
    const now = Date.now();
    let counter = this.counters.get(key);
    if (!counter) {
      counter = {
        redisKey: `rate-limit:${key}:hits`,
        ttl,
        settled: 0,
        sending: 0,
        unsent: 0,
        windowEndsAt: now + ttl,
      };
      this.counters.set(key, counter);
    } else if (now >= counter.windowEndsAt) {
      // Redis's copy has expired too; the next settle starts its new window.
      counter.settled = 0;
      counter.windowEndsAt = now + ttl;
    }
    return counter;
  }

  private scheduleSettle(): void {
    if (this.timer || this.settling) return;
    this.timer = setTimeout(() => void this.settleNow(), this.options.settleDelayMs);
    this.timer.unref();
  }

  private async settle(): Promise<void> {
    const batch = [...this.unsent];
    this.unsent.clear();
    if (batch.length === 0) return;
    const keys: string[] = [];
    const args: number[] = [];
    for (const counter of batch) {
      counter.sending = counter.unsent;
      counter.unsent = 0;
      keys.push(counter.redisKey);
      args.push(counter.sending, counter.ttl);
    }
    try {
      const answer = await this.redis.settleBudgets(keys.length, ...keys, ...args);
      const now = Date.now();
      batch.forEach((counter, index) => {
        counter.settled = Number(answer[2 * index]);
        counter.windowEndsAt = now + Number(answer[2 * index + 1]);
        counter.sending = 0;
      });
      if (this.failing) this.logger.log('rate limits enforced again');
      this.failing = false;
    } catch (error) {
      // Failing open: the hits that could not be sent are not counted anywhere.
      for (const counter of batch) counter.sending = 0;
      this.fail((error as Error).message);
    }
    this.evictEndedWindows();
  }

  private fail(reason: string): void {
    if (!this.failing) this.logger.warn(`rate limits not enforced while Redis fails: ${reason}`);
    this.failing = true;
    this.retryAt = Date.now() + this.options.retryAfterMs;
  }

  /** Forgets counters whose window is over and that hold nothing unsent: memory follows traffic. */
  private evictEndedWindows(): void {
    const now = Date.now();
    if (now < this.nextEviction) return;
    this.nextEviction = now + 1_000;
    for (const [key, counter] of this.counters)
      if (counter.windowEndsAt <= now && counter.sending === 0 && counter.unsent === 0)
        this.counters.delete(key);
  }
}
