// `npm run migrate`: applies pending migrations to DATABASE_URL and exits.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { postgresOptions } from './data-source-options';

async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      'migrate: DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:55432/aisimulation\n',
    );
    process.exit(2);
  }
  const dataSource = new DataSource(
    postgresOptions({ url, poolSize: 1, applicationName: 'aisimulation-migrate' }),
  );
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((migration) => migration.name);
    process.stderr.write(
      names.length ? `migrate: applied ${names.join(', ')}\n` : 'migrate: schema is up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  process.stderr.write(
    `migrate: failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
