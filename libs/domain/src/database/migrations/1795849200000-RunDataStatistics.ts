import { MigrationInterface, QueryRunner } from 'typeorm';

const METRIC_SUMMARIES = ['last', 'min', 'max'];

/**
 * Statistics that see one key at a time, so the planner knows how many runs
 * a filter on run data matches and picks a plan to match.
 *
 * Postgres keeps one histogram per column. A number column shared by every
 * param key mixes them all (`lr` in 1e-5…1e-1 with `batch` in 16…512), and a
 * condition on a key and a value is estimated as if the two were unrelated:
 * at 1,000,000 runs `params.lr < 0.001` was estimated at a tenth of what it
 * matches, and the plan built from that read every match of the other side
 * into a hash. A number is therefore indexed as one value of a composite type,
 * `(key, number)`: ANALYZE keeps a histogram of that expression, ordered by
 * key then number, in which a range within one key is a range of buckets.
 * The index orders by it too, so a sort by a param or a metric summary still
 * walks an index. It is not partial: Postgres uses an index expression's
 * statistics only when the index is not.
 *
 * Strings, flags and tag values are compared for equality, which a
 * most-common-values list over (key, value) answers per key.
 */
export class RunDataStatistics1795849200000 implements MigrationInterface {
  name = 'RunDataStatistics1795849200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    await run(`CREATE TYPE run_number_point AS (key text COLLATE "C", number double precision)`);
    await run(`DROP INDEX run_params_by_number`);
    await run(`
      CREATE INDEX run_params_by_number
        ON run_params ((ROW(key, number)::run_number_point), simulation_id)`);
    for (const summary of METRIC_SUMMARIES) {
      await run(`DROP INDEX run_metrics_by_${summary}`);
      await run(`
        CREATE INDEX run_metrics_by_${summary}
          ON run_metrics ((ROW(name, ${summary}_value)::run_number_point), simulation_id)`);
    }
    await run(`CREATE STATISTICS run_params_text_values (mcv) ON key, text FROM run_params`);
    await run(`CREATE STATISTICS run_params_flag_values (mcv) ON key, flag FROM run_params`);
    await run(`CREATE STATISTICS run_tags_values (mcv) ON key, left(value, 200) FROM run_tags`);
    await run(`ANALYZE run_params, run_tags, run_metrics`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    await run(`DROP STATISTICS run_params_text_values, run_params_flag_values, run_tags_values`);
    for (const summary of METRIC_SUMMARIES) {
      await run(`DROP INDEX run_metrics_by_${summary}`);
      await run(`
        CREATE INDEX run_metrics_by_${summary} ON run_metrics (name, ${summary}_value, simulation_id)`);
    }
    await run(`DROP INDEX run_params_by_number`);
    await run(`
      CREATE INDEX run_params_by_number ON run_params (key, number, simulation_id)
      WHERE number IS NOT NULL`);
    await run(`DROP TYPE run_number_point`);
  }
}
