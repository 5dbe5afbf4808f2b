import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a run carries besides its curve, in a shape search can use:
 *
 * - `program`: what runs it (`emulate`, the contract's run; `external`, a run
 *   that reports from anywhere); `exit_code`: how a run that ended said it did.
 * - `run_params`: typed scalars, one row per key, the value in the column of
 *   its type, so `params.lr < 0.01` compares numbers as numbers and walks the
 *   index of (key, number). Write-once.
 * - `run_tags`: mutable strings, one row per key. Tag values may be long (a
 *   note), longer than a B-tree entry may be, so their index holds a prefix.
 * - `run_metrics`: one row per metric of each attempt, its summary kept as
 *   points arrive (count, last, min and where it was, max), so a filter or a
 *   sort on a metric reads one row, never the series.
 *
 * Keys and strings compare by code point (COLLATE "C"): the same order in
 * every locale, and `LIKE 'prefix%'` can use the indexes. Existing runs get
 * the summary of their `loss` curve, read once from the stored points.
 */
export class RunParamsTagsMetrics1795845600000 implements MigrationInterface {
  name = 'RunParamsTagsMetrics1795845600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    await run(`
      ALTER TABLE simulations
        ADD COLUMN program   varchar(100) NOT NULL DEFAULT 'emulate',
        ADD COLUMN exit_code integer`);

    await run(`
      CREATE TABLE run_params (
        simulation_id bigint           NOT NULL REFERENCES simulations ON DELETE CASCADE,
        number        double precision,
        flag          boolean,
        key           varchar(250)     COLLATE "C" NOT NULL,
        text          varchar(500)     COLLATE "C",
        CONSTRAINT run_params_one_value CHECK (num_nonnulls(number, text, flag) = 1),
        PRIMARY KEY (simulation_id, key)
      )`);
    await run(`
      CREATE INDEX run_params_by_number ON run_params (key, number, simulation_id)
      WHERE number IS NOT NULL`);
    await run(`
      CREATE INDEX run_params_by_text ON run_params (key, text, simulation_id)
      WHERE text IS NOT NULL`);
    await run(`
      CREATE INDEX run_params_by_flag ON run_params (key, flag, simulation_id)
      WHERE flag IS NOT NULL`);

    await run(`
      CREATE TABLE run_tags (
        simulation_id bigint        NOT NULL REFERENCES simulations ON DELETE CASCADE,
        key           varchar(250)  COLLATE "C" NOT NULL,
        value         varchar(5000) COLLATE "C" NOT NULL,
        PRIMARY KEY (simulation_id, key)
      )`);
    await run(`
      CREATE INDEX run_tags_by_value ON run_tags (key, left(value, 200), simulation_id)`);

    await run(`
      CREATE TABLE run_metrics (
        simulation_id bigint           NOT NULL REFERENCES simulations ON DELETE CASCADE,
        last_value    double precision NOT NULL,
        last_seconds  double precision NOT NULL,
        min_value     double precision NOT NULL,
        min_seconds   double precision NOT NULL,
        max_value     double precision NOT NULL,
        last_step     bigint,
        min_step      bigint,
        attempt       integer          NOT NULL,
        count         integer          NOT NULL CHECK (count > 0),
        metric_id     smallint         NOT NULL CHECK (metric_id >= 0),
        name          varchar(250)     COLLATE "C" NOT NULL,
        PRIMARY KEY (simulation_id, attempt, metric_id),
        CONSTRAINT run_metrics_name_once UNIQUE (simulation_id, attempt, name)
      )`);
    for (const summary of ['last', 'min', 'max'])
      await run(`
        CREATE INDEX run_metrics_by_${summary} ON run_metrics (name, ${summary}_value, simulation_id)`);

    // The loss of every stored curve, summarised once. The first minimum wins
    // a tie, as it does when points arrive one by one.
    await run(`
      INSERT INTO run_metrics (simulation_id, attempt, metric_id, name, count,
                               last_value, last_seconds, min_value, min_seconds, max_value)
      SELECT simulation_id, attempt, 0, 'loss', count(*),
             (array_agg(loss ORDER BY seq DESC))[1], max(seconds),
             min(loss), (array_agg(seconds ORDER BY loss, seq))[1], max(loss)
      FROM convergence_points p
      WHERE EXISTS (SELECT 1 FROM simulations s WHERE s.simulation_id = p.simulation_id)
      GROUP BY simulation_id, attempt`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE run_metrics, run_tags, run_params`);
    await queryRunner.query(`ALTER TABLE simulations DROP COLUMN program, DROP COLUMN exit_code`);
  }
}
