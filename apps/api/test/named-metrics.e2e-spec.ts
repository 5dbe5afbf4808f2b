import { ConvergencePointRepository, CurvePoint, SimulationStatus } from '@app/domain';
import { seedCurve, seedMachine, seedSimulation } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

const LOSS: CurvePoint[] = [
  { seconds: 1, loss: 0.9 },
  { seconds: 2, loss: 0.5 },
  { seconds: 3, loss: 0.4 },
];
/** Reported with steps, except the last point. */
const VAL_ACC: CurvePoint[] = [
  { seconds: 1.5, loss: 0.2, step: 100 },
  { seconds: 2.5, loss: 0.7, step: 200 },
  { seconds: 2.75, loss: 0.6, step: 300 },
  { seconds: 4, loss: 0.65 },
];
const SLASHED = { id: 2, name: 'train/grad norm' };

describe('named metrics: a run with several series, each read like the contract curve', () => {
  let stack: E2eStack;
  let id: number;
  const get = (path: string) => stack.as(Role.Viewer).get(path);

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    ({ simulation_id: id } = await seedSimulation(stack.db, {
      machine_id: 101,
      status: SimulationStatus.Running,
      attempt: 1,
    }));
    const repository = stack.api.get(ConvergencePointRepository);
    await seedCurve(stack.db, repository, id, LOSS);
    await seedCurve(stack.db, repository, id, VAL_ACC, 2, { id: 1, name: 'val_acc' });
    await seedCurve(stack.db, repository, id, [{ seconds: 1, loss: 3 }], 1, SLASHED);
  });

  afterAll(() => stack.close());

  it('keeps the contract curve exactly: loss only, no step, no other metric', async () => {
    const { body } = await get(`/converge/${id}`).expect(200);
    expect(body.data).toEqual(LOSS);
    expect(body.meta).toMatchObject({ total_points: 3, downsampled: false });
    expect(body.meta).not.toHaveProperty('metric');
  });

  it('reads a named metric with its values and the steps the run gave', async () => {
    const { body } = await get(`/simulation/${id}/metrics/val_acc`).expect(200);
    expect(body.data).toEqual([
      { seconds: 1.5, value: 0.2, step: 100 },
      { seconds: 2.5, value: 0.7, step: 200 },
      { seconds: 2.75, value: 0.6, step: 300 },
      { seconds: 4, value: 0.65 },
    ]);
    expect(body.meta).toMatchObject({ metric: 'val_acc', total_points: 4, attempt: 1 });
    const loss = await get(`/simulation/${id}/metrics/loss`).expect(200);
    expect(loss.body.data).toEqual(LOSS.map(({ seconds, loss }) => ({ seconds, value: loss })));
    const window = await get(`/simulation/${id}/metrics/val_acc?from=2&to=3&agg=minmax`).expect(
      200,
    );
    expect(window.body.data).toEqual([
      { seconds: 2.5, value: 0.7, value_min: 0.7, value_max: 0.7, step: 200 },
      { seconds: 2.75, value: 0.6, value_min: 0.6, value_max: 0.6, step: 300 },
    ]);
    const slashed = await get(
      `/simulation/${id}/metrics/${encodeURIComponent(SLASHED.name)}`,
    ).expect(200);
    expect(slashed.body.data).toEqual([{ seconds: 1, value: 3 }]);
  });

  it('lists every metric with its summary, steps included', async () => {
    const { body } = await get(`/simulation/${id}/metrics`).expect(200);
    expect(body).toEqual([
      {
        name: 'loss',
        count: 3,
        last: 0.4,
        last_seconds: 3,
        min: 0.4,
        min_seconds: 3,
        max: 0.9,
        last_step: null,
        min_step: null,
        by_step: false,
      },
      {
        name: SLASHED.name,
        count: 1,
        last: 3,
        last_seconds: 1,
        min: 3,
        min_seconds: 1,
        max: 3,
        last_step: null,
        min_step: null,
        by_step: false,
      },
      {
        name: 'val_acc',
        count: 4,
        last: 0.65,
        last_seconds: 4,
        min: 0.2,
        min_seconds: 1.5,
        max: 0.7,
        last_step: null,
        min_step: 100,
        by_step: false,
      },
    ]);
  });

  it('exports a named metric as CSV and NDJSON, steps where given', async () => {
    const csv = await get(`/simulation/${id}/metrics/val_acc?format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('attempt-1-val_acc.csv');
    expect(csv.text).toBe('seconds,value,step\n1.5,0.2,100\n2.5,0.7,200\n2.75,0.6,300\n4,0.65,\n');
    const ndjson = await get(`/simulation/${id}/metrics/val_acc?format=ndjson&from=2.6`).expect(
      200,
    );
    expect(ndjson.text).toBe(
      '{"seconds":2.75,"value":0.6,"step":300}\n{"seconds":4,"value":0.65}\n',
    );
    const contract = await get(`/converge/${id}?format=csv`).expect(200);
    expect(contract.text).toBe('seconds,loss\n1,0.9\n2,0.5\n3,0.4\n');
  });

  it('finds runs by a named metric written through the curve path', async () => {
    const match = await get(
      `/simulations?filter=${encodeURIComponent('metrics.val_acc.max >= 0.7 AND metrics.loss.min < 0.5')}`,
    ).expect(200);
    expect(match.body.map((run: { simulation_id: number }) => run.simulation_id)).toEqual([id]);
    const none = await get(
      `/simulations?filter=${encodeURIComponent('metrics.val_acc.last > 0.7')}`,
    ).expect(200);
    expect(none.body).toEqual([]);
  });

  it('answers 404 for a metric the run has not reported and 400 for a name no metric can have', async () => {
    const missing = await get(`/simulation/${id}/metrics/val_loss`).expect(404);
    expect(missing.body.message).toBe(
      `simulation ${id} has no metric "val_loss" in attempt 1 (GET /simulation/${id}/metrics lists the ones it has)`,
    );
    await get(`/simulation/999999/metrics/val_acc`).expect(404);
    const bad = await get(`/simulation/${id}/metrics/${encodeURIComponent('val"acc')}`).expect(400);
    expect(bad.body.message).toMatch(/^metric in the path is not a metric name \(/);
    const long = await get(`/simulation/${id}/metrics/${'m'.repeat(251)}`).expect(400);
    expect(long.body.message).toMatch(/is not a metric name/);
    await get(`/simulation/${id}/metrics/val_acc?points=0`).expect(400);
  });
});
