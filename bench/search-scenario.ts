/**
 * Scenario 11, search at scale: the same searches against 10,000 runs and
 * 1,000,000 (each with 10 params, 3 metric summaries and a tag, seeded in
 * SQL), side by side in one run; and the first search against today's plain
 * list at 10,000. The runs' values are spread alike at every size, so a
 * filter matches the same share of each. With an MLflow server to compare
 * (docs/performance.md), one search at 20,000 runs each against its
 * runs/search.
 */
import { postgresOptions } from '@app/domain';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import type { HistoryContext } from './history-scenario';
import { type BenchRow, failuresOf, type PairOutcome, type Side } from './lib/load';
import { seedMlflowSearch } from './lib/mlflow-search';

const SEARCH_SMALL = 10_000;
const SEARCH_LARGE = 1_000_000;
const SEARCH_TARGET = 'p50 ≤ 1.5×, p99 ≤ 2×';
const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

/** The searches, as the issue names them: a selective params filter, a metric range sorted by a metric summary, an OR. */
const SEARCHES: Array<{ label: string; query: string }> = [
  {
    label: 'a selective params filter',
    query: `filter=${encodeURIComponent("params.dataset = 'dataset-7' AND params.lr < 0.001")}&limit=50`,
  },
  {
    label: 'a metric range sorted by a metric summary',
    query: `filter=${encodeURIComponent('metrics.val_loss.min < 0.3')}&order_by=metrics.val_loss.min&limit=50`,
  },
  {
    label: 'an OR',
    query: `filter=${encodeURIComponent("params.optimizer = 'sgd' OR tags.team = 'team-3'")}&order_by=update_date&order=desc&limit=50`,
  },
];

/**
 * One search both can answer, as each says it: MLflow compares params as
 * strings only (= and LIKE), filters on a metric's latest value and ANDs
 * terms; first page of 50, best first; over 20,000 runs each, the number
 * MLflow was first measured at here.
 */
const MLFLOW_SEARCH = {
  runs: 20_000,
  ours: `filter=${encodeURIComponent("params.dataset = 'dataset-7' AND metrics.val_loss.last < 0.3")}&order_by=metrics.val_loss.last&limit=50`,
  theirs: {
    filter: "params.dataset = 'dataset-7' and metrics.val_loss < 0.3",
    order_by: ['metrics.val_loss ASC'],
    max_results: 50,
    run_view_type: 'ACTIVE_ONLY',
  },
};

interface Size {
  label: string;
  /** Its database's name on the server. */
  database: string;
  db: DataSource;
  url: string;
  process: Side['process'];
}

/** Runs with params, tags and metric summaries, seeded in SQL in one pass per table. */
export async function seedSearch(db: DataSource, runs: number): Promise<void> {
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query(`INSERT INTO machines (machine_id, name) VALUES (1, 'Machine 1')`);
  await db.query(
    `INSERT INTO simulations (simulation_id, name, machine_id, status, attempt, creation_date, update_date)
     SELECT i, 'run ' || i, 1, 'finished', 1,
            now() - ($1 - i) * interval '1 second', now() - ($1 - i) * interval '1 second'
     FROM generate_series(1, $1::int) AS i`,
    [runs],
  );
  await db.query(`SELECT setval('simulations_simulation_id_seq', $1)`, [runs]);
  // Numbers (lr log-uniform over 1e-5…1e-1, batch a power of two, five uniform), two strings, a flag.
  await db.query(
    `INSERT INTO run_params (simulation_id, key, creation_date, number, text, flag)
     SELECT i, p.key, now() - ($1 - i) * interval '1 second',
            CASE p.key WHEN 'lr' THEN power(10, -1 - 4 * random())
                       WHEN 'batch' THEN power(2, 4 + floor(random() * 6))
                       WHEN 'optimizer' THEN NULL WHEN 'dataset' THEN NULL WHEN 'augment' THEN NULL
                       ELSE random() END,
            CASE p.key WHEN 'optimizer' THEN (ARRAY['adam', 'sgd', 'adamw', 'rmsprop'])[1 + i % 4]
                       WHEN 'dataset' THEN 'dataset-' || (i % 100) END,
            CASE p.key WHEN 'augment' THEN i % 2 = 0 END
     FROM generate_series(1, $1::int) AS i,
          unnest(ARRAY['lr', 'batch', 'dropout', 'momentum', 'decay', 'warmup', 'seed',
                       'optimizer', 'dataset', 'augment']) AS p(key)`,
    [runs],
  );
  await db.query(
    `INSERT INTO run_tags (simulation_id, key, creation_date, value)
     SELECT i, 'team', now() - ($1 - i) * interval '1 second', 'team-' || (i % 10)
     FROM generate_series(1, $1::int) AS i`,
    [runs],
  );
  await db.query(
    `INSERT INTO run_metrics (simulation_id, attempt, metric_id, name, count, last_value,
                              last_seconds, min_value, min_seconds, max_value)
     SELECT i, 1, m.id, m.name, 100, v.low + 0.05, 100, v.low, 60, 3
     FROM generate_series(1, $1::int) AS i,
          (VALUES (0, 'loss'), (1, 'val_loss'), (2, 'val_acc')) AS m(id, name),
          LATERAL (SELECT 0.05 + 2 * random() + m.id * 0 AS low) AS v`,
    [runs],
  );
  await db.query('VACUUM ANALYZE simulations, run_params, run_tags, run_metrics');
}

