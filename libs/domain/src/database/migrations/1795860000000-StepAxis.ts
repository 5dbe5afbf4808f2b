import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A metric can be read by step (`x=step`) when every one of its points gave
 * a step and no step was lower than the one before: then step order is the
 * series' own order, and sampling by step is sampling by seconds with other
 * bucket edges.
 *
 * - `run_metrics.by_step`: whether that holds for the metric so far, kept by
 *   whoever writes its points (the curve builder knows the series' tail).
 *   False for the metrics already stored: their writers never kept it.
 * - An index on `(…, metric_id, step, seconds)` over the points that have a
 *   step: one probe per bucket edge, as the key serves seconds. The emulator
 *   gives no steps, so its writes do not maintain it.
 */
export class StepAxis1795860000000 implements MigrationInterface {
  name = 'StepAxis1795860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    await run(`ALTER TABLE run_metrics ADD COLUMN by_step boolean NOT NULL DEFAULT false`);
    await run(`
      CREATE INDEX convergence_points_by_step ON convergence_points
        (simulation_id, attempt, curve_day, metric_id, step, seconds) WHERE step IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    await run(`DROP INDEX convergence_points_by_step`);
    await run(`ALTER TABLE run_metrics DROP COLUMN by_step`);
  }
}
