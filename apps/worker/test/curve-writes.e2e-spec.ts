import {
  ConvergencePointRepository,
  CurveBuilder,
  SimulationLifecycle,
  SimulationStatus,
} from '@app/domain';
import { seedMachine, seedSimulation } from '@app/domain/testing';
import { E2eStack } from '../../../test/e2e-stack';

describe('curve writes', () => {
  let stack: E2eStack;
  let points: ConvergencePointRepository;

  beforeAll(async () => {
    stack = await E2eStack.start();
    points = stack.api.get(ConvergencePointRepository);
  });
  afterAll(() => stack.close());
  /** The day partition of simulations seeded today. */
  let day: string;

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    [{ day }] = await stack.db.query(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS day`);
  });
  afterEach(() => stack.stopWorkers());

  async function runningSimulation(): Promise<number> {
    const { simulation_id } = await seedSimulation(stack.db, {
      machine_id: 101,
      status: SimulationStatus.Running,
      attempt: 1,
    });
    return simulation_id;
  }

  const count = async (table: string, id: number) =>
    (
      await stack.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE simulation_id = $1`, [id])
    )[0].n;

  it('stores a batch written twice (a retry after a lost reply) once', async () => {
    const id = await runningSimulation();
    const batch = new CurveBuilder().append([
      { seconds: 1, loss: 0.5 },
      { seconds: 2, loss: 0.4 },
    ]);
    const ref = { simulationId: id, attempt: 1, day };
    expect(await points.appendPoints(ref, batch)).toEqual({ held: true, written: 2 });
    expect(await points.appendPoints(ref, batch)).toEqual({ held: true, written: 0 });
    expect(await count('convergence_points', id)).toBe(2);
  });

  it("keeps the loss metric's summary with the points: count, last, first minimum, maximum", async () => {
    const id = await runningSimulation();
    const ref = { simulationId: id, attempt: 1, day };
    const builder = new CurveBuilder();
    const first = builder.append([
      { seconds: 1, loss: 0.9 },
      { seconds: 2, loss: 0.3 },
    ]);
    await points.appendPoints(ref, first);
    await points.appendPoints(
      ref,
      builder.append([
        { seconds: 3, loss: 1.2 },
        { seconds: 4, loss: 0.3 },
      ]),
    );
    // A retry of the first batch after a lost reply changes nothing.
    await points.appendPoints(ref, first);
    expect(
      await stack.db.query(
        `SELECT metric_id, name, count, last_value, last_seconds, min_value, min_seconds, max_value
         FROM run_metrics WHERE simulation_id = $1`,
        [id],
      ),
    ).toEqual([
      {
        metric_id: 0,
        name: 'loss',
        count: 4,
        last_value: 0.3,
        last_seconds: 4,
        min_value: 0.3,
        min_seconds: 2,
        max_value: 1.2,
      },
    ]);
  });

  it('writes nothing, points or summaries, for an attempt that does not hold the simulation', async () => {
    const id = await runningSimulation();
    const batch = new CurveBuilder().append([{ seconds: 1, loss: 0.5 }]);
    expect(await points.appendPoints({ simulationId: id, attempt: 2, day }, batch)).toEqual({
      held: false,
      written: 0,
    });
    await stack.db.query(`UPDATE simulations SET status = 'cancelled' WHERE simulation_id = $1`, [
      id,
    ]);
    expect((await points.appendPoints({ simulationId: id, attempt: 1, day }, batch)).held).toBe(
      false,
    );
    expect(await count('convergence_points', id)).toBe(0);
    expect(await count('convergence_summaries', id)).toBe(0);
    expect(await count('run_metrics', id)).toBe(0);
  });

  it('answers each attempt of a combined write on its own, in the order given', async () => {
    const [fresh, stale, repeated, another] = await Promise.all(
      [1, 2, 3, 4].map(() => runningSimulation()),
    );
    const twoPoints = () =>
      new CurveBuilder().append([
        { seconds: 1, loss: 0.5 },
        { seconds: 2, loss: 0.4 },
      ]);
    const already = twoPoints();
    await points.appendPoints({ simulationId: repeated, attempt: 1, day }, already);

    const results = await points.appendPointsOfRuns([
      { ref: { simulationId: fresh, attempt: 1, day }, batch: twoPoints() },
      { ref: { simulationId: stale, attempt: 2, day }, batch: twoPoints() },
      { ref: { simulationId: repeated, attempt: 1, day }, batch: already },
      {
        ref: { simulationId: another, attempt: 1, day },
        batch: new CurveBuilder().append([{ seconds: 5, loss: 1 }]),
      },
    ]);

    expect(results).toEqual([
      { held: true, written: 2 },
      { held: false, written: 0 },
      { held: true, written: 0 },
      { held: true, written: 1 },
    ]);
    expect(await count('convergence_points', fresh)).toBe(2);
    expect(await count('convergence_points', stale)).toBe(0);
    expect(await count('convergence_summaries', stale)).toBe(0);
    expect(await count('convergence_points', repeated)).toBe(2);
    expect(await count('convergence_points', another)).toBe(1);
  });

  it('runs combined writes and heartbeats over the same runs side by side without deadlocking', async () => {
    // Both lock many simulation rows in one statement; in different orders they would wait on
    // each other in a cycle and Postgres would abort one (40P01). Both lock in simulation order.
    const ids = await Promise.all(Array.from({ length: 60 }, () => runningSimulation()));
    await stack.db.query(`UPDATE simulations SET worker_id = 'w1' WHERE simulation_id = ANY($1)`, [
      ids,
    ]);
    const lifecycle = stack.api.get(SimulationLifecycle);
    const builders = new Map(ids.map((id) => [id, new CurveBuilder()]));
    const shuffled = () => [...ids].sort(() => Math.random() - 0.5);
    const rounds = Array.from({ length: 40 }, (_, round) => round);

    const writes = (async () => {
      for (const round of rounds) {
        const results = await points.appendPointsOfRuns(
          shuffled().map((id) => ({
            ref: { simulationId: id, attempt: 1, day },
            batch: builders.get(id)!.append([{ seconds: round + 1, loss: 1 / (round + 1) }]),
          })),
        );
        expect(results.every((result) => result.held && result.written === 1)).toBe(true);
      }
    })();
    const beats = Promise.all(
      [0, 1, 2].map(async () => {
        for (const _ of rounds) {
          const refs = shuffled().map((id) => ({ simulationId: id, attempt: 1, day }));
          expect((await lifecycle.heartbeat('w1', refs)).size).toBe(ids.length);
        }
      }),
    );
    await Promise.all([writes, beats]);

    const [{ n }] = await stack.db.query(
      `SELECT count(*)::int AS n FROM convergence_points WHERE simulation_id = ANY($1)`,
      [ids],
    );
    expect(n).toBe(ids.length * rounds.length);
  });

  it('leaves summaries equal to the extremes of their blocks and running sums equal to the sums, after a real noisy run', async () => {
    await stack.startWorker({ tickMs: 1 });
    const created = await stack
      .as('operator')
      .post('/simulation', {
        name: 'noisy',
        machine_id: 101,
        emulation: { points: 20_000, tick_ms: 0, noise: 0.3, seed: 11, decimals: 9 },
      })
      .expect(201);
    const id = created.body.id;
    await stack.waitForStatus(id, 'finished', 30_000);

    const [mismatched] = await stack.db.query(
      `SELECT count(*)::int AS n FROM convergence_summaries s
       JOIN LATERAL (
         SELECT min(loss) AS mn, max(loss) AS mx FROM convergence_points p
         WHERE p.simulation_id = s.simulation_id AND p.attempt = s.attempt
           AND p.seq / (8 ^ s.level)::int = s.block) b ON true
       WHERE s.simulation_id = $1 AND (s.min_loss <> b.mn OR s.max_loss <> b.mx)`,
      [id],
    );
    expect(mismatched.n).toBe(0);
    // Blocks of 8, 64 and 512 points over 20,000 points; larger ones (4,096 and up) are never
    // read on a curve this short (a bucket reads blocks of at most 1/8 of it), so none are kept.
    expect(await count('convergence_summaries', id)).toBe(2500 + 313 + 40);

    // Every sampled bucket's band bounds the raw points it stands for: the levels kept are enough.
    const sampled = await stack
      .as('viewer')
      .get(`/converge/${id}?agg=minmax&points=40`)
      .expect(200);
    const raw: Array<{ seconds: number; loss: number }> = await stack.db.query(
      `SELECT seconds, loss FROM convergence_points WHERE simulation_id = $1 ORDER BY seconds`,
      [id],
    );
    let from = 0;
    for (const bucket of sampled.body.data) {
      const inBucket = raw.filter((p) => p.seconds > from && p.seconds <= bucket.seconds);
      from = bucket.seconds;
      expect(inBucket.length).toBeGreaterThan(0);
      expect(bucket.loss_min).toBeLessThanOrEqual(Math.min(...inBucket.map((p) => p.loss)));
      expect(bucket.loss_max).toBeGreaterThanOrEqual(Math.max(...inBucket.map((p) => p.loss)));
    }

    const [sums] = await stack.db.query(
      `SELECT bool_and(seq = expected_seq) AS seq_ok,
              max(abs(cum_loss - expected_cum) / expected_cum) AS worst_relative_error
       FROM (SELECT seq, cum_loss, (row_number() OVER w - 1)::int AS expected_seq,
                    sum(loss) OVER w AS expected_cum
             FROM convergence_points WHERE simulation_id = $1 WINDOW w AS (ORDER BY seconds)) x`,
      [id],
    );
    expect(sums.seq_ok).toBe(true);
    expect(sums.worst_relative_error).toBeLessThan(1e-12);

    const [{ distinct }] = await stack.db.query(
      `SELECT count(DISTINCT loss)::int AS distinct FROM convergence_points WHERE simulation_id = $1`,
      [id],
    );
    expect(distinct).toBeGreaterThan(19_000);
  });
});
