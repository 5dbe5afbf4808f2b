import type { ThrottlerStorage } from '@nestjs/throttler';
import { FailOpenStorage } from './fail-open-storage';

const COUNTED = { totalHits: 3, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 };

describe('FailOpenStorage', () => {
  let calls: number;
  let redisDown: boolean;
  let storage: FailOpenStorage;
  const increment = () => storage.increment('key', 60_000, 10, 0, 'client');

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
    calls = 0;
    redisDown = false;
    const inner: ThrottlerStorage = {
      increment: async () => {
        calls++;
        if (redisDown) throw new Error('Command timed out');
        return COUNTED;
      },
    };
    storage = new FailOpenStorage(inner, 1_000);
  });

  afterEach(() => jest.useRealTimers());

  it('counts in Redis while it answers', async () => {
    expect(await increment()).toEqual(COUNTED);
    expect(calls).toBe(1);
  });

  it('lets requests pass while Redis fails, asking it again only after the pause', async () => {
    redisDown = true;
    expect((await increment()).totalHits).toBe(0);
    for (let i = 0; i < 5; i++) expect((await increment()).isBlocked).toBe(false);
    expect(calls).toBe(1);
    jest.advanceTimersByTime(1_000);
    await increment();
    expect(calls).toBe(2);
  });

  it('counts again once Redis answers after the pause', async () => {
    redisDown = true;
    await increment();
    redisDown = false;
    jest.advanceTimersByTime(1_000);
    expect(await increment()).toEqual(COUNTED);
    expect(await increment()).toEqual(COUNTED);
    expect(calls).toBe(3);
  });
});
