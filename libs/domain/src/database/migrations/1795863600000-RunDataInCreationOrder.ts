import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finer statistics where a list's total is decided: past 1,000 matches of a
 * filter on run data the total is the planner's estimate, under 2,000 it is
 * counted, walking every match. With the default target the most-common
 * list of (key, text) holds 100 pairs; a sweep's hundred datasets and its
 * other params crowd it, and a value left out was estimated at a tenth of
 * its runs, so a search matching 5,000 of a million counted them on every
 * request (a scenario 11 run: 56 req/s where 401 was measured before). A
 * thousand pairs, and a histogram of a thousand (key, number) buckets,
 * cost ANALYZE 3 s at ten million params instead of 0.3 s.
 */
const STATISTICS = [
  { set: 'ALTER STATISTICS run_params_text_values' },
  { set: 'ALTER STATISTICS run_tags_values' },
  { set: 'ALTER INDEX run_params_by_number ALTER COLUMN 1' },
];

/**
 * A list in creation order filtered by `params.dataset = 'x'` walked the runs
 * by date and probed each: at a million runs it read every run a filter's
 * share of them asks (200 runs per match for a 0.5 % filter). Walking the
 * equality's own index in creation order reads one entry per match instead,
 * so the page costs the same at any size.
 *
 * - `run_params.creation_date`, `run_tags.creation_date`: the run's, copied
 *   where a param or a tag is written (a run's creation date never changes).
 * - Finer statistics for the filters' estimates (STATISTICS below).
 * - An index per equality that can lead such a walk: a param's text, a
 *   param's number (as the run_number_point the filters compare), a tag's
 *   value (the prefix run_tags_by_value holds); each `(…, creation_date,
 *   simulation_id)`, the list's order; the number's not partial, as
 *   run_params_by_number is not. Flags are left out: one value of two leads
 *   no faster than the runs' own date index.
 */
export class RunDataInCreationOrder1795863600000 implements MigrationInterface {
  name = 'RunDataInCreationOrder1795863600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    for (const table of ['run_params', 'run_tags']) {
      // Every row is rewritten: without its secondary indexes to update row
      // by row, then built again as they were, it takes a third of the time.
      const secondary: Array<{ indexdef: string; indexname: string }> = await queryRunner.query(
        `SELECT indexname, indexdef FROM pg_indexes
         WHERE schemaname = current_schema() AND tablename = $1 AND indexname <> $1 || '_pkey'`,
        [table],
      );
      for (const { indexname } of secondary) await run(`DROP INDEX ${indexname}`);
      await run(`ALTER TABLE ${table} ADD COLUMN creation_date timestamptz`);
      await run(`
        UPDATE ${table} AS data SET creation_date = run.creation_date
        FROM simulations AS run WHERE run.simulation_id = data.simulation_id`);
      await run(`ALTER TABLE ${table} ALTER COLUMN creation_date SET NOT NULL`);
      for (const { indexdef } of secondary) await run(indexdef);
    }
    await run(`
      CREATE INDEX run_params_text_in_creation_order
        ON run_params (key, text, creation_date, simulation_id) WHERE text IS NOT NULL`);
    await run(`
      CREATE INDEX run_params_number_in_creation_order
        ON run_params ((ROW(key, number)::run_number_point), creation_date, simulation_id)`);
    await run(`
      CREATE INDEX run_tags_value_in_creation_order
        ON run_tags (key, left(value, 200), creation_date, simulation_id)`);
    for (const statistics of STATISTICS) await run(`${statistics.set} SET STATISTICS 1000`);
    await run(`ANALYZE run_params, run_tags`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    for (const statistics of STATISTICS) await run(`${statistics.set} SET STATISTICS -1`);
    await run(`
      DROP INDEX run_params_text_in_creation_order, run_params_number_in_creation_order,
                 run_tags_value_in_creation_order`);
    await run(`ALTER TABLE run_params DROP COLUMN creation_date`);
    await run(`ALTER TABLE run_tags DROP COLUMN creation_date`);
  }
}
