import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ConvergencePointRepository, postgresOptions, RunReportRepository } from '@app/domain';
import { seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

/** Transactions of others holding PgBouncer's idle server connections, the last used first. */
const HELD_SERVERS = 4;

/**
 * A report opens its transaction with a named prepared statement. Through
 * PgBouncer in transaction mode (stock settings: no prepared statements
 * across its server connections) with prepared statements left on, a
 * transaction handed a server connection where the name was never prepared
 * is refused and aborted: the report must be stored anyway, once.
 */
describe('reports through PgBouncer in transaction mode, prepared statements left on', () => {
  let stack: E2eStack;
  /** One API process's database: one connection, so each report names the statement on it. */
  let database: DataSource;

  beforeAll(async () => {
    stack = await E2eStack.start({ pooler: { preparedStatements: true } });
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    database = new DataSource(
      postgresOptions({ url: stack.env.DATABASE_URL!, poolSize: 1, preparedStatements: true }),
    );
    await database.initialize();
  });

  afterAll(async () => {
    await database?.destroy();
    await stack.close();
  });

  it('stores a report whose named statement a server connection did not know', async () => {
    const { body } = await stack
      .as(Role.Operator)
      .post('/simulation', { name: 'pooled', machine_id: 101, program: 'external' })
      .expect(201);
    await stack.http
      .post(`/simulation/${body.id}/start`)
      .set('Authorization', `Bearer ${body.run_token}`)
      .expect(200);
    const reports = new RunReportRepository(
      database.manager,
      new ConvergencePointRepository(database.manager),
    );
    const report = (sequence: number) =>
      reports.report(
        { simulationId: body.id, attempt: 1 },
        {
          sequence,
          hash: `pooled ${sequence}`,
          points: Array.from({ length: 10 }, (_, k) => ({
            metric: 'loss',
            value: 1 / (sequence * 10 + k),
            step: sequence * 10 + k,
          })),
        },
      );
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    const refusals = () =>
      warnings.mock.calls.filter(([message]) =>
        /named prepared statements refused/.test(String(message)),
      ).length;
    // Names the statement on the server connection this transaction gets.
    await report(1);
    expect(refusals()).toBe(0);
    // That server connection (PgBouncer hands out the last used first) held by others:
    // the next report's transaction gets one where the name was never prepared.
    const held = await Promise.all(
      Array.from({ length: HELD_SERVERS }, async () => {
        const client = new Client({ connectionString: stack.env.DATABASE_URL });
        await client.connect();
        await client.query('BEGIN');
        await client.query('SELECT 1');
        return client;
      }),
    );
    try {
      expect(await report(2)).toMatchObject({ duplicate: false, points: 10 });
      expect(refusals()).toBe(1);
      expect(await report(3)).toMatchObject({ duplicate: false, points: 10 });
    } finally {
      for (const client of held) await client.end();
    }
    const [stored] = await stack.db.query(
      `SELECT (SELECT count(*)::int FROM convergence_points WHERE simulation_id = $1) AS points,
              (SELECT count(*)::int FROM run_batches WHERE simulation_id = $1) AS reports`,
      [body.id],
    );
    expect(stored).toEqual({ points: 30, reports: 3 });
  });
});
