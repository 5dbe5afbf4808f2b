import Redis from 'ioredis';
import { provisionTestConnections } from '../../../test/test-services';
import { SettlingCounters, unsettledAllowance } from '../src/common/rate-limit/settling-counters';

const WINDOW_MS = 60_000;
const REDIS_KEY = 'rate-limit:client:burst:hits';

/** The budget counters of several API processes on one real Redis. */
describe('SettlingCounters: request budgets counted in each process, settled in Redis', () => {
  let url: string;
  const connections: Redis[] = [];

  const connect = async (): Promise<Redis> => {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    connections.push(redis);
    await new Promise((resolve) => redis.once('ready', resolve));
    return redis;
  };
  const processes = async (n: number) =>
    Promise.all(Array.from({ length: n }, async () => new SettlingCounters(await connect())));

  /** `requests` increments spread over `counters` in turn, all at once; answers how many were admitted. */
  const burst = async (counters: SettlingCounters[], requests: number, limit: number) => {
    const records = await Promise.all(
      Array.from({ length: requests }, (_, i) =>
        counters[i % counters.length].increment('client:burst', WINDOW_MS, limit),
      ),
    );
    return records.filter((record) => !record.isBlocked).length;
  };

  beforeAll(async () => {
    ({ redisUrl: url } = await provisionTestConnections());
  });
  beforeEach(async () => {
    const redis = await connect();
    await redis.flushdb();
  });
  afterEach(() => {
    for (const redis of connections.splice(0)) redis.disconnect();
  });

  it('admits exactly the budget in one process, and Redis ends up with every admitted hit', async () => {
    const [counters] = await processes(1);
    expect(await burst([counters], 500, 120)).toBe(120);
    await counters.settleNow();
    expect(Number(await connections[0].get(REDIS_KEY))).toBe(120);
    expect(await connections[0].pttl(REDIS_KEY)).toBeGreaterThan(WINDOW_MS - 5_000);
  });

  it('does not wait for Redis to answer a request within the allowance', async () => {
    const [counters] = await processes(1);
    const record = await counters.increment('client:burst', WINDOW_MS, 1_000);
    expect(record).toMatchObject({ totalHits: 1, isBlocked: false });
    // Answered from this process's count: Redis has not been told yet.
    expect(await connections[0].get(REDIS_KEY)).toBeNull();
    await counters.settleNow();
    expect(await connections[0].get(REDIS_KEY)).toBe('1');
  });

  it('goes past a budget across N processes by at most (N − 1) × its allowance', async () => {
    const limit = 300;
    const counters = await processes(4);
    const admitted = await burst(counters, 2_000, limit);
    expect(admitted).toBeGreaterThanOrEqual(limit);
    expect(admitted).toBeLessThanOrEqual(limit + 3 * unsettledAllowance(limit));
    await Promise.all(counters.map((process) => process.settleNow()));
    expect(Number(await connections[0].get(REDIS_KEY))).toBe(admitted);
    // Once settled, every process refuses: the budget is spent for all of them.
    for (const process of counters)
      expect((await process.increment('client:burst', WINDOW_MS, limit)).isBlocked).toBe(true);
  });

  it('hears of the hits other processes admitted', async () => {
    const [first, second] = await processes(2);
    expect(await burst([first], 10, 1_000)).toBe(10);
    await first.settleNow();
    await second.increment('client:burst', WINDOW_MS, 1_000);
    await second.settleNow();
    expect((await second.increment('client:burst', WINDOW_MS, 1_000)).totalHits).toBe(12);
  });

  it('starts a new window when the old one ends', async () => {
    const [counters] = await processes(1);
    for (let i = 0; i < 3; i++) await counters.increment('client:burst', 300, 3);
    await counters.settleNow();
    expect((await counters.increment('client:burst', 300, 3)).isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await counters.increment('client:burst', 300, 3)).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('lets requests pass uncounted while Redis is unreachable, and counts again after', async () => {
    const redis = await connect();
    const counters = new SettlingCounters(redis, { settleDelayMs: 20, retryAfterMs: 200 });
    const closed = new Promise((resolve) => redis.once('end', resolve));
    redis.disconnect();
    await closed;
    for (let i = 0; i < 5; i++)
      expect(await counters.increment('client:burst', WINDOW_MS, 2)).toMatchObject({
        totalHits: 0,
        isBlocked: false,
      });
    redis.connect().catch(() => undefined);
    await new Promise((resolve) => redis.once('ready', resolve));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await counters.increment('client:burst', WINDOW_MS, 2)).totalHits).toBe(1);
    expect((await counters.increment('client:burst', WINDOW_MS, 2)).totalHits).toBe(2);
    expect((await counters.increment('client:burst', WINDOW_MS, 2)).isBlocked).toBe(true);
  });
});
