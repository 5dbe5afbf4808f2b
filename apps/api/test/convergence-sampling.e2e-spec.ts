import {
  ConvergencePointRepository,
  seededUniform as random,
  SimulationStatus,
  SUMMARY_LEVELS,
} from '@app/domain';
import { seedCurve, seedMachine, seedSimulation } from '@app/domain/testing';
import { Role } from '@app/auth';
import { BLOCKS_PER_BUCKET, summaryLevelFor } from '../src/convergence/sampling/summary-level';
import { Point, ReferenceQuery, referenceSample } from '../../../test/curve-reference';
import { E2eStack } from '../../../test/e2e-stack';

/** Irregular gaps (sometimes tiny, sometimes huge) and a noisy decaying loss with rare spikes. */
function randomCurve(length: number, next: () => number): Point[] {
  const curve: Point[] = [];
  let seconds = next() * 2 + 1e-3;
  for (let i = 0; i < length; i++) {
    const spike = next() < 0.01 ? 1 + next() * 20 : 1;
    curve.push({ seconds, loss: (1 / Math.sqrt(seconds + 1) + next() * 0.05) * spike });
    seconds += next() < 0.05 ? next() * 500 : next() * 3 + 1e-6;
  }
  return curve;
}

interface ApiPoint extends Point {
  loss_min?: number;
  loss_max?: number;
}

/** A second metric of every run, written beside its loss: reads of one never see the other. */
const VAL_LOSS = { id: 1, name: 'val_loss' };

/** A named metric's point (`value`, `value_min`, `value_max`) in the contract's shape, to check both alike. */
function asLossPoint({ value, value_min, value_max, ...rest }: Record<string, number>): ApiPoint {
  return {
    ...rest,
    loss: value,
    ...(value_min !== undefined && { loss_min: value_min }),
    ...(value_max !== undefined && { loss_max: value_max }),
  } as ApiPoint;
}

