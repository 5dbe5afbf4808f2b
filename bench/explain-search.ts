// One-off: the plans of scenario 11's searches at EXPLAIN_RUNS runs, 1,000,000 by default (not part of the bench).
import { postgresOptions, SqlParameters, filterCondition } from '@app/domain';
import { DataSource } from 'typeorm';
import { seedSearch } from './search-scenario';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

async function main() {
  const port = await services.freePort();
  const runs = Number(process.env.EXPLAIN_RUNS ?? 1_000_000);
  const pg = await services.startPostgres({ dataDir: `/tmp/pg-explain-${runs}`, port });
  const url = await services.ensureDatabase(pg.url, 'explain_search');
  const db = new DataSource(postgresOptions({ url, poolSize: 2 }));
  await db.initialize();
  await db.runMigrations();
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM simulations');
  if (n === 0) await seedSearch(db, runs);
  for (const filter of [
    "params.dataset = 'dataset-7' AND params.lr < 0.001",
    "params.optimizer = 'sgd' OR tags.team = 'team-3'",
  ]) {
    const parameters = new SqlParameters();
    const where = filterCondition(filter, parameters);
    for (const [label, sql] of [
      [
        'page',
        `SELECT * FROM simulations AS run WHERE ${where} ORDER BY creation_date, simulation_id LIMIT 51`,
      ],
      ['estimate', `SELECT 1 FROM simulations AS run WHERE ${where}`],
      [
        'count',
        `SELECT count(*) FROM (SELECT 1 FROM simulations AS run WHERE ${where} LIMIT 1001) AS b`,
      ],
    ]) {
      const plan = await db.query(
        `EXPLAIN (ANALYZE, COSTS, TIMING OFF, SUMMARY ON) ${sql}`,
        parameters.values,
      );
      process.stdout.write(
        `\n== ${filter} :: ${label}\n${plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}\n`,
      );
    }
  }
  await db.destroy();
  await pg.stop();
}
main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