export async function searchScenario(
  context: HistoryContext,
): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const { log } = context;
  const rows: BenchRow[] = [];
  const results: Record<string, unknown> = {};
  const sizes: Size[] = [];
  try {
    const seeded = async (runs: number): Promise<Size> => {
      const label = runs.toLocaleString('en');
      log(`\n11. search: seeding ${label} runs (10 params, 3 metrics, a tag each) …`);
      const database = `aisimulation_search_${runs}`;
      const url = await context.ensureDatabase(context.serverUrl, database);
      const db = new DataSource(postgresOptions({ url, poolSize: 4 }));
      await db.initialize();
      await db.runMigrations();
      const started = performance.now();
      await seedSearch(db, runs);
      log(`    seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const api = await context.startApi(`api-search-${runs}`, url);
      const size = { label, database, db, ...api };
      sizes.push(size);
      return size;
    };
    const large = await seeded(SEARCH_LARGE);
    const small = await seeded(SEARCH_SMALL);
    const side = (size: Size, path: string): Side => ({
      name: `${size.label} runs`,
      url: size.url,
      request: { path: () => path, headers: { authorization: context.authorization } },
      process: size.process,
    });
    const outcomes: Record<string, PairOutcome> = {};
    for (const { label, query } of SEARCHES) {
      const path = `/simulations?${query}`;
      log(
        `\n11. ${label}: \`GET ${decodeURIComponent(path)}\`, ${large.label} vs ${small.label} runs`,
      );
      context.settleOn(large.db);
      const outcome = await context.pair(side(large, path), side(small, path));
      const p50Ratio = ratio(outcome.a.p50, outcome.b.p50);
      log(`   ${context.describe(outcome)}`);
      outcomes[label] = outcome;
      rows.push({
        scenario: `11. search, ${label}`,
        a: `${large.label} runs`,
        b: small.label,
        figures: context.describe(outcome),
        ratio: `p50 ${p50Ratio}×, p99 ${outcome.p99Ratio}×`,
        target: SEARCH_TARGET,
        holds: p50Ratio <= 1.5 && outcome.p99Ratio <= 2,
      });
    }
    const plain = '/simulations?limit=50';
    const first = `/simulations?${SEARCHES[0].query}`;
    log(`\n11. a search against today's plain list, both at ${small.label} runs`);
    context.settleOn(small.db);
    const against = await context.pair(side(small, first), side(small, plain));
    log(`   ${context.describe(against)}`);
    outcomes.againstPlainList = against;
    rows.push({
      scenario: '11. search (a selective params filter) vs the plain list',
      a: `search at ${small.label}`,
      b: `plain list at ${small.label}`,
      figures: context.describe(against),
      ratio: `${against.rpsRatio}× req/s`,
      target: 'req/s ≥ 0.6×',
      holds: against.rpsRatio >= 0.6,
    });
    const mlflow = process.env.BENCH_MLFLOW_URL;
    const mlflowDatabase = process.env.BENCH_MLFLOW_DATABASE_URL;
    if (mlflow && mlflowDatabase) {
      const same = await seeded(MLFLOW_SEARCH.runs);
      log(`\n11. a params-and-metric search vs MLflow runs/search, both at ${same.label} runs`);
      const experiment = await seedMlflowSearch(mlflowDatabase, MLFLOW_SEARCH.runs);
      context.settleOn(same.db);
      const theirs = await context.pair(side(same, `/simulations?${MLFLOW_SEARCH.ours}`), {
        name: 'MLflow',
        url: mlflow,
        failuresMeasured: true,
        request: {
          method: 'POST',
          path: () => '/api/2.0/mlflow/runs/search',
          body: () => JSON.stringify({ experiment_ids: [experiment], ...MLFLOW_SEARCH.theirs }),
        },
      });
      const figures = context.describe(theirs) + failuresOf('MLflow', theirs.b.rounds);
      log(`   ${figures}`);
      outcomes.againstMlflow = theirs;
      rows.push({
        scenario: '11. a params-and-metric search vs MLflow',
        a: `search at ${same.label}`,
        b: `MLflow \`runs/search\` at ${same.label}`,
        figures,
        ratio: `${theirs.rpsRatio}× req/s`,
        target: 'req/s ≥ 20×',
        holds: theirs.rpsRatio >= 20,
      });
    } else
      log(
        '\n11. MLflow: not measured (BENCH_MLFLOW_URL and BENCH_MLFLOW_DATABASE_URL name no running MLflow server and its database)',
      );
    results.search = outcomes;
    return { rows, results };
  } finally {
    for (const size of sizes) {
      await size.process?.stop();
      await size.db.destroy();
      // As scenario 10's: the later scenarios measure without this one's gigabytes beside them.
      await context.dropDatabase(context.serverUrl, size.database);
    }
  }
}
