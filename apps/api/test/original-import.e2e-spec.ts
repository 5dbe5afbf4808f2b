import { OriginalImport } from '@app/domain';
import { seedMachine } from '@app/domain/testing';
import { Client } from 'pg';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';
import { runTsScript } from '../../../test/ts-script';

/** `npm run import:original -- --from <from>` into `databaseUrl`, as a process of its own. */
const importCli = (from: string, databaseUrl: string) =>
  runTsScript('scripts/import-original.ts', ['--from', from], { DATABASE_URL: databaseUrl });

/** A database of its own for the original service's tables. */
async function createDatabase(server: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return `${server}/${name}`;
}

/** The original service's schema, as SQLAlchemy made it, with awkward rows in it. */
async function fillOriginal(db: Client): Promise<void> {
  await db.query(`
    DROP TABLE IF EXISTS machines, simulations, convergence_data;
    CREATE TABLE machines (id serial PRIMARY KEY, name varchar);
    CREATE TABLE simulations (
      id serial PRIMARY KEY, name varchar, machine_id integer, status varchar,
      creation_date timestamp without time zone, update_date timestamp without time zone);
    CREATE TABLE convergence_data (
      id serial PRIMARY KEY, simulation_id integer, seconds double precision, loss double precision);
    INSERT INTO machines (id, name) VALUES (101, 'Machine A'), (102, ''), (103, repeat('m', 300)), (-5, 'bad id');
    INSERT INTO simulations (id, name, machine_id, status, creation_date, update_date) VALUES
      (1, 'Sample Simulation', 101, 'finished', '2024-03-05 14:30:00', '2024-03-05 15:00:00'),
      (2, 'waiting', 102, 'pending', '2024-03-06 10:00:00', '2024-03-06 10:00:00'),
      (3, 'was running', 103, 'running', '2024-03-06 11:00:00', '2024-03-06 11:00:05'),
      (4, '   ', 999, 'finished', '2024-03-07 09:00:00', NULL),
      (5, 'odd', 101, 'archived', '2024-03-07 10:00:00', '2024-03-07 10:01:00'),
      (7, repeat('n', 400), 101, 'finished', '2024-03-08 08:00:00', '2024-03-08 08:10:00'),
      (8, 'no machine id', NULL, 'finished', '2024-03-08 09:00:00', '2024-03-08 09:00:00');
    -- Simulation 1: the documented ten points, one second value twice (the later row wins),
    -- and a point at 0 s that a logarithmic axis cannot hold.
    INSERT INTO convergence_data (simulation_id, seconds, loss) VALUES
      (1, 0, 0.9), (1, 10, 0.042), (1, 20, 0.5), (1, 20, 0.033), (1, 30, 0.029), (1, 40, 0.027),
      (1, 50, 0.025), (1, 60, 0.024), (1, 70, 0.023), (1, 80, 0.023), (1, 90, 0.022), (1, 100, 0.022),
      (3, 10, 0.04);
    INSERT INTO convergence_data (simulation_id, seconds, loss)
      SELECT 7, i, 1 + sin(i) FROM generate_series(1, 1000) AS i;`);
}

