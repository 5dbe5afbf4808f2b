import { ConvergencePointRepository, SimulationStatus } from '@app/domain';
import { seedCurve, seedMachine, seedRunData, seedSimulation } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

describe('GET /compare: runs side by side', () => {
  let stack: E2eStack;
  const ids: number[] = [];

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    const points = stack.api.get(ConvergencePointRepository);
    for (const [index, lr] of [0.1, 0.01, 0.001].entries()) {
      const { simulation_id } = await seedSimulation(stack.db, {
        name: `lr=${lr}`,
        machine_id: 101,
        status: SimulationStatus.Running,
        attempt: 1,
      });
      ids.push(simulation_id);
      await seedRunData(stack.db, simulation_id, {
        params: { lr, optimizer: 'adam', ...(index === 2 && { warmup: 5 }) },
        tags: { sweep: 's1' },
      });
      // 2,000 points each, falling at a rate set by lr.
      await seedCurve(
        stack.db,
        points,
        simulation_id,
        Array.from({ length: 2_000 }, (_, i) => ({
          seconds: (i + 1) / 10,
          loss: 1 / (1 + lr * 100 * (i + 1)),
        })),
      );
      // The first two runs also report a validation accuracy, with steps.
      if (index < 2)
        await seedCurve(
          stack.db,
          points,
          simulation_id,
          Array.from({ length: 20 }, (_, i) => ({ seconds: i + 1, loss: lr * i, step: i * 100 })),
          20,
          { id: 1, name: 'val_acc' },
        );
    }
  });
  afterAll(() => stack.close());

  it('answers params (which differ, which are shared), summaries and curves sampled alike, in the order asked', async () => {
    const order = [ids[2], ids[0], ids[1]];
    const { body } = await stack
      .as(Role.Viewer)
      .get(`/compare?ids=${order.join(',')}&points=50`)
      .expect(200);
    expect(body.metric).toBe('loss');
    expect(body.runs.map((run: { simulation_id: number }) => run.simulation_id)).toEqual(order);
    expect(body.params).toEqual({ differing: ['lr', 'warmup'], shared: { optimizer: 'adam' } });
    expect(body.runs[0]).toMatchObject({
      name: 'lr=0.001',
      params: { lr: 0.001, optimizer: 'adam', warmup: 5 },
      tags: { sweep: 's1' },
      metrics: [{ name: 'loss', count: 2000 }],
    });
    expect(body.curves.map((curve: { simulation_id: number }) => curve.simulation_id)).toEqual(
      order,
    );
    for (const curve of body.curves) {
      expect(curve).toMatchObject({ total_points: 2000, downsampled: true });
      expect(curve.data.length).toBeGreaterThan(40);
      expect(curve.data.length).toBeLessThanOrEqual(52);
      // The same buckets for every run: the seconds of the sampled points agree.
      expect(curve.data.map((p: { seconds: number }) => p.seconds)).toEqual(
        body.curves[0].data.map((p: { seconds: number }) => p.seconds),
      );
    }
    // What the sampler says of one run alone, the comparison says of it too.
    const alone = await stack
      .as(Role.Viewer)
      .get(`/converge/${ids[0]}?points=50&scale=log`)
      .expect(200);
    expect(body.curves[1].data).toEqual(
      alone.body.data.map(({ seconds, loss }: { seconds: number; loss: number }) => ({
        seconds,
        value: loss,
      })),
    );
  });

  it('overlays any named metric, and marks the runs that have not reported it', async () => {
    const { body } = await stack
      .as(Role.Viewer)
      .get(`/compare?ids=${ids.join(',')}&metric=val_acc&points=50`)
      .expect(200);
    expect(body.metric).toBe('val_acc');
    expect(body.curves[0]).toEqual({
      simulation_id: ids[0],
      data: Array.from({ length: 20 }, (_, i) => ({
        seconds: i + 1,
        value: 0.1 * i,
        step: i * 100,
      })),
      total_points: 20,
      downsampled: false,
    });
    expect(body.curves[2]).toEqual({
      simulation_id: ids[2],
      data: [],
      total_points: 0,
      downsampled: false,
      reported: false,
    });
  });

  it('names the ids that do not exist (404), and refuses malformed or too many ids (400)', async () => {
    const missing = await stack
      .as(Role.Viewer)
      .get(`/compare?ids=${ids[0]},999998,999999`)
      .expect(404);
    expect(missing.body.message).toBe('simulations 999998, 999999 not found');
    for (const [query, message] of [
      ['ids=', /ids must be 1 to 100 simulation ids/],
      ['ids=1,,2', /ids must be 1 to 100 simulation ids/],
      ['ids=a', /ids must be 1 to 100 simulation ids/],
      ['ids=0', /ids: 0 is not a simulation id/],
      ['ids=9999999999999999', /is not a simulation id/],
      [`ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, /at most 100/],
      [`ids=${ids[0]}&points=1`, /points must be an integer between 2 and 1000/],
      [`ids=${ids[0]}&metric=${encodeURIComponent('val"loss')}`, /metric must be a metric name/],
    ] as const) {
      const { body } = await stack.as(Role.Viewer).get(`/compare?${query}`).expect(400);
      expect(body.message).toMatch(message);
    }
  });

  it('counts an id given twice once', async () => {
    const { body } = await stack
      .as(Role.Viewer)
      .get(`/compare?ids=${ids[0]},${ids[0]}`)
      .expect(200);
    expect(body.runs).toHaveLength(1);
    expect(body.params).toEqual({ differing: [], shared: { lr: 0.1, optimizer: 'adam' } });
  });
});
