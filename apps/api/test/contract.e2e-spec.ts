import { postgresOptions } from '@app/domain';
import { DataSource } from 'typeorm';
import { Role } from '@app/auth';
import { E2eStack, eventually } from '../../../test/e2e-stack';
import { CONTRACT_BODY, DOCUMENTED_CURVE } from '../../../test/original-contract';

/**
 * Straight to Postgres, and through Debian's PgBouncer in transaction mode
 * (as CloudNativePG's Pooler and managed poolers run) with the stock
 * settings: prepared statements off as docs/configuration.md says to run it there, and
 * left on, when the first refused statement turns them off.
 */
const CONNECTIONS = [
  ['straight to Postgres', {}],
  ['through PgBouncer in transaction mode', { pooler: { preparedStatements: false } }],
  [
    'through PgBouncer, DATABASE_PREPARED_STATEMENTS left on',
    { pooler: { preparedStatements: true } },
  ],
] as const;

describe.each(CONNECTIONS)('the original service contract, end to end, %s', (_, options) => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start(options);
  });

  beforeEach(() => stack.reset());
  afterEach(() => stack.stopWorkers());
  afterAll(() => stack.close());

  it('accepts the documented POST verbatim, answers at once, and runs it pending → running → finished', async () => {
    const operator = stack.as(Role.Operator);
    const startedAt = Date.now();
    const created = await operator
      .post('/simulation')
      .set('Content-Type', 'application/json')
      .send(CONTRACT_BODY)
      .expect(201);
    const answeredInMs = Date.now() - startedAt;

    expect(created.body).toEqual({ id: 1, status: 'pending' });
    expect(created.headers.location).toBe('/simulation/1');
    // The work happens in the worker, so the request does not wait for it.
    expect(answeredInMs).toBeLessThan(2_000);

    const pending = await operator.get('/simulation/1').expect(200);
    expect(pending.body).toMatchObject({
      simulation_id: 1,
      name: 'Sample Simulation',
      machine_id: 101,
      status: 'pending',
    });
    // The server owns timestamps: the client's 2024 dates were ignored.
    expect(new Date(pending.body.creation_date).getTime()).toBeGreaterThanOrEqual(
      startedAt - 1_000,
    );

    const machines = await operator.get('/machines').expect(200);
    expect(machines.body).toEqual([
      expect.objectContaining({ machine_id: 101, name: 'Machine A' }),
    ]);

    await stack.startWorker({ tickMs: 100 });
    const statuses = new Set<string>();
    const finished = await eventually(
      async () => {
        const { body } = await operator.get('/simulation/1').expect(200);
        statuses.add(body.status);
        return body.status === 'finished' ? body : undefined;
      },
      { what: 'simulation 1 to finish', intervalMs: 20 },
    );

    expect(statuses.has('running')).toBe(true);
    expect(new Date(finished.update_date).getTime()).toBeGreaterThan(
      new Date(finished.creation_date).getTime(),
    );
    // The contract's fields, all there; the lifecycle fields come on top.
    expect(Object.keys(finished)).toEqual(
      expect.arrayContaining([
        'simulation_id',
        'name',
        'machine_id',
        'status',
        'creation_date',
        'update_date',
      ]),
    );
    expect(finished).toMatchObject({ attempt: 1, max_attempts: 3 });
    expect(finished.attempts).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'finished', reason: null }),
    ]);

    const curve = await operator.get('/converge/1').expect(200);
    expect(curve.body.data).toEqual(DOCUMENTED_CURVE);
    expect(curve.body.meta).toMatchObject({
      attempt: 1,
      status: 'finished',
      total_points: 10,
      returned_points: 10,
      downsampled: false,
    });
  });

  it('serves the curve written so far while the run is in progress', async () => {
    const operator = stack.as(Role.Operator);
    await operator
      .post('/simulation', { name: 'slow', machine: { machine_id: 7, name: 'M7' } })
      .expect(201);
    await stack.startWorker({ tickMs: 300 });

    const partial = await eventually(
      async () => {
        const [simulation, curve] = await Promise.all([
          operator.get('/simulation/1').expect(200),
          operator.get('/converge/1').expect(200),
        ]);
        const points = curve.body.data.length;
        return simulation.body.status === 'running' && points >= 2 && points < 10
          ? curve.body.data
          : undefined;
      },
      { what: 'a partial curve while running' },
    );

    expect(partial).toEqual(DOCUMENTED_CURVE.slice(0, partial.length));
  });

  it('gives the app’s sessions JIT off and SSD page costs from the database’s settings, sending no startup options', async () => {
    const db = new DataSource(
      postgresOptions({
        url: stack.env.DATABASE_URL!,
        poolSize: 1,
        preparedStatements: stack.env.DATABASE_PREPARED_STATEMENTS !== 'false',
      }),
    );
    await db.initialize();
    try {
      expect((db.options as { extra: Record<string, unknown> }).extra.options).toBeUndefined();
      expect(await db.query('SHOW jit')).toEqual([{ jit: 'off' }]);
      expect(await db.query('SHOW random_page_cost')).toEqual([{ random_page_cost: '1.1' }]);
    } finally {
      await db.destroy();
    }
  });

  it('serves one simulation at /simulation/{id} and at the plural alias /simulations/{id}', async () => {
    const operator = stack.as(Role.Operator);
    await operator
      .post('/simulation', {
        simulation_id: 42,
        name: 'alias',
        machine: { machine_id: 3, name: 'M3' },
      })
      .expect(201);

    const singular = await operator.get('/simulation/42').expect(200);
    const plural = await operator.get('/simulations/42').expect(200);
    expect(plural.body).toEqual(singular.body);
    expect(singular.body.simulation_id).toBe(42);
  });

  it('returns an empty curve for a simulation that has not started, and 404 for an unknown one', async () => {
    const operator = stack.as(Role.Operator);
    await operator
      .post('/simulation', { name: 'waiting', machine: { machine_id: 5, name: 'M5' } })
      .expect(201);

    const empty = await operator.get('/converge/1').expect(200);
    expect(empty.body.data).toEqual([]);
    expect(empty.body.meta).toMatchObject({
      status: 'pending',
      total_points: 0,
      returned_points: 0,
    });
    const missing = await operator.get('/converge/99').expect(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'simulation 99 not found',
    });
  });
});
