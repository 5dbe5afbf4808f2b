// `npm run bench:migration`: how long each migration since WideSimulationIds
// takes on a filled table, per million simulations (each with its attempt and
// a ten-point curve).
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { postgresOptions } from '@app/domain';
import { WideSimulationIds1795827600000 } from '../libs/domain/src/database/migrations/1795827600000-WideSimulationIds';
import { MIGRATIONS } from '../libs/domain/src/database/migrations';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

const MILLIONS = Number(process.env.BENCH_MIGRATION_MILLIONS ?? 1);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-migration-'));
  fs.chmodSync(dir, 0o755);
  const postgres = await services.startPostgres({
    dataDir: path.join(dir, 'postgres'),
    port: await services.freePort(),
  });
  const url = `${postgres.url}/postgres`;
  const timed = MIGRATIONS.slice(MIGRATIONS.indexOf(WideSimulationIds1795827600000));
  const before = MIGRATIONS.slice(0, MIGRATIONS.length - timed.length);
  const db = new DataSource({ ...postgresOptions({ url, poolSize: 2 }), migrations: before });
  try {
    await db.initialize();
    await db.runMigrations();
    const simulations = MILLIONS * 1_000_000;
    const seeded = Date.now();
    await db.query(`INSERT INTO machines (machine_id, name) VALUES (1, 'm')`);
    await db.query(
      `INSERT INTO simulations (simulation_id, name, machine_id, status, attempt)
       SELECT i, 'simulation ' || i, 1, 'finished', 1 FROM generate_series(1, $1::int) i`,
      [simulations],
    );
    await db.query(
      `INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, outcome)
       SELECT simulation_id, 1, 'w', 'finished' FROM simulations`,
    );
    await db.query(
      `INSERT INTO convergence_points (simulation_id, attempt, seq, seconds, loss, cum_loss, cum_seconds)
       SELECT s, 1, k - 1, 10 * k, 0.1, 0.1 * k, 10 * k FROM generate_series(1, $1::int) s, generate_series(1, 10) k`,
      [simulations],
    );
    await db.query(`VACUUM ANALYZE`);
    process.stdout.write(
      `seeded ${MILLIONS} M simulations, ${MILLIONS * 10} M points in ${((Date.now() - seeded) / 1000).toFixed(0)} s\n`,
    );
    for (const Migration of timed) {
      const migration = new Migration();
      const runner = db.createQueryRunner();
      const started = Date.now();
      await runner.startTransaction();
      await migration.up(runner);
      await runner.commitTransaction();
      await runner.release();
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `${migration.name}: ${seconds.toFixed(1)} s for ${MILLIONS} M simulations ` +
          `(${(seconds / MILLIONS).toFixed(1)} s per million, tables locked throughout)\n`,
      );
    }
  } finally {
    if (db.isInitialized) await db.destroy();
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
