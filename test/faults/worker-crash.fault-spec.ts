import { eventually, FaultStack, report, sleep } from './fault-harness';

describe('a worker dies or freezes mid-run', () => {
  let stack: FaultStack;

  beforeEach(async () => {
    stack = await FaultStack.start();
    await stack.startApi();
  });

  afterEach(() => stack.stop());

  it('kill -9: its runs are running again elsewhere within 30 s; every simulation finishes once with one clean curve', async () => {
    // Default heartbeat (2 s), lease (20 s) and sweep (5 s): the figures a deployment gets.
    const settings = { SIMULATION_TICK_MS: '500', WORKER_CONCURRENCY: '10' };
    const victim = await stack.startWorker('worker-a', settings);
    await stack.startWorker('worker-b', settings);
    for (let i = 0; i < 12; i++) {
      expect(
        (
          await stack.request('POST', '/simulation', {
            body: { name: `run ${i}`, machine: { machine_id: 101, name: 'A' } },
          })
        ).status,
      ).toBe(201);
    }
    const heldBy = async (worker: string) =>
      (
        await stack.db.query(
          `SELECT simulation_id FROM simulations WHERE status = 'running' AND worker_id = $1`,
          [worker],
        )
      ).rows.map((row) => row.simulation_id as number);
    await eventually(async () => ((await heldBy('worker-a')).length >= 2 ? true : undefined));

    await sleep(1_000); // let it write a few points first
    const killedAt = Date.now();
    victim.signal('SIGKILL');
    await victim.exit();
    // What the dead worker held: the database still credits these to it until the sweeper comes.
    const held = await heldBy('worker-a');
    expect(held.length).toBeGreaterThan(0);

    await stack.allFinished(12, 90_000);

    const { rows: resumed } = await stack.db.query(
      `SELECT simulation_id, started_at FROM simulation_attempts WHERE attempt = 2 AND simulation_id = ANY($1)`,
      [held],
    );
    expect(resumed).toHaveLength(held.length);
    const recoverySeconds = resumed.map(
      (row) => (new Date(row.started_at).getTime() - killedAt) / 1000,
    );
    report(
      `kill -9 of a worker holding ${held.length} runs: running again after ${recoverySeconds.map((s) => s.toFixed(1)).join(', ')} s (target < 30 s)`,
    );
    for (const seconds of recoverySeconds) expect(seconds).toBeLessThan(30);

    const { rows: outcomes } = await stack.db.query(
      `SELECT simulation_id, array_agg(outcome ORDER BY attempt) AS outcomes FROM simulation_attempts GROUP BY simulation_id`,
    );
    for (const row of outcomes) {
      expect(row.outcomes).toEqual(
        held.includes(row.simulation_id) ? ['lost', 'finished'] : ['finished'],
      );
    }
    for (const curve of await stack.curves()) {
      expect(curve).toMatchObject({ stored: 10, current: 10, distinct_seconds: 10 });
    }
  });

  it('SIGSTOP past its lease, then SIGCONT: its late writes are rejected and the curve stays one clean curve', async () => {
    const settings = {
      SIMULATION_TICK_MS: '400',
      HEARTBEAT_INTERVAL_MS: '200',
      LEASE_MS: '1500',
      SWEEP_INTERVAL_MS: '200',
    };
    const frozen = await stack.startWorker('worker-a', settings);
    const created = await stack.request('POST', '/simulation', {
      body: { name: 'frozen', machine: { machine_id: 101, name: 'A' } },
    });
    const id = created.body.id;
    await eventually(async () => {
      const { rows } = await stack.db.query(
        `SELECT count(*)::int AS n FROM convergence_points WHERE simulation_id = $1`,
        [id],
      );
      return rows[0].n >= 2 ? true : undefined;
    });
    await stack.startWorker('worker-b', settings);

    frozen.signal('SIGSTOP');
    await eventually(async () => {
      const { rows } = await stack.db.query(
        `SELECT attempt, worker_id FROM simulations WHERE simulation_id = $1`,
        [id],
      );
      return rows[0].attempt === 2 && rows[0].worker_id === 'worker-b' ? true : undefined;
    });
    await sleep(500);
    frozen.signal('SIGCONT');

    await stack.allFinished(1, 30_000);
    await frozen.waitForLog(/rejected stale|no longer ours|lost the simulation/);
    await sleep(1_000); // anything the woken worker still tries to write happens now

    const simulation = await stack.request('GET', `/simulation/${id}`);
    expect(
      simulation.body.attempts.map((a: { outcome: string; worker_id: string }) => [
        a.worker_id,
        a.outcome,
      ]),
    ).toEqual([
      ['worker-a', 'lost'],
      ['worker-b', 'finished'],
    ]);
    const [curve] = await stack.curves();
    expect(curve).toMatchObject({ attempt: 2, stored: 10, current: 10 });
    const rejected = frozen.lines.filter((line) =>
      /rejected stale|no longer ours|lost the simulation/.test(line),
    );
    report(
      `SIGSTOP/SIGCONT: the frozen worker's late work was refused (${rejected.length} log line(s): ${rejected[0]?.replace(/^.*\] /, '')})`,
    );
  });
});
