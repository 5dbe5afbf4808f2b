import {
  AppendResult,
  ConvergencePointRepository,
  CurveBatch,
  CurveBuilder,
  SimulationStatus,
} from '@app/domain';
import { seedMachine, seedSimulation } from '@app/domain/testing';
import { QueryFailedError } from 'typeorm';
import { E2eStack } from '../../../test/e2e-stack';
import { CurveWriter } from '../src/simulation-run/curve-writer';

describe('CurveWriter (group commit of curve writes, real Postgres)', () => {
  let stack: E2eStack;
  let points: ConvergencePointRepository;
  let statements: jest.SpyInstance;
  let writer: CurveWriter;
  /** The day partition of simulations seeded today. */
  let day: string;

  beforeAll(async () => {
    stack = await E2eStack.start();
    points = stack.api.get(ConvergencePointRepository);
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    [{ day }] = await stack.db.query(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS day`);
    statements = jest.spyOn(points, 'appendPointsOfRuns');
    writer = new CurveWriter(points);
  });
  afterEach(() => statements.mockRestore());

  async function runningSimulations(count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const seeded = await seedSimulation(stack.db, {
        machine_id: 101,
        status: SimulationStatus.Running,
        attempt: 1,
      });
      ids.push(seeded.simulation_id);
    }
    return ids;
  }

  const storedPoints = async (ids: number[]): Promise<number> =>
    (
      await stack.db.query(
        `SELECT count(*)::int AS n FROM convergence_points WHERE simulation_id = ANY($1)`,
        [ids],
      )
    )[0].n;

  const onePoint = (seconds = 1): CurveBatch => new CurveBuilder().append([{ seconds, loss: 0.5 }]);

  it('sends writes made in the same turn as one statement and answers each its own', async () => {
    const ids = await runningSimulations(50);
    const results = await Promise.all(
      ids.map((id) => writer.write({ simulationId: id, attempt: 1, day }, onePoint())),
    );

    expect(statements).toHaveBeenCalledTimes(1);
    expect(results).toEqual(ids.map(() => ({ held: true, written: 1 })));
    expect(await storedPoints(ids)).toBe(50);
  });

  it('gathers writes that arrive while statements are in flight into the next statement', async () => {
    const ids = await runningSimulations(200);
    const builders = ids.map(() => new CurveBuilder());
    // Each run writes 5 points one after another, its next write as soon as the last is answered,
    // and the runs start a few at a time, as runs do in a busy worker.
    await Promise.all(
      ids.map(async (id, index) => {
        await new Promise((resolve) => setTimeout(resolve, index % 20));
        for (let seconds = 1; seconds <= 5; seconds++) {
          const result = await writer.write(
            { simulationId: id, attempt: 1, day },
            builders[index].append([{ seconds, loss: 1 / seconds }]),
          );
          expect(result).toEqual({ held: true, written: 1 });
        }
      }),
    );

    expect(await storedPoints(ids)).toBe(1_000);
    // 1,000 writes; one statement each would be 1,000.
    expect(statements.mock.calls.length).toBeLessThan(200);
  });

  it('keeps two writes of the same attempt in separate statements, in order', async () => {
    const [id] = await runningSimulations(1);
    const builder = new CurveBuilder();
    const ref = { simulationId: id, attempt: 1, day };
    const first = builder.append([{ seconds: 1, loss: 0.5 }]);
    const second = builder.append([{ seconds: 2, loss: 0.4 }]);

    const results = await Promise.all([writer.write(ref, first), writer.write(ref, second)]);

    expect(results).toEqual([
      { held: true, written: 1 },
      { held: true, written: 1 },
    ]);
    expect(statements).toHaveBeenCalledTimes(2);
    const rows = await stack.db.query(
      `SELECT seq, seconds FROM convergence_points WHERE simulation_id = $1 ORDER BY seq`,
      [id],
    );
    expect(rows).toEqual([
      { seq: 0, seconds: 1 },
      { seq: 1, seconds: 2 },
    ]);
  });

  it('fails only the write Postgres refuses: the rest of its statement is sent again one by one', async () => {
    const ids = await runningSimulations(3);
    const refused = onePoint();
    // Summary level 0 breaks the table's check: Postgres refuses the whole statement that carries it.
    refused.cells[0] = { ...refused.cells[0], level: 0 };

    const outcomes = await Promise.allSettled([
      writer.write({ simulationId: ids[0], attempt: 1, day }, onePoint()),
      writer.write({ simulationId: ids[1], attempt: 1, day }, refused),
      writer.write({ simulationId: ids[2], attempt: 1, day }, onePoint()),
    ]);

    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: { held: true, written: 1 } });
    expect(outcomes[1].status).toBe('rejected');
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(QueryFailedError);
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: { held: true, written: 1 } });
    expect(statements).toHaveBeenCalledTimes(1 + 3);
    expect(await storedPoints([ids[0], ids[2]])).toBe(2);
    expect(await storedPoints([ids[1]])).toBe(0);
  });

  it('fences each run on its own within a statement', async () => {
    const ids = await runningSimulations(3);
    await stack.db.query(`UPDATE simulations SET status = 'cancelled' WHERE simulation_id = $1`, [
      ids[1],
    ]);
    const results: AppendResult[] = await Promise.all(
      ids.map((id) => writer.write({ simulationId: id, attempt: 1, day }, onePoint())),
    );
    expect(statements).toHaveBeenCalledTimes(1);
    expect(results.map((result) => result.held)).toEqual([true, false, true]);
    expect(await storedPoints([ids[1]])).toBe(0);
  });
});
