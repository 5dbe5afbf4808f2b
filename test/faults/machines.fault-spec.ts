import { Role } from '@app/auth';
import fs from 'node:fs';
import { eventually, FaultStack, report, sleep } from './fault-harness';

/** The workers' heartbeat interval here: the default. */
const HEARTBEAT_INTERVAL_MS = 2_000;

describe('machines on real worker processes', () => {
  let stack: FaultStack;

  beforeEach(async () => {
    stack = await FaultStack.start();
    await stack.startApi();
  });

  afterEach(() => stack.stop());

  const create = async (machine: { machine_id: number; name?: string }) =>
    (await stack.request('POST', '/simulation', { body: { name: 'run', machine } })).body
      .id as number;
  const workersOf = async (id: number) => {
    const { rows } = await stack.db.query(
      `SELECT array_agg(worker_id ORDER BY attempt) AS workers FROM simulation_attempts WHERE simulation_id = $1`,
      [id],
    );
    return rows[0].workers as string[];
  };
  const machine = async (id: number) => (await stack.request('GET', `/machine/${id}`)).body;

  it('routes each machine’s work to its own workers; a killed machine goes offline within its lease, its work waits, then runs when a worker is back', async () => {
    const fast = {
      SIMULATION_TICK_MS: '20',
      HEARTBEAT_INTERVAL_MS: '300',
      LEASE_MS: '2000',
      SWEEP_INTERVAL_MS: '300',
    };
    await stack.startWorker('a-1', { ...fast, MACHINE_ID: '101', MACHINE_NAME: 'Machine A' });
    const b = await stack.startWorker('b-1', {
      ...fast,
      MACHINE_ID: '102',
      MACHINE_NAME: 'Machine B',
    });

    const forA = [await create({ machine_id: 101 }), await create({ machine_id: 101 })];
    const forB = [await create({ machine_id: 102 }), await create({ machine_id: 102 })];
    await stack.allFinished(4, 30_000);
    for (const id of forA) expect(await workersOf(id)).toEqual(['a-1']);
    for (const id of forB) expect(await workersOf(id)).toEqual(['b-1']);
    expect(await machine(102)).toMatchObject({ status: 'online', capacity: 100 });

    const killedAt = Date.now();
    b.signal('SIGKILL');
    await b.exit();
    await eventually(async () => ((await machine(102)).status === 'offline' ? true : undefined), {
      intervalMs: 100,
    });
    report(
      `machine 102's only worker killed: offline after ${((Date.now() - killedAt) / 1000).toFixed(1)} s (lease 2 s)`,
    );
    expect(Date.now() - killedAt).toBeLessThan(2_000 + 1_500);

    const waiting = await create({ machine_id: 102 });
    await sleep(1_000);
    expect((await stack.request('GET', `/simulation/${waiting}`)).body).toMatchObject({
      status: 'pending',
      machine_status: 'offline',
    });
    expect(await machine(102)).toMatchObject({ status: 'offline', pending: 1 });

    await stack.startWorker('b-2', { ...fast, MACHINE_ID: '102' });
    await stack.allFinished(5, 30_000);
    expect(await workersOf(waiting)).toEqual(['b-2']);
  });

  it('two processes on one machine share its work, and a machine registered at run time is served by a pool worker', async () => {
    await stack.startWorker('x-1', {
      SIMULATION_TICK_MS: '100',
      WORKER_CONCURRENCY: '2',
      MACHINE_ID: '201',
    });
    await stack.startWorker('x-2', {
      SIMULATION_TICK_MS: '100',
      WORKER_CONCURRENCY: '2',
      MACHINE_ID: '201',
    });
    await stack.startWorker('pool-1', { SIMULATION_TICK_MS: '20', MACHINE_REFRESH_MS: '300' });
    expect(
      await eventually(async () =>
        (await machine(201)).capacity === 2 + 2 + 100 ? machine(201) : undefined,
      ),
    ).toMatchObject({
      status: 'online',
    });

    const shared = [];
    for (let i = 0; i < 8; i++) shared.push(await create({ machine_id: 201 }));
    const created = await stack.request('POST', '/machines', {
      role: Role.Admin,
      body: { machine_id: 301, name: 'New' },
    });
    expect(created.status).toBe(201);
    const onNew = await create({ machine_id: 301 });
    await stack.allFinished(9, 30_000);

    const ran = new Set((await Promise.all(shared.map(workersOf))).flat());
    // Machine 201's work is shared by its own two processes (and the pool worker, which serves every machine).
    expect(ran.has('x-1') && ran.has('x-2')).toBe(true);
    expect(await workersOf(onNew)).toEqual(['pool-1']);
  });

  it('drain: a draining machine takes no new runs while its running ones finish; undrain lets the waiting ones run', async () => {
    await stack.startWorker('d-1', {
      SIMULATION_TICK_MS: '200',
      MACHINE_ID: '501',
      MACHINE_REFRESH_MS: '200',
    });
    const running = await create({ machine_id: 501 });
    await eventually(async () =>
      (await stack.request('GET', `/simulation/${running}`)).body.status === 'running'
        ? true
        : undefined,
    );

    expect(
      (await stack.request('POST', '/machine/501/drain', { role: Role.Admin })).body,
    ).toMatchObject({ status: 'draining' });
    const waiting = await create({ machine_id: 501 });
    await eventually(async () =>
      (await stack.request('GET', `/simulation/${running}`)).body.status === 'finished'
        ? true
        : undefined,
    );
    await sleep(1_000);
    expect((await stack.request('GET', `/simulation/${waiting}`)).body).toMatchObject({
      status: 'pending',
      attempt: 0,
    });

    await stack.request('POST', '/machine/501/undrain', { role: Role.Admin });
    await stack.allFinished(2, 30_000);
    expect(await workersOf(waiting)).toEqual(['d-1']);
  });

  it(`one process holds WORKER_CONCURRENCY (100) ten-second runs at once without its event loop stalling or heartbeats going late`, async () => {
    const worker = await stack.startWorker('big-1', {
      MACHINE_ID: '401',
      WORKER_CONCURRENCY: '100',
      LOG_LEVEL: 'debug',
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        stack.request('POST', '/simulation', { body: { name: 'load', machine_id: 401 } }),
      ),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);

    const peak = await eventually(
      async () => {
        const { rows } = await stack.db.query(
          `SELECT count(*)::int AS n FROM simulations WHERE status = 'running'`,
        );
        return rows[0].n === 100 ? rows[0].n : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    const rssMb =
      Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${worker.pid}/status`, 'utf8'))![1]) /
      1024;
    await stack.allFinished(100, 60_000);

    // Each health line covers the time since the previous heartbeat. The first one with the runs
    // in it also covers the ramp-up (100 claims at once); the rest are the process holding them.
    const busy = worker.lines
      .filter((line) => /health: \d+ run/.test(line))
      .map((line) => ({
        runs: Number(/health: (\d+) run/.exec(line)![1]),
        p99: Number(/p99 ([\d.]+) ms/.exec(line)![1]),
      }))
      .filter((h) => h.runs >= 90);
    const [rampUp, ...holding] = busy;
    const worstHoldingP99 = Math.max(...holding.map((h) => h.p99));
    const late = worker.lines.filter((line) => /heartbeat \d+ ms late/.test(line));
    report(
      `one worker process: ${peak} concurrent 10 s runs; event-loop delay p99 ${rampUp.p99.toFixed(1)} ms during ramp-up, ≤ ${worstHoldingP99.toFixed(1)} ms while holding them (${holding.length} heartbeats); rss ${rssMb.toFixed(0)} MB; late heartbeats: ${late.length}`,
    );
    expect(holding.length).toBeGreaterThan(0);
    // A stall is a delay a heartbeat would feel (the default interval is 2 s). How small the delay
    // is, is a speed figure: the bench's scenario 6 holds it to its target side by side with the
    // work; here, on a machine running other suites, only a stall fails.
    expect(worstHoldingP99).toBeLessThan(HEARTBEAT_INTERVAL_MS / 8);
    expect(late).toEqual([]);
  });
});