describe('npm run import:original', () => {
  let stack: E2eStack;
  let source: Client;
  let sourceUrl: string;
  const server = () => stack.connections.databaseUrl.replace(/\/[^/]+$/, '');
  const importer = () => new OriginalImport(source, stack.db.manager);

  beforeAll(async () => {
    stack = await E2eStack.start();
    sourceUrl = await createDatabase(server(), `original_test_w${process.env.JEST_WORKER_ID ?? 1}`);
    source = new Client({ connectionString: sourceUrl });
    await source.connect();
  });

  beforeEach(async () => {
    await stack.reset();
    await fillOriginal(source);
  });

  afterAll(async () => {
    await source.end();
    await stack.close();
  });

  it('brings everything across with ids and dates kept, and decides the awkward rows', async () => {
    const summary = await importer().run();
    expect(summary).toEqual({
      machines: { imported: 3, alreadyPresent: 0, madeUp: 1, skipped: 1 },
      simulations: {
        imported: { finished: 3, pending: 2, failed: 1 },
        runningRequeued: 1,
        alreadyPresent: 0,
        skipped: 1,
        namesFixed: 2,
      },
      points: { imported: 1010, duplicatesDropped: 1, unusableDropped: 1 },
    });
    const viewer = stack.as(Role.Viewer);
    const first = await stack.simulation(1);
    expect(first).toMatchObject({
      simulation_id: 1,
      name: 'Sample Simulation',
      machine_id: 101,
      status: 'finished',
      creation_date: '2024-03-05T14:30:00.000Z',
      update_date: '2024-03-05T15:00:00.000Z',
      attempt: 1,
    });
    const curve = (await viewer.get('/converge/1').expect(200)).body;
    expect(curve.data.map((p: { loss: number }) => p.loss)).toEqual([
      0.042, 0.033, 0.029, 0.027, 0.025, 0.024, 0.023, 0.023, 0.022, 0.022,
    ]);
    // Pending and running wait for one of our workers, from the start.
    expect(await stack.simulation(2)).toMatchObject({ status: 'pending', attempt: 0 });
    expect(await stack.simulation(3)).toMatchObject({ status: 'pending', attempt: 0 });
    expect((await viewer.get('/converge/3').expect(200)).body.data).toEqual([]);
    expect(await stack.simulation(4)).toMatchObject({ name: '(unnamed)', machine_id: 999 });
    expect(await stack.simulation(5)).toMatchObject({
      status: 'failed',
      failure_reason: 'imported from the original service with status "archived"',
    });
    expect((await stack.simulation(7)).name).toBe('n'.repeat(255));
    await viewer.get('/simulation/8').expect(404);
    const machines = (await viewer.get('/machines').expect(200)).body;
    expect(
      machines.map((m: { machine_id: number; name: string }) => [m.machine_id, m.name.length]),
    ).toEqual([
      [101, 9],
      [102, 11],
      [103, 255],
      [999, 11],
    ]);

    // The 1,000-point curve samples and exports like one our workers wrote.
    const losses = Array.from({ length: 1000 }, (_, i) => 1 + Math.sin(i + 1));
    const sampled = (await viewer.get('/converge/7?points=20&agg=minmax&scale=linear').expect(200))
      .body;
    expect(sampled.meta).toMatchObject({ downsampled: true, total_points: 1000 });
    const lows = sampled.data.map((p: { loss_min: number }) => p.loss_min);
    const highs = sampled.data.map((p: { loss_max: number }) => p.loss_max);
    expect(Math.min(...lows)).toBeCloseTo(Math.min(...losses), 12);
    expect(Math.max(...highs)).toBeCloseTo(Math.max(...losses), 12);
    const csv = (await viewer.get('/converge/7?format=csv').expect(200)).text;
    expect(csv.trim().split('\n')).toHaveLength(1001);
    // And its loss summary is searchable like one our workers wrote.
    const [loss] = await stack.db.query(
      `SELECT count, min_value, max_value, last_value FROM run_metrics WHERE simulation_id = 7`,
    );
    expect(loss.count).toBe(1000);
    expect(loss.min_value).toBeCloseTo(Math.min(...losses), 12);
    expect(loss.max_value).toBeCloseTo(Math.max(...losses), 12);
    expect(loss.last_value).toBeCloseTo(losses[999], 12);
    const found = await viewer
      .get(`/simulations?filter=${encodeURIComponent('metrics.loss.count = 1000')}`)
      .expect(200);
    expect(found.body.map((row: { simulation_id: number }) => row.simulation_id)).toEqual([7]);

    // Generated ids start past the imported ones.
    const created = await stack
      .as(Role.Operator)
      .post('/simulation', { name: 'new', machine_id: 101 })
      .expect(201);
    expect(created.body.id).toBe(8);
  });

  it("moves the id generator past the imported ids only, not past a client's largest id", async () => {
    await seedMachine(stack.db, { machine_id: 101 });
    const operator = stack.as(Role.Operator);
    const top = { name: 'top', machine_id: 101, simulation_id: Number.MAX_SAFE_INTEGER };
    await operator.post('/simulation', top).expect(201);
    await importer().run();
    const created = await operator.post('/simulation', { name: 'new', machine_id: 101 });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe(8);
  });

  it('changes nothing the second time, and says so', async () => {
    await importer().run();
    const before = await stack.db.query(
      `SELECT count(*)::int AS n, sum(loss) AS losses FROM convergence_points`,
    );
    const again = await importer().run();
    expect(again.simulations).toMatchObject({
      alreadyPresent: 6,
      skipped: 1,
      imported: { finished: 0, pending: 0, failed: 0 },
    });
    expect(again.machines).toMatchObject({ imported: 0, alreadyPresent: 3, madeUp: 0 });
    expect(
      await stack.db.query(
        `SELECT count(*)::int AS n, sum(loss) AS losses FROM convergence_points`,
      ),
    ).toEqual(before);
    const cli = await importCli(sourceUrl, stack.connections.databaseUrl);
    expect(cli.stdout.trim()).toBe(
      'nothing to import: 6 simulation(s) and 3 machine(s) are already here; 1 skipped (ids out of range)',
    );
  });

  it('resumes an interrupted import where it stopped, to the same end state', async () => {
    const partial = await importer().run({ batchSize: 2, maxBatches: 2 });
    expect(partial.simulations.imported).toEqual({ finished: 2, pending: 2, failed: 0 });
    await importer().run({ batchSize: 2 });
    const state = async () =>
      stack.db.query(
        `SELECT s.simulation_id, s.status, s.attempt, count(p.*)::int AS points, round(sum(p.cum_loss)::numeric, 9)::float8 AS sums,
                (SELECT count(*)::int FROM convergence_summaries c WHERE c.simulation_id = s.simulation_id) AS cells
         FROM simulations s LEFT JOIN convergence_points p ON p.simulation_id = s.simulation_id
         GROUP BY s.simulation_id ORDER BY s.simulation_id`,
      );
    const resumed = await state();
    await stack.reset();
    await importer().run();
    expect(resumed).toEqual(await state());
    expect(
      resumed.find((row: { simulation_id: number }) => row.simulation_id === 7).cells,
    ).toBeGreaterThan(0);
  });

  it("refuses a database that is not the original service's, naming what is missing", async () => {
    const ours = stack.connections.databaseUrl;
    const failed = await importCli(ours, ours).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(
      "import:original: this is not the original service's database: missing",
    );
    expect(failed?.stderr).toContain('column machines.id');
    expect(failed?.stderr).toContain('table convergence_data');
  });
});
