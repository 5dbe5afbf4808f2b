// `npm run migrate`: applies pending migrations to DATABASE_URL and exits.
// Connect it straight to Postgres, not through a pooler: it holds a session
// lock for as long as it runs.
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { postgresOptions } from './data-source-options';

/** One migrator at a time per database: a second one waits, then finds nothing to do. */
const MIGRATION_LOCK = `hashtext('aisimulation migrations')`;

async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      'migrate: DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:55432/aisimulation\n',
    );
    process.exit(2);
  }
  const lock = new Client({ connectionString: url, application_name: 'aisimulation-migrate-lock' });
  await lock.connect();
  const dataSource = new DataSource(
    postgresOptions({ url, poolSize: 1, applicationName: 'aisimulation-migrate' }),
  );
  try {
    const [{ locked }] = (
      await lock.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(${MIGRATION_LOCK}) AS locked`,
      )
    ).rows;
    if (!locked) {
      process.stderr.write('migrate: another migrator is running; waiting for it to finish\n');
      await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    }
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((migration) => migration.name);
    process.stderr.write(
      names.length ? `migrate: applied ${names.join(', ')}\n` : 'migrate: schema is up to date\n',
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    // Ending the session releases the lock.
    await lock.end();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(
    `migrate: failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
