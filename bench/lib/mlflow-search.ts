import { Client } from 'pg';

/**
 * Runs for MLflow's `runs/search`, seeded in SQL into its own tables (its
 * schema as of 2.10) in a new experiment: the same shape and spread as
 * scenario 11's (`seedSearch`): ten params, as MLflow keeps them (strings),
 * a tag, and the latest value of three metrics. Seeding through its API
 * took 520 s for 20,000 runs here; this takes seconds.
 */
export async function seedMlflowSearch(databaseUrl: string, runs: number): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const [{ id }] = (
      await db.query<{ id: string }>(
        `INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time)
         VALUES ('aisimulation-bench-search-' || md5(random()::text), '', 'active',
                 (extract(epoch FROM now()) * 1000)::bigint, (extract(epoch FROM now()) * 1000)::bigint)
         RETURNING experiment_id::text AS id`,
      )
    ).rows;
    const run = `md5($1::text || '-' || i)`;
    await db.query(
      `INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status,
                         start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id)
       SELECT ${run}, 'run ' || i, 'LOCAL', '', '', 'bench', 'FINISHED',
              (extract(epoch FROM now() - ($2 - i) * interval '1 second') * 1000)::bigint,
              (extract(epoch FROM now() - ($2 - i) * interval '1 second') * 1000)::bigint,
              '', 'active', '', $1::int
       FROM generate_series(1, $2::int) AS i`,
      [id, runs],
    );
    await db.query(
      `INSERT INTO params (key, value, run_uuid)
       SELECT p.key,
              CASE p.key WHEN 'lr' THEN power(10, -1 - 4 * random())::text
                         WHEN 'batch' THEN power(2, 4 + floor(random() * 6))::int::text
                         WHEN 'optimizer' THEN (ARRAY['adam', 'sgd', 'adamw', 'rmsprop'])[1 + i % 4]
                         WHEN 'dataset' THEN 'dataset-' || (i % 100)
                         WHEN 'augment' THEN (i % 2 = 0)::text
                         ELSE random()::text END,
              ${run}
       FROM generate_series(1, $2::int) AS i,
            unnest(ARRAY['lr', 'batch', 'dropout', 'momentum', 'decay', 'warmup', 'seed',
                         'optimizer', 'dataset', 'augment']) AS p(key)`,
      [id, runs],
    );
    await db.query(
      `INSERT INTO tags (key, value, run_uuid)
       SELECT 'team', 'team-' || (i % 10), ${run} FROM generate_series(1, $2::int) AS i`,
      [id, runs],
    );
    await db.query(
      `INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid)
       SELECT m.key, 0.05 + 2 * random(), 0, 99, false, ${run}
       FROM generate_series(1, $2::int) AS i,
            unnest(ARRAY['loss', 'val_loss', 'val_acc']) AS m(key)`,
      [id, runs],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE runs, params, tags, latest_metrics');
    return id;
  } finally {
    await db.end();
  }
}
