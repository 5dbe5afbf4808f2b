import { Role } from '@app/auth';
import { openEventStream, pointsOf } from '../sse-client';
import { eventually, FaultStack, report, sleep } from './fault-harness';

const machine = { machine_id: 101, name: 'A' };

describe('Redis and Postgres fail', () => {
  let stack: FaultStack;

  beforeEach(async () => {
    stack = await FaultStack.start();
    await stack.startApi();
  });

  afterEach(() => stack.stop());

  const create = async (count: number) => {
    const answers = [];
    for (let i = 0; i < count; i++)
      answers.push(
        await stack.request('POST', '/simulation', { body: { name: `run ${i}`, machine } }),
      );
    return answers;
  };

  const expectEachRanOnce = async () => {
    const { rows } = await stack.db.query(
      `SELECT s.simulation_id, s.attempt, count(a.*)::int AS attempts FROM simulations s
       LEFT JOIN simulation_attempts a USING (simulation_id) GROUP BY s.simulation_id, s.attempt`,
    );
    for (const row of rows) expect(row).toMatchObject({ attempt: 1, attempts: 1 });
    for (const curve of await stack.curves())
      expect(curve).toMatchObject({ stored: 10, current: 10 });
  };

  it('Redis killed and restarted with queued work: every simulation finishes, none twice', async () => {
    await stack.startWorker('worker-a', {
      SIMULATION_TICK_MS: '100',
      WORKER_CONCURRENCY: '2',
      RECONCILE_INTERVAL_MS: '2000',
    });
    await create(12);
    await sleep(500);
    await stack.killRedis('SIGKILL');
    await sleep(2_000);
    await stack.startRedis();
    await stack.allFinished(12, 60_000);
    await expectEachRanOnce();
  });

  it('Redis killed while a client watches a run live: the stream still delivers every point once, and ends', async () => {
    await stack.startWorker('worker-a', { SIMULATION_TICK_MS: '100' });
    const created = await stack.request('POST', '/simulation', {
      body: { name: 'watched', machine, emulation: { points: 80, tick_ms: 100 } },
    });
    const id = created.body.id;
    const stream = openEventStream(`${stack.apiUrl}/converge/${id}/stream`, stack.token());
    await stream.until((events) => pointsOf(events).length >= 5);

    await stack.killRedis('SIGKILL');
    const killedAt = Date.now();
    await sleep(3_000);
    await stack.startRedis();
    await stream.until((events) => events.some((event) => event.event === 'end'), 40_000);
    report(
      `stream across a Redis outage: ended ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`,
    );

    const { rows } = await stack.db.query(
      `SELECT seconds, loss FROM convergence_points WHERE simulation_id = $1 ORDER BY seconds`,
      [id],
    );
    expect(rows).toHaveLength(80);
    expect(pointsOf(stream.events)).toEqual(rows);
    expect(stream.events.at(-1)?.data).toEqual({ attempt: 1, status: 'finished' });
  });

  it('Redis flushed: the reconciler queues every pending run again within 30 s, and none runs twice', async () => {
    await create(10);
    await stack.redisCommand('FLUSHALL');
    const flushedAt = Date.now();
    await stack.startWorker('worker-a', { SIMULATION_TICK_MS: '50', WORKER_CONCURRENCY: '10' });
    await eventually(async () => ((await stack.statuses()).pending ? undefined : true), {
      timeoutMs: 30_000,
    });
    report(
      `Redis FLUSHALL with 10 pending: all taken again after ${((Date.now() - flushedAt) / 1000).toFixed(1)} s (target < 30 s)`,
    );
    await stack.allFinished(10, 30_000);
    await expectEachRanOnce();
  });

  it('100 POSTs while Redis is down: 100 × 201 in well under a second each; all finish once Redis is back', async () => {
    await stack.killRedis('SIGTERM');
    const answers = await create(100);
    const slowest = Math.max(...answers.map((a) => a.ms));
    report(
      `100 POSTs with Redis down: all ${answers.filter((a) => a.status === 201).length} × 201, slowest ${slowest.toFixed(0)} ms`,
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(slowest).toBeLessThan(500);
    expect((await stack.request('GET', '/health', { role: Role.Viewer })).status).toBe(503);

    await stack.startRedis();
    await stack.startWorker('worker-a', {
      SIMULATION_TICK_MS: '50',
      WORKER_CONCURRENCY: '100',
      RECONCILE_INTERVAL_MS: '1000',
    });
    await stack.allFinished(100, 60_000);
    await expectEachRanOnce();
  });

  it('API started while Redis is down: it serves, accepts POSTs, and queues directly once Redis is up', async () => {
    await stack.apps[0].stop();
    await stack.killRedis('SIGTERM');
    const api = await stack.startApi();
    expect((await stack.request('GET', '/simulations')).status).toBe(200);
    const early = await create(3);
    expect(early.map((a) => a.status)).toEqual([201, 201, 201]);

    await stack.startRedis();
    await stack.startWorker('worker-a', {
      SIMULATION_TICK_MS: '20',
      RECONCILE_INTERVAL_MS: '1000',
    });
    await stack.allFinished(3, 30_000);
    // Once Redis is back the API's own connection recovers: this one is queued by the API itself.
    await eventually(async () =>
      (await stack.request('GET', '/health')).status === 200 ? true : undefined,
    );
    await create(1);
    await stack.allFinished(4, 30_000);
    const notQueued = api.lines.filter((line) => /saved but not queued/.test(line));
    expect(notQueued).toHaveLength(3);
  });

  it('Postgres restarted mid-run: the API answers 503 (never 500, never a hang) while it is down; every run finishes after', async () => {
    await stack.startWorker('worker-a', { SIMULATION_TICK_MS: '300' });
    await create(5);
    await eventually(async () => {
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM convergence_points`);
      return rows[0].n >= 5 ? true : undefined;
    });

    await stack.stopPostgres();
    const whileDown = await Promise.all([
      stack.request('GET', '/simulations'),
      stack.request('GET', '/simulation/1'),
      stack.request('GET', '/converge/1'),
      stack.request('POST', '/simulation', { body: { name: 'during outage', machine } }),
      stack.request('GET', '/health'),
    ]);
    report(
      `Postgres down: API answered ${whileDown.map((a) => `${a.status} in ${a.ms.toFixed(0)} ms`).join(', ')}`,
    );
    for (const answer of whileDown) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(6_000);
    }
    expect(whileDown[0].body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'a backing service is unavailable; try again shortly',
    });

    await sleep(2_000);
    await stack.startPostgres();
    await stack.allFinished(5, 60_000);
    await expectEachRanOnce();
  });
});
