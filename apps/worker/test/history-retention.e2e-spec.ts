import {
  addDays,
  curvePartitionDays,
  dropCurvePartitions,
  ensureCurvePartitions,
  HistoryRepository,
  PARTITION_DAYS_AHEAD,
  SimulationStatus,
} from '@app/domain';
import { seedMachine, seedSimulation } from '@app/domain/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { HistoryMaintenance } from '../src/recovery/history-maintenance';
import { loadWorkerConfig } from '../src/config/worker-config';
import { E2eStack } from '../../../test/e2e-stack';

const DAY_MS = 24 * 60 * 60 * 1000;
const MACHINE = 301;
/** A draining machine: its simulations stay as seeded, pending or running, whatever the worker does. */
const PARKED = 302;

describe('history retention', () => {
  let stack: E2eStack;
  let today: string;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: MACHINE });
    await seedMachine(stack.db, { machine_id: PARKED });
    await stack.db.query(`UPDATE machines SET draining = true WHERE machine_id = $1`, [PARKED]);
    [{ today }] = await stack.db.query(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`);
    // Partitions outlive TRUNCATE: each test starts with none before yesterday.
    const run = (text: string, params?: unknown[]) => stack.db.query(text, params);
    for (const day of await curvePartitionDays(run)) {
      if (day < addDays(today, -1)) await dropCurvePartitions(run, day);
    }
  });
  afterEach(() => stack.stopWorkers());

  /** A worker whose maintenance runs only when the test says so. */
  async function maintenance(env: NodeJS.ProcessEnv): Promise<HistoryMaintenance> {
    const worker: INestApplicationContext = await stack.startWorker({
      // No sweeps: a seeded running simulation has no worker and must stay running.
      env: { HISTORY_MAINTENANCE_INTERVAL_MS: '3600000', SWEEP_INTERVAL_MS: '3600000', ...env },
    });
    return worker.get(HistoryMaintenance);
  }

  const partitionDays = async () =>
    curvePartitionDays((text, params) => stack.db.query(text, params));

  /**
   * A simulation of `day` that reached `status` `endedDaysAgo` days ago,
   * with a three-point curve stored in the day's partition.
   */
  async function simulationOf(
    day: string,
    status: SimulationStatus,
    endedDaysAgo: number,
  ): Promise<number> {
    await stack.db.transaction((manager) =>
      ensureCurvePartitions((text, params) => manager.query(text, params), [day]),
    );
    const ended = new Date(Date.now() - endedDaysAgo * DAY_MS);
    const active = status === SimulationStatus.Pending || status === SimulationStatus.Running;
    const { simulation_id: id } = await seedSimulation(stack.db, {
      machine_id: active ? PARKED : MACHINE,
      status,
      attempt: 1,
      creation_date: new Date(`${day}T12:00:00Z`),
      update_date: ended,
      curve_day: day,
    });
    await stack.db.query(
      `INSERT INTO convergence_points (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds)
       SELECT $1, 1, $2::date, 0, k - 1, k, 1.0 / k, k, k * (k + 1) / 2 FROM generate_series(1, 3) k`,
      [id, day],
    );
    await stack.db.query(
      `INSERT INTO convergence_summaries (simulation_id, attempt, curve_day, metric_id, level, block, min_loss, max_loss)
       VALUES ($1, 1, $2::date, 0, 1, 0, 0.33, 1)`,
      [id, day],
    );
    return id;
  }

  const curve = (id: number) => stack.as('admin').get(`/converge/${id}`);
  const storedPoints = async (id: number) =>
    (
      await stack.db.query(
        `SELECT count(*)::int AS n FROM convergence_points WHERE simulation_id = $1`,
        [id],
      )
    )[0].n;

  it('drops a day whose runs all ended before the retention, and says their curves expired', async () => {
    const old = addDays(today, -40);
    const recent = addDays(today, -5);
    const finished = await simulationOf(old, SimulationStatus.Finished, 39);
    const failed = await simulationOf(old, SimulationStatus.Failed, 38);
    const kept = await simulationOf(recent, SimulationStatus.Finished, 5);
    expect((await curve(finished).expect(200)).body.data).toHaveLength(3);

    const pass = await (await maintenance({ HISTORY_RETENTION_DAYS: '30' })).pass();

    expect(pass).toMatchObject({ retained: true, daysDropped: [old], curvesDeleted: 0 });
    expect(await partitionDays()).not.toContain(old);
    expect(await partitionDays()).toContain(recent);
    for (const id of [finished, failed]) {
      const gone = await curve(id).expect(410);
      expect(gone.body.message).toContain(`the curve of simulation ${id} has expired`);
      await stack.as('viewer').get(`/converge/${id}?format=csv`).expect(410);
      await stack.as('viewer').get(`/converge/${id}/stream`).expect(410);
      // The simulation itself stays.
      expect((await stack.simulation(id)).status).toBeDefined();
    }
    expect((await curve(kept).expect(200)).body.data).toHaveLength(3);
  });

  it('never touches a pending or running simulation, nor a run that ended within the retention', async () => {
    const old = addDays(today, -40);
    const running = await simulationOf(old, SimulationStatus.Running, 0);
    const longRun = await simulationOf(old, SimulationStatus.Finished, 2);
    const due = await simulationOf(old, SimulationStatus.Cancelled, 35);
    const pending = await simulationOf(old, SimulationStatus.Pending, 40);

    const history = await maintenance({ HISTORY_RETENTION_DAYS: '30' });
    const pass = await history.pass();

    expect(pass).toMatchObject({ daysDropped: [], curvesDeleted: 1 });
    expect(await partitionDays()).toContain(old);
    expect(await storedPoints(due)).toBe(0);
    await curve(due).expect(410);
    for (const id of [running, longRun, pending]) expect(await storedPoints(id)).toBe(3);
    expect((await curve(longRun).expect(200)).body.data).toHaveLength(3);
    expect((await curve(running).expect(200)).body.data).toHaveLength(3);

    // Nothing more is due: the next pass deletes nothing again.
    expect(await history.pass()).toMatchObject({ daysDropped: [], curvesDeleted: 0 });

    // Once the last of them ended long enough ago, the day goes whole.
    await stack.db.query(`DELETE FROM simulations WHERE simulation_id = ANY($1)`, [
      [running, longRun, pending],
    ]);
    expect(await history.pass()).toMatchObject({ daysDropped: [old] });
  });

  describe('a project with a retention of its own', () => {
    /** A project keeping curves `days` days (null: the global retention), and runs moved into it. */
    async function project(name: string, days: number | null, ...runs: number[]): Promise<number> {
      const [{ project_id: id }] = await stack.db.query(
        `INSERT INTO projects (name, retention_days) VALUES ($1, $2) RETURNING project_id`,
        [name, days],
      );
      await stack.db.query(`UPDATE simulations SET project_id = $1 WHERE simulation_id = ANY($2)`, [
        id,
        runs,
      ]);
      return id;
    }

    it('expires its curves sooner than the global retention, run by run, and no other project’s', async () => {
      const day = addDays(today, -16);
      const theirs = await simulationOf(day, SimulationStatus.Finished, 15);
      const recent = await simulationOf(day, SimulationStatus.Finished, 5);
      const others = await simulationOf(day, SimulationStatus.Finished, 15);
      await project('short', 10, theirs, recent);

      const pass = await (await maintenance({ HISTORY_RETENTION_DAYS: '30' })).pass();

      expect(pass).toMatchObject({ retained: true, daysDropped: [], curvesDeleted: 1 });
      expect(await storedPoints(theirs)).toBe(0);
      expect((await curve(theirs).expect(410)).body.message).toContain(
        `the curve of simulation ${theirs} has expired`,
      );
      for (const id of [recent, others])
        expect((await curve(id).expect(200)).body.data).toHaveLength(3);
    });

    it('keeps its curves past the global retention: their day is not dropped, the others’ go run by run', async () => {
      const day = addDays(today, -40);
      const theirs = await simulationOf(day, SimulationStatus.Finished, 39);
      const others = await simulationOf(day, SimulationStatus.Finished, 39);
      await project('long', 90, theirs);

      const history = await maintenance({ HISTORY_RETENTION_DAYS: '30' });
      expect(await history.pass()).toMatchObject({ daysDropped: [], curvesDeleted: 1 });
      expect(await partitionDays()).toContain(day);
      expect((await curve(theirs).expect(200)).body.data).toHaveLength(3);
      await curve(others).expect(410);

      // Its retention shortened past the run's end: the next pass takes it, and then the day whole.
      await stack.as('admin').patch('/projects/long', { retention_days: 30 }).expect(200);
      expect(await history.pass()).toMatchObject({ daysDropped: [day] });
      await curve(theirs).expect(410);
    });

    it('applies to projects without one of their own the global retention, and keeps what it expired expired', async () => {
      const day = addDays(today, -40);
      const run = await simulationOf(day, SimulationStatus.Finished, 39);
      const kept = await simulationOf(addDays(today, -1), SimulationStatus.Finished, 0);
      await project('later', null, run, kept);
      await (await maintenance({ HISTORY_RETENTION_DAYS: '30' })).pass();
      await curve(run).expect(410);

      // A retention of its own, longer, set afterwards: what the global one took stays expired.
      await stack.as('admin').patch('/projects/later', { retention_days: 365 }).expect(200);
      expect((await curve(run).expect(410)).body.message).toContain('has expired');
      expect((await curve(kept).expect(200)).body.data).toHaveLength(3);
    });

    it('runs without a global retention', async () => {
      const day = addDays(today, -16);
      const theirs = await simulationOf(day, SimulationStatus.Failed, 15);
      const others = await simulationOf(day, SimulationStatus.Failed, 15);
      await project('only', 10, theirs);
      expect(await (await maintenance({})).pass()).toMatchObject({
        retained: true,
        curvesDeleted: 1,
      });
      await curve(theirs).expect(410);
      expect((await curve(others).expect(200)).body.data).toHaveLength(3);
    });
  });

  it('deletes simulations older than SIMULATION_RETENTION_DAYS, with their attempts and curves', async () => {
    const old = addDays(today, -120);
    const finished = await simulationOf(old, SimulationStatus.Finished, 100);
    const failed = await simulationOf(old, SimulationStatus.Failed, 95);
    const younger = await simulationOf(addDays(today, -60), SimulationStatus.Finished, 60);
    const pending = await simulationOf(old, SimulationStatus.Pending, 100);
    await stack.db.query(
      `INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at, outcome)
       VALUES ($1, 1, 'w', now(), 'finished')`,
      [finished],
    );

    const pass = await (
      await maintenance({ HISTORY_RETENTION_DAYS: '30', SIMULATION_RETENTION_DAYS: '90' })
    ).pass();

    expect(pass.simulationsDeleted).toBe(2);
    for (const id of [finished, failed])
      await stack.as('viewer').get(`/simulation/${id}`).expect(404);
    const [{ attempts }] = await stack.db.query(
      `SELECT count(*)::int AS attempts FROM simulation_attempts WHERE simulation_id = $1`,
      [finished],
    );
    expect(attempts).toBe(0);
    // Younger than 90 days: kept, though its curve (older than 30) is gone.
    await curve(younger).expect(410);
    expect((await stack.simulation(pending)).status).toBe('pending');
    expect(await storedPoints(pending)).toBe(3);
  });

  it('makes partitions ahead, and for a pending run requested on a day without one', async () => {
    const lonely = addDays(today, -20);
    await seedSimulation(stack.db, { machine_id: MACHINE, curve_day: lonely });
    const suffix = today.replaceAll('-', '');
    await stack.db.query(
      `DROP TABLE convergence_points_${suffix}, convergence_summaries_${suffix}`,
    );
    expect(await stack.api.get(HistoryRepository).partitionDaysAhead()).toBe(0);

    await (await maintenance({})).pass();

    const days = await partitionDays();
    for (let ahead = 0; ahead <= PARTITION_DAYS_AHEAD; ahead++) {
      expect(days).toContain(addDays(today, ahead));
    }
    expect(days).toContain(lonely);
    expect(await stack.api.get(HistoryRepository).partitionDaysAhead()).toBe(
      PARTITION_DAYS_AHEAD + 1,
    );
  });

  it('runs a simulation retried after its curve expired, into a partition of today', async () => {
    const old = addDays(today, -40);
    const failed = await simulationOf(old, SimulationStatus.Failed, 39);
    const history = await maintenance({ HISTORY_RETENTION_DAYS: '30' });
    expect((await history.pass()).daysDropped).toEqual([old]);
    await curve(failed).expect(410);

    await stack.as('admin').post(`/simulation/${failed}/retry`).expect(200);
    await stack.waitForStatus(failed, 'finished');

    const body = (await curve(failed).expect(200)).body;
    expect(body.data).toHaveLength(10);
    const [{ day }] = await stack.db.query(
      `SELECT curve_day::text AS day FROM simulations WHERE simulation_id = $1`,
      [failed],
    );
    expect(day).toBe(today);
  });

  it("lets a retry take the old run's curve with it, from the old day's partition", async () => {
    const earlier = addDays(today, -3);
    const failed = await simulationOf(earlier, SimulationStatus.Failed, 3);
    await stack.startWorker();
    await stack.as('admin').post(`/simulation/${failed}/retry`).expect(200);
    await stack.waitForStatus(failed, 'finished');
    const [{ old, fresh }] = await stack.db.query(
      `SELECT count(*) FILTER (WHERE curve_day = $2::date)::int AS old,
              count(*) FILTER (WHERE curve_day = $3::date)::int AS fresh
       FROM convergence_points WHERE simulation_id = $1`,
      [failed, earlier, today],
    );
    expect({ old, fresh }).toEqual({ old: 0, fresh: 10 });
  });

  it('lets one worker at a time expire history', async () => {
    const first = await maintenance({ HISTORY_RETENTION_DAYS: '30', WORKER_ID: 'first' });
    const second = await maintenance({ HISTORY_RETENTION_DAYS: '30', WORKER_ID: 'second' });
    const history = stack.api.get(HistoryRepository);
    expect(await history.takeLease('history retention', 'first', 60_000)).toBe(true);
    expect((await second.pass()).retained).toBe(false);
    expect((await first.pass()).retained).toBe(true);
    // Released at the end of its pass: the other may now.
    expect((await second.pass()).retained).toBe(true);
  });

  it('refuses a simulation retention shorter than the curve retention', () => {
    expect(() =>
      loadWorkerConfig({
        ...stack.env,
        HISTORY_RETENTION_DAYS: '30',
        SIMULATION_RETENTION_DAYS: '7',
      }),
    ).toThrow(/SIMULATION_RETENTION_DAYS \(7\) must be at least HISTORY_RETENTION_DAYS \(30\)/);
  });
});
