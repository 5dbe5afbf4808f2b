import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A run's curve becomes one series per metric: `loss` (metric 0, the one the
 * emulator writes and the contract's curve is) and any others a run reports,
 * numbered from 1 in run_metrics as they first arrive.
 *
 * - `convergence_points` and `convergence_summaries` gain `metric_id`, in
 *   their keys before `seconds` and `level`: each series is still read by
 *   seconds along its own range of the key, so sampling costs what it did.
 * - `convergence_points.step`: the integer a client may give with a point
 *   (a training step); null where none was given.
 * - `convergence_points.cum_finite`: how many values up to the point were
 *   finite, once one was not (a run may report NaN or ±Infinity); null while
 *   all were, which readers count as seq + 1. Means divide by it.
 *
 * The loss column keeps its name: it holds each series' value (the contract's
 * one metric named it). Adding the columns rewrites nothing; the keys are
 * rebuilt, partition by partition (docs/development.md says how long per
 * million points).
 */
export class NamedMetrics1795852800000 implements MigrationInterface {
  name = 'NamedMetrics1795852800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    // The default fills existing rows without a rewrite; dropped, so every writer names its metric.
    await run(`
      ALTER TABLE convergence_points
        ADD COLUMN metric_id smallint NOT NULL DEFAULT 0,
        ADD COLUMN step bigint,
        ADD COLUMN cum_finite integer,
        ADD CONSTRAINT convergence_points_metric_id_not_negative CHECK (metric_id >= 0)`);
    await run(`ALTER TABLE convergence_points ALTER COLUMN metric_id DROP DEFAULT`);
    await run(`
      ALTER TABLE convergence_points
        DROP CONSTRAINT convergence_points_pkey,
        ADD PRIMARY KEY (simulation_id, attempt, curve_day, metric_id, seconds)`);
    await run(`
      ALTER TABLE convergence_summaries
        ADD COLUMN metric_id smallint NOT NULL DEFAULT 0,
        ADD CONSTRAINT convergence_summaries_metric_id_not_negative CHECK (metric_id >= 0)`);
    await run(`ALTER TABLE convergence_summaries ALTER COLUMN metric_id DROP DEFAULT`);
    await run(`
      ALTER TABLE convergence_summaries
        DROP CONSTRAINT convergence_summaries_pkey,
        ADD PRIMARY KEY (simulation_id, attempt, curve_day, metric_id, level, block)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    for (const table of ['convergence_points', 'convergence_summaries'])
      await run(`DELETE FROM ${table} WHERE metric_id <> 0`);
    await run(`
      ALTER TABLE convergence_summaries
        DROP CONSTRAINT convergence_summaries_pkey,
        ADD PRIMARY KEY (simulation_id, attempt, curve_day, level, block),
        DROP COLUMN metric_id`);
    await run(`
      ALTER TABLE convergence_points
        DROP CONSTRAINT convergence_points_pkey,
        ADD PRIMARY KEY (simulation_id, attempt, curve_day, seconds),
        DROP COLUMN metric_id,
        DROP COLUMN step,
        DROP COLUMN cum_finite`);
    await run(`DELETE FROM run_metrics WHERE metric_id <> 0`);
  }
}
