import { DataSource } from 'typeorm';
import { ConvergencePointRepository } from '../../libs/domain/src/convergence-point/convergence-point.repository';
import { SimulationLifecycle } from '../../libs/domain/src/simulation/simulation-lifecycle';
import { postgresOptions } from '../../libs/domain/src/database/data-source-options';
import { eventually, FaultStack, report, sleep } from './fault-harness';

const machine = { machine_id: 101, name: 'A' };

describe('runs that hang, race, are cancelled, retried or shut down', () => {
  let stack: FaultStack;

  beforeEach(async () => {
    stack = await FaultStack.start();
    await stack.startApi();
  });

  afterEach(() => stack.stop());

  const simulation = async (id: number) => (await stack.request('GET', `/simulation/${id}`)).body;

  it('a run stalled past its planned end is timed out and retried; the retry runs to the end', async () => {
    // Ten points 200 ms apart: planned to end 2 s after it starts, timed out 500 ms later.
    await stack.startWorker('worker-a', {
      SIMULATION_TICK_MS: '200',
      SIMULATION_TIMEOUT_MS: '500',
      RETRY_BACKOFF_MS: '100',
    });
    const { body } = await stack.request('POST', '/simulation', {
      body: { name: 'stalls', machine },
    });
    await eventually(async () =>
      (await simulation(body.id)).status === 'running' ? true : undefined,
    );
    await stack.stallCurveWrites(4_000);

    const finished = await eventually(async () => {
      const current = await simulation(body.id);
      return current.status === 'finished' ? current : undefined;
    });
    expect(
      finished.attempts.map((a: { outcome: string; reason: string }) => [a.outcome, a.reason]),
    ).toEqual([
      ['timed_out', 'timed out: still running 500 ms after its planned end'],
      ['finished', null],
    ]);
    expect((await stack.request('GET', `/converge/${body.id}`)).body.data).toHaveLength(10);
  });

  it('20 concurrent claimers on 1000 pending rows: 1000 claims, none twice', async () => {
    await stack.db.query(`INSERT INTO machines (machine_id, name) VALUES (101, 'A')`);
    await stack.db.query(
      `INSERT INTO simulations (name, machine_id) SELECT 'row ' || i, 101 FROM generate_series(1, 1000) AS i`,
    );
    const ids: number[] = (await stack.db.query(`SELECT simulation_id FROM simulations`)).rows.map(
      (r) => r.simulation_id,
    );

    // Twenty separate connections, each trying every row in its own order.
    const claimers = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const dataSource = new DataSource(postgresOptions({ url: stack.databaseUrl, poolSize: 1 }));
        await dataSource.initialize();
        const { manager } = dataSource;
        const curves = new ConvergencePointRepository(manager);
        return { index, dataSource, lifecycle: new SimulationLifecycle(manager, curves) };
      }),
    );
    const started = Date.now();
    const won = await Promise.all(
      claimers.map(async ({ index, lifecycle }) => {
        const mine: number[] = [];
        for (const id of [...ids].sort(() => Math.random() - 0.5)) {
          if (await lifecycle.claim(id, `claimer-${index}`)) mine.push(id);
        }
        return mine;
      }),
    );
    await Promise.all(claimers.map(({ dataSource }) => dataSource.destroy()));
    const all = won.flat();
    report(
      `20 claimers × 1000 rows: ${all.length} claims (${new Set(all).size} distinct) in ${Date.now() - started} ms`,
    );

    expect(all).toHaveLength(1000);
    expect(new Set(all).size).toBe(1000);
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS attempts, count(DISTINCT simulation_id)::int AS simulations FROM simulation_attempts`,
    );
    expect(rows[0]).toEqual({ attempts: 1000, simulations: 1000 });
  });

  it('cancel while running stops the run within one tick; retry after a failure runs it to the end', async () => {
    const worker = await stack.startWorker('worker-a', { SIMULATION_TICK_MS: '300' });
    const { body } = await stack.request('POST', '/simulation', {
      body: { name: 'to cancel', machine },
    });
    await eventually(async () => {
      const { rows } = await stack.db.query(
        `SELECT count(*)::int AS n FROM convergence_points WHERE simulation_id = $1`,
        [body.id],
      );
      return rows[0].n >= 2 ? true : undefined;
    });
    expect((await stack.request('POST', `/simulation/${body.id}/cancel`)).status).toBe(200);
    const pointsAtCancel = (await stack.request('GET', `/converge/${body.id}`)).body.data.length;
    await worker.waitForLog(
      new RegExp(`simulation ${body.id}: attempt 1 stopped, the simulation was cancelled`),
      5_000,
    );
    await sleep(600);
    expect((await stack.request('GET', `/converge/${body.id}`)).body.data).toHaveLength(
      pointsAtCancel,
    );
    expect(await simulation(body.id)).toMatchObject({ status: 'cancelled' });

    // A failure: one attempt allowed, and a database stall that makes it time out.
    await worker.stop();
    const stalled = await stack.startWorker('worker-b', {
      SIMULATION_TICK_MS: '200',
      SIMULATION_TIMEOUT_MS: '300',
    });
    const failing = await stack.request('POST', '/simulation', {
      body: { name: 'to retry', machine, max_attempts: 1 },
    });
    await eventually(async () =>
      (await simulation(failing.body.id)).status === 'running' ? true : undefined,
    );
    await stack.stallCurveWrites(3_000);
    await eventually(async () =>
      (await simulation(failing.body.id)).status === 'failed' ? true : undefined,
    );
    await stalled.stop();

    await stack.startWorker('worker-c', { SIMULATION_TICK_MS: '20' });
    expect(
      (await stack.request('POST', `/simulation/${failing.body.id}/retry`)).body,
    ).toMatchObject({ status: 'pending' });
    const finished = await eventually(async () => {
      const current = await simulation(failing.body.id);
      return current.status === 'finished' ? current : undefined;
    });
    expect(finished.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'timed_out',
      'finished',
    ]);
    expect((await stack.request('GET', `/converge/${failing.body.id}`)).body.data).toHaveLength(10);
  });

  it('SIGTERM: the worker takes no more jobs, hands back what it holds after the grace period, and exits 0', async () => {
    const leaving = await stack.startWorker('worker-a', {
      SIMULATION_TICK_MS: '500',
      SHUTDOWN_GRACE_MS: '500',
    });
    const { body } = await stack.request('POST', '/simulation', {
      body: { name: 'handed back', machine },
    });
    await eventually(async () =>
      (await simulation(body.id)).status === 'running' ? true : undefined,
    );

    leaving.signal('SIGTERM');
    expect(await leaving.exit(15_000)).toBe(0);
    expect(await simulation(body.id)).toMatchObject({ status: 'pending', attempt: 1 });

    await stack.startWorker('worker-b', { SIMULATION_TICK_MS: '20' });
    const finished = await eventually(async () => {
      const current = await simulation(body.id);
      return current.status === 'finished' ? current : undefined;
    });
    expect(finished.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'handed_back',
      'finished',
    ]);
    expect(finished.max_attempts).toBe(4);
  });

  it('SIGTERM: the API stops accepting and exits 0', async () => {
    const api = stack.apps[0];
    api.signal('SIGTERM');
    expect(await api.exit(15_000)).toBe(0);
  });
});
