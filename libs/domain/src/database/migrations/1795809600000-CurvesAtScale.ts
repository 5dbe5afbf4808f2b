import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Curves of up to a million points, answered in time that does not grow with
 * their length:
 *
 * - each simulation records how its curve is emulated (`emulation`; the
 *   default is the original service's ten-point curve);
 * - each point carries its position in the attempt's curve (`seq`) and running
 *   sums of loss and seconds up to and including it, so the count and mean of
 *   any stretch of the curve come from its two end points;
 * - `convergence_summaries` keeps the minimum and maximum loss of every block
 *   of 8, 64, 512, … consecutive points (level 1, 2, 3, …), written with the
 *   points, so the extremes of a long stretch are read from a few dozen rows.
 *
 * Seconds must be positive: curves are sampled on a logarithmic time axis.
 */
export class CurvesAtScale1795809600000 implements MigrationInterface {
  name = 'CurvesAtScale1795809600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE simulations ADD COLUMN emulation jsonb NOT NULL
        DEFAULT '{"points": 10, "span_seconds": 100, "tick_ms": null, "noise": 0, "seed": 0, "decimals": 3}'`);

    await queryRunner.query(`
      ALTER TABLE convergence_points
        ADD COLUMN seq integer,
        ADD COLUMN cum_loss double precision,
        ADD COLUMN cum_seconds double precision`);
    await queryRunner.query(`
      UPDATE convergence_points p SET seq = w.seq, cum_loss = w.cum_loss, cum_seconds = w.cum_seconds
      FROM (SELECT simulation_id, attempt, seconds,
                   (row_number() OVER run - 1)::int AS seq,
                   sum(loss) OVER run AS cum_loss,
                   sum(seconds) OVER run AS cum_seconds
            FROM convergence_points
            WINDOW run AS (PARTITION BY simulation_id, attempt ORDER BY seconds)) w
      WHERE p.simulation_id = w.simulation_id AND p.attempt = w.attempt AND p.seconds = w.seconds`);
    await queryRunner.query(`
      ALTER TABLE convergence_points
        ALTER COLUMN seq SET NOT NULL,
        ALTER COLUMN cum_loss SET NOT NULL,
        ALTER COLUMN cum_seconds SET NOT NULL,
        ADD CONSTRAINT convergence_points_seconds_positive CHECK (seconds > 0),
        ADD CONSTRAINT convergence_points_seq_not_negative CHECK (seq >= 0)`);

    await queryRunner.query(`
      CREATE TABLE convergence_summaries (
        simulation_id integer          NOT NULL REFERENCES simulations (simulation_id) ON DELETE CASCADE,
        attempt       integer          NOT NULL,
        level         smallint         NOT NULL CHECK (level >= 1),
        block         integer          NOT NULL CHECK (block >= 0),
        min_loss      double precision NOT NULL,
        max_loss      double precision NOT NULL,
        PRIMARY KEY (simulation_id, attempt, level, block)
      )`);
    await queryRunner.query(`
      INSERT INTO convergence_summaries (simulation_id, attempt, level, block, min_loss, max_loss)
      SELECT p.simulation_id, p.attempt, l.level, p.seq / (8 ^ l.level)::int, min(p.loss), max(p.loss)
      FROM convergence_points p CROSS JOIN generate_series(1, 6) AS l(level)
      GROUP BY 1, 2, 3, 4`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE convergence_summaries`);
    await queryRunner.query(`
      ALTER TABLE convergence_points
        DROP CONSTRAINT convergence_points_seconds_positive,
        DROP CONSTRAINT convergence_points_seq_not_negative,
        DROP COLUMN seq, DROP COLUMN cum_loss, DROP COLUMN cum_seconds`);
    await queryRunner.query(`ALTER TABLE simulations DROP COLUMN emulation`);
  }
}
