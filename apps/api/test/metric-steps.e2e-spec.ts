import { seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

/** A metric reported every 10 steps, four points a second: step order is time order. */
const STEPS = Array.from({ length: 3_000 }, (_, k) => ({
  metric: 'val_loss',
  value: 1 / (1 + k / 50) + (k % 7) / 100,
  seconds: (k + 1) / 4,
  step: k * 10,
}));

/** What sampling by step must answer, computed from every point: the bucket's last, min and max. */
function referenceBuckets(points: typeof STEPS, n: number) {
  const lo = points[0].step;
  const hi = points[points.length - 1].step;
  const edges = Array.from({ length: n + 1 }, (_, k) => lo + ((hi - lo) * k) / n);
  const buckets = [];
  for (let k = 0; k < n; k++) {
    const inside = points.filter(
      (point) =>
        point.step >= edges[k] && (k === n - 1 ? point.step <= hi : point.step < edges[k + 1]),
    );
    if (inside.length === 0) continue;
    const values = inside.map((point) => point.value);
    const last = inside[inside.length - 1];
    buckets.push({
      seconds: last.seconds,
      value: last.value,
      step: last.step,
      value_min: Math.min(...values),
      value_max: Math.max(...values),
    });
  }
  return buckets;
}

describe('a metric read by step (x=step)', () => {
  let stack: E2eStack;
  let id: number;
  const get = (path: string) => stack.as(Role.Viewer).get(path);

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    const created = await stack
      .as(Role.Operator)
      .post('/simulation', { name: 'by step', machine_id: 101, program: 'external' })
      .expect(201);
    id = created.body.id;
    const run = (path: string, body?: object) =>
      stack.http
        .post(`/simulation/${id}/${path}`)
        .set('Authorization', `Bearer ${created.body.run_token}`)
        .send(body)
        .expect(200);
    await run('start');
    // Two reports: by_step is kept across them. One metric gives no step once, one goes back,
    // one stays at a single step.
    await run('metrics', {
      sequence: 1,
      points: [
        ...STEPS.slice(0, 1_000),
        { metric: 'lr', value: 0.1, seconds: 1, step: 7 },
        { metric: 'lr', value: 0.1, seconds: 2, step: 7 },
        { metric: 'unstepped', value: 1, seconds: 1, step: 1 },
        { metric: 'unstepped', value: 1, seconds: 2 },
        { metric: 'rewound', value: 1, seconds: 1, step: 100 },
      ],
    });
    await run('metrics', {
      sequence: 2,
      points: [
        ...STEPS.slice(1_000),
        ...Array.from({ length: 18 }, (_, k) => ({
          metric: 'lr',
          value: 0.1 / (k + 2),
          seconds: k + 3,
          step: 7,
        })),
        { metric: 'rewound', value: 1, seconds: 2, step: 50 },
      ],
    });
  });

  afterAll(() => stack.close());

  it('says in each metric summary whether it can be read by step', async () => {
    const { body } = await get(`/simulation/${id}/metrics`).expect(200);
    const byStep = Object.fromEntries(
      body.map((metric: { name: string; by_step: boolean }) => [metric.name, metric.by_step]),
    );
    expect(byStep).toEqual({ val_loss: true, lr: true, unstepped: false, rewound: false });
  });

  it('samples into buckets of steps: each bucket its last point, exactly', async () => {
    const { body } = await get(
      `/simulation/${id}/metrics/val_loss?x=step&scale=linear&points=100`,
    ).expect(200);
    const expected = referenceBuckets(STEPS, 100).map(({ seconds, value, step }) => ({
      seconds,
      value,
      step,
    }));
    const first = { seconds: STEPS[0].seconds, value: STEPS[0].value, step: 0 };
    expect(body.data).toEqual([first, ...expected]);
    expect(body.meta).toMatchObject({
      metric: 'val_loss',
      x: 'step',
      downsampled: true,
      buckets: 100,
      window_points: 3_000,
    });
  });

  it('gives each bucket its lowest and highest value with agg=minmax', async () => {
    const { body } = await get(
      `/simulation/${id}/metrics/val_loss?x=step&scale=linear&points=100&agg=minmax`,
    ).expect(200);
    expect(body.data.slice(1)).toEqual(referenceBuckets(STEPS, 100));
  });

  it('spaces log buckets over step + 1, so the first steps get buckets of their own', async () => {
    const { body } = await get(`/simulation/${id}/metrics/val_loss?x=step&points=50`).expect(200);
    const steps = body.data.map((point: { step: number }) => point.step);
    expect(steps.slice(0, 4)).toEqual([0, 10, 20, 30]);
    expect(steps.at(-1)).toBe(29_990);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('takes from/to in steps, for JSON and for exports', async () => {
    const window = STEPS.filter((point) => point.step >= 95 && point.step <= 505);
    const { body } = await get(`/simulation/${id}/metrics/val_loss?x=step&from=95&to=505`).expect(
      200,
    );
    expect(body.data).toEqual(window.map(({ seconds, value, step }) => ({ seconds, value, step })));
    const csv = await get(`/simulation/${id}/metrics/val_loss?x=step&from=95&to=505&format=csv`)
      .buffer(true)
      .expect(200);
    expect(csv.text).toBe(
      'seconds,value,step\n' +
        window.map(({ seconds, value, step }) => `${seconds},${value},${step}\n`).join(''),
    );
    const none = await get(`/simulation/${id}/metrics/val_loss?x=step&from=31000`).expect(200);
    expect(none.body.data).toEqual([]);
  });

  it('samples a metric held at one step by seconds rather than failing', async () => {
    const { body } = await get(`/simulation/${id}/metrics/lr?x=step&points=5`).expect(200);
    expect(body.data[0]).toEqual({ seconds: 1, value: 0.1, step: 7 });
    expect(body.data.at(-1)).toEqual({ seconds: 20, value: 0.1 / 19, step: 7 });
    expect(body.meta).toMatchObject({ downsampled: true, x: 'step' });
  });

  it('refuses what cannot be read by step, and says why', async () => {
    for (const metric of ['unstepped', 'rewound']) {
      const { body } = await get(`/simulation/${id}/metrics/${metric}?x=step`).expect(409);
      expect(body.message).toContain(
        `metric "${metric}" of simulation ${id} cannot be read by step`,
      );
      // By seconds, as ever.
      await get(`/simulation/${id}/metrics/${metric}`).expect(200);
    }
    const mean = await get(`/simulation/${id}/metrics/val_loss?x=step&agg=mean`).expect(400);
    expect(mean.body.message).toContain('agg=mean is by seconds only');
    const axis = await get(`/simulation/${id}/metrics/val_loss?x=epoch`).expect(400);
    expect(axis.body.message).toContain('x must be one of: seconds, step');
    // The contract's curve has no axis to choose.
    const contract = await get(`/converge/${id}?x=step`).expect(400);
    expect(contract.body.message).toMatch(/\bx\b/);
  });
});