describe('GET /converge/{id} and /simulation/{id}/metrics/{name} sampling, against a brute-force reference on random curves', () => {
  let stack: E2eStack;
  const curves = new Map<number, Point[]>();
  const valLosses = new Map<number, Point[]>();
  const SEED = Number(process.env.SAMPLING_SEED ?? Date.now() % 1_000_000);

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    const repository = stack.api.get(ConvergencePointRepository);
    const next = random(SEED);
    for (const length of [1, 2, 7, 150, 3_000, 30_000]) {
      const { simulation_id } = await seedSimulation(stack.db, {
        machine_id: 101,
        status: SimulationStatus.Running,
        attempt: 1,
      });
      const curve = randomCurve(length, next);
      await seedCurve(stack.db, repository, simulation_id, curve, 997);
      curves.set(simulation_id, curve);
      const valLoss = randomCurve(length + 1, next);
      await seedCurve(stack.db, repository, simulation_id, valLoss, 1_009, VAL_LOSS);
      valLosses.set(simulation_id, valLoss);
    }
    // Printed so that a failure can be replayed with the same curves and queries.
    // eslint-disable-next-line no-console
    console.log(`sampling property seed: SAMPLING_SEED=${SEED}`);
  }, 60_000);

  afterAll(() => stack.close());

  async function ask(id: number, query: Partial<ReferenceQuery>, metric?: string) {
    const parameters = new URLSearchParams(
      Object.entries(query).map(([key, value]) => [key, String(value)]),
    );
    const path =
      metric === undefined
        ? `/converge/${id}`
        : `/simulation/${id}/metrics/${encodeURIComponent(metric)}`;
    const response = await stack.as(Role.Viewer).get(`${path}?${parameters}`).expect(200);
    if (metric === undefined)
      return response.body as { data: ApiPoint[]; meta: Record<string, unknown> };
    expect(response.body.meta.metric).toBe(metric);
    return { data: response.body.data.map(asLossPoint), meta: response.body.meta };
  }

  function check(curve: Point[], query: ReferenceQuery, answer: { data: ApiPoint[]; meta: any }) {
    const reference = referenceSample(curve, query);
    const context = JSON.stringify(query);
    expect({ context, window: answer.meta.window_points }).toEqual({
      context,
      window: reference.windowPoints,
    });
    expect(answer.meta.downsampled).toBe(reference.downsampled);
    expect(answer.meta.total_points).toBe(curve.length);
    expect(answer.meta.returned_points).toBe(answer.data.length);
    if (!reference.downsampled) {
      const whole = reference.whole ?? [];
      const expected =
        query.agg === 'minmax'
          ? whole.map((p) => ({ ...p, loss_min: p.loss, loss_max: p.loss }))
          : whole;
      expect(answer.data).toEqual(expected);
      return;
    }
    const { first, last, buckets = [] } = reference;
    // The first and last point of the window are always there, as they are.
    expect(answer.data[0]).toMatchObject(first as Point);
    expect(answer.data[answer.data.length - 1]).toMatchObject({ seconds: last?.seconds });
    if (query.agg !== 'mean') expect(answer.data[answer.data.length - 1].loss).toBe(last?.loss);
    expect(answer.data.length).toBeLessThanOrEqual((query.points ?? 1_000) + 2);

    const representatives = answer.data.slice(1);
    const expectedBuckets = buckets.filter(
      (bucket, index) => !(index === 0 && bucket.points.length === 1),
    );
    if (query.agg === 'mean' && representatives.length > expectedBuckets.length) {
      // The window's last point follows the last bucket's mean.
      expect(representatives.pop()).toEqual(last);
    }
    expect(representatives).toHaveLength(expectedBuckets.length);
    expectedBuckets.forEach((bucket, index) => {
      const got = representatives[index];
      const lastInBucket = bucket.points[bucket.points.length - 1];
      if (query.agg === 'mean') {
        const count = bucket.points.length;
        const meanSeconds = bucket.points.reduce((sum, p) => sum + p.seconds, 0) / count;
        const meanLoss = bucket.points.reduce((sum, p) => sum + p.loss, 0) / count;
        expect(Math.abs(got.seconds - meanSeconds)).toBeLessThanOrEqual(1e-6 * meanSeconds + 1e-9);
        expect(Math.abs(got.loss - meanLoss)).toBeLessThanOrEqual(1e-9 * Math.max(1, meanLoss));
        return;
      }
      expect(got.seconds).toBe(lastInBucket.seconds);
      expect(got.loss).toBe(lastInBucket.loss);
      if (query.agg !== 'minmax') return;
      const losses = bucket.points.map((p) => p.loss);
      const trueMin = Math.min(...losses);
      const trueMax = Math.max(...losses);
      const level = summaryLevelFor(bucket.points.length);
      if (level === 0) {
        expect([got.loss_min, got.loss_max]).toEqual([trueMin, trueMax]);
        return;
      }
      // Read from summary blocks: bounds every point of the bucket, and reaches at
      // most one block (≤ 1/8 of the bucket) beyond either edge.
      const block = 8 ** level;
      expect(block * BLOCKS_PER_BUCKET).toBeLessThanOrEqual(bucket.points.length);
      const reach = curve
        .slice(Math.max(0, bucket.firstIndex - block), bucket.lastIndex + block + 1)
        .map((p) => p.loss);
      expect(got.loss_min).toBeLessThanOrEqual(trueMin);
      expect(got.loss_max).toBeGreaterThanOrEqual(trueMax);
      expect(got.loss_min).toBeGreaterThanOrEqual(Math.min(...reach));
      expect(got.loss_max).toBeLessThanOrEqual(Math.max(...reach));
    });
  }

  it('keeps first and last, buckets by the edges, and aggregates each bucket exactly as brute force does', async () => {
    const next = random(SEED + 1);
    const ids = [...curves.keys()];
    let asked = 0;
    for (let round = 0; round < 150; round++) {
      const id = ids[Math.floor(next() * ids.length)];
      const metric = next() < 0.5 ? undefined : VAL_LOSS.name;
      const curve = (metric === undefined ? curves : valLosses).get(id) as Point[];
      const span = curve[curve.length - 1].seconds;
      const query: ReferenceQuery = {
        scale: next() < 0.5 ? 'log' : 'linear',
        agg: (['last', 'mean', 'minmax'] as const)[Math.floor(next() * 3)],
      };
      if (next() < 0.8) query.points = 1 + Math.floor(next() ** 2 * 2_000);
      if (next() < 0.4) query.from = Math.round(next() * span * 1000) / 1000;
      if (next() < 0.4) query.to = Math.round(((query.from ?? 0) + next() * span) * 1000) / 1000;
      const answer = await ask(id, query, metric);
      check(curve, query, answer);
      asked++;
    }
    expect(asked).toBe(150);
  }, 120_000);

  it('reads bucket extremes from every summary level it writes', () => {
    // The longest random curve is long enough for buckets that use the summaries.
    expect(summaryLevelFor(30_000)).toBeGreaterThanOrEqual(3);
    expect(summaryLevelFor(8 ** SUMMARY_LEVELS * BLOCKS_PER_BUCKET)).toBe(SUMMARY_LEVELS);
  });

  it('samples a long curve into 1,000 log buckets by default and returns a short one whole', async () => {
    const [longId, longCurve] = [...curves.entries()].find(([, c]) => c.length === 30_000)!;
    const long = await ask(longId, {});
    expect(long.meta).toMatchObject({
      downsampled: true,
      buckets: 1000,
      scale: 'log',
      agg: 'last',
      total_points: 30_000,
    });
    check(longCurve, { scale: 'log', agg: 'last' }, long);

    const [shortId, shortCurve] = [...curves.entries()].find(([, c]) => c.length === 3_000)!;
    const short = await ask(shortId, {});
    expect(short.meta).toMatchObject({ downsampled: false, buckets: null, returned_points: 3000 });
    expect(short.data).toEqual(shortCurve);
  });

  it('refuses invalid parameters with a 400 naming them', async () => {
    const id = [...curves.keys()][0];
    const viewer = stack.as(Role.Viewer);
    const cases: Array<[string, string]> = [
      ['scale=cubic', 'scale must be one of: linear, log'],
      ['points=0', 'points must be an integer between 1 and 10000'],
      ['points=10001', 'points must be an integer between 1 and 10000'],
      ['points=2.5', 'points must be an integer between 1 and 10000'],
      ['points=', 'points must be an integer between 1 and 10000'],
      ['from=abc', 'from must be a number'],
      ['from=-1', 'from must not be negative'],
      ['to=1e999', 'to must be a number'],
      ['from=5&to=4', 'from must not be greater than to'],
      ['agg=median', 'agg must be one of: last, mean, minmax'],
      ['format=xml', 'format must be one of: json, csv, ndjson'],
      [
        'format=csv&points=10',
        'points cannot be combined with format=csv: exports hold every point',
      ],
      ['bucket=3', 'property bucket should not exist'],
    ];
    for (const [query, message] of cases) {
      const response = await viewer.get(`/converge/${id}?${query}`);
      expect({ query, status: response.status, message: response.body.message }).toEqual({
        query,
        status: 400,
        message,
      });
    }
  });
});
