// `npm run migrate`: applies pending migrations to DATABASE_URL and exits.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { postgresOptions } from './data-source-options';

async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:55432/aisimulation');
    process.exit(2);
  }
  const dataSource = new DataSource(postgresOptions({ url, poolSize: 1, applicationName: 'aisimulation-migrate' }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((migration) => migration.name);
    console.error(names.length ? `Applied migrations: ${names.join(', ')}` : 'Database schema is up to date.');
  } finally {
    await dataSource.destroy();
  }
}

migrate().catch((error: unknown) => {
  console.error('Migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
