import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { postgresOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { eventually } from '../../../test/e2e-stack';
import { ENV } from '../../../test/test-services';
import { runTsScript } from '../../../test/ts-script';

/** `npm run migrate` against `databaseUrl`, as a process of its own. */
const migrateCli = (databaseUrl: string) =>
  runTsScript('libs/domain/src/database/migrate.ts', [], { DATABASE_URL: databaseUrl });

describe('npm run migrate', () => {
  const server = process.env[ENV.postgresServer] as string;
  const name = `aisimulation_test_migrate_${process.env.JEST_WORKER_ID ?? 1}`;
  const databaseUrl = `${server}/${name}`;
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: `${server}/postgres` });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('lets two migrators run at once: one migrates, the other waits for it and finds nothing to do', async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    // The migrations before PartitionedCurves applied: it alters simulations, which the holder locks.
    const altersSimulations = MIGRATIONS.findIndex(
      (migration) => new migration().name === 'PartitionedCurves1795834800000',
    );
    const earlier = new DataSource({
      ...postgresOptions({ url: databaseUrl, poolSize: 1 }),
      migrations: MIGRATIONS.slice(0, altersSimulations),
    });
    await earlier.initialize();
    await earlier.runMigrations();
    await earlier.destroy();

    // Hold simulations until both migrators wait, so their runs overlap whatever their start-up times.
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE simulations IN ACCESS EXCLUSIVE MODE');
    const both = Promise.all([migrateCli(databaseUrl), migrateCli(databaseUrl)]);
    await eventually(
      async () => {
        // Not on the holder's connection: inside its transaction the view would not change.
        const { rows } = await admin.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
           WHERE datname = $1 AND application_name LIKE 'aisimulation-migrate%' AND wait_event_type = 'Lock'`,
          [name],
        );
        return rows[0].waiting === 2 ? true : undefined;
      },
      { what: 'both migrators to wait', timeoutMs: 30_000 },
    );
    await holder.query('COMMIT');
    await holder.end();
    const outcomes = await both;

    const said = outcomes.map(({ stderr }) => stderr);
    expect(said.filter((text) => text.includes('migrate: applied '))).toHaveLength(1);
    expect(said.filter((text) => text.includes('migrate: schema is up to date'))).toHaveLength(1);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(`SELECT name FROM schema_migrations ORDER BY id`);
    await db.end();
    expect(rows.map((row) => row.name)).toEqual(
      MIGRATIONS.map((migration) => new migration().name),
    );
  });
});
