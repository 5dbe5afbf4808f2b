import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addDays,
  ensureCurvePartitions,
  PARTITION_DAYS_AHEAD,
} from '../../convergence-point/curve-partitions';

const ENDED = `('finished', 'failed', 'cancelled')`;

/**
 * History that can be let go of a day at a time:
 *
 * - each simulation has a `curve_day`: the UTC day its current run was
 *   requested (created, or retried by hand); its current attempt's curve is
 *   stored in that day's partition;
 * - `convergence_points` and `convergence_summaries` become partitioned by
 *   curve_day, one partition per day, so expiring a day drops two tables;
 * - the foreign keys from the curve tables to simulations go: on a
 *   partitioned table every cascaded delete would probe every partition, and
 *   curve rows are only ever written by the fenced statement, which holds the
 *   running simulation's row while it writes;
 * - `expired_curve_days` records, per day, which curves are gone, so the API
 *   can say a curve expired instead of showing an empty one;
 * - `maintenance_leases` lets one worker at a time do the history
 *   maintenance (a row, not an advisory lock, so it works through a pooler).
 *
 * Existing curves are copied into the partitions: the migration rewrites
 * both tables and the simulations (docs/development.md says how long per million).
 */
export class PartitionedCurves1795834800000 implements MigrationInterface {
  name = 'PartitionedCurves1795834800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string, params?: unknown[]) => queryRunner.query(text, params);
    await run(`ALTER TABLE simulations ADD COLUMN curve_day date`);
    await run(`UPDATE simulations SET curve_day = (creation_date AT TIME ZONE 'UTC')::date`);
    await run(`
      ALTER TABLE simulations
        ALTER COLUMN curve_day SET DEFAULT (now() AT TIME ZONE 'UTC')::date,
        ALTER COLUMN curve_day SET NOT NULL`);

    for (const table of ['convergence_points', 'convergence_summaries']) {
      await run(`ALTER TABLE ${table} RENAME TO ${table}_unpartitioned`);
      await run(`ALTER INDEX ${table}_pkey RENAME TO ${table}_unpartitioned_pkey`);
    }
    // Columns ordered so no tuple carries alignment padding.
    await run(`
      CREATE TABLE convergence_points (
        simulation_id bigint           NOT NULL,
        attempt       integer          NOT NULL,
        seq           integer          NOT NULL,
        seconds       double precision NOT NULL,
        loss          double precision NOT NULL,
        cum_loss      double precision NOT NULL,
        cum_seconds   double precision NOT NULL,
        curve_day     date             NOT NULL,
        CONSTRAINT convergence_points_seconds_positive CHECK (seconds > 0),
        CONSTRAINT convergence_points_seq_not_negative CHECK (seq >= 0),
        PRIMARY KEY (simulation_id, attempt, curve_day, seconds)
      ) PARTITION BY RANGE (curve_day)`);
    await run(`
      CREATE TABLE convergence_summaries (
        simulation_id bigint           NOT NULL,
        attempt       integer          NOT NULL,
        block         integer          NOT NULL CHECK (block >= 0),
        min_loss      double precision NOT NULL,
        max_loss      double precision NOT NULL,
        level         smallint         NOT NULL CHECK (level >= 1),
        curve_day     date             NOT NULL,
        PRIMARY KEY (simulation_id, attempt, curve_day, level, block)
      ) PARTITION BY RANGE (curve_day)`);

    const [{ today }] = await run(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`);
    const stored = (await run(`SELECT DISTINCT curve_day::text AS day FROM simulations`)) as Array<{
      day: string;
    }>;
    await ensureCurvePartitions(run, [
      ...stored.map(({ day }) => day),
      ...Array.from({ length: PARTITION_DAYS_AHEAD + 2 }, (_, k) => addDays(today, k - 1)),
    ]);
    await run(`
      INSERT INTO convergence_points
        (simulation_id, attempt, seq, seconds, loss, cum_loss, cum_seconds, curve_day)
      SELECT p.simulation_id, p.attempt, p.seq, p.seconds, p.loss, p.cum_loss, p.cum_seconds, s.curve_day
      FROM convergence_points_unpartitioned p JOIN simulations s USING (simulation_id)`);
    await run(`
      INSERT INTO convergence_summaries
        (simulation_id, attempt, level, block, min_loss, max_loss, curve_day)
      SELECT c.simulation_id, c.attempt, c.level, c.block, c.min_loss, c.max_loss, s.curve_day
      FROM convergence_summaries_unpartitioned c JOIN simulations s USING (simulation_id)`);
    await run(`DROP TABLE convergence_points_unpartitioned, convergence_summaries_unpartitioned`);

    // Whether a day can be dropped: its ended simulations' latest end, read
    // from one end of this index; and whether any of its simulations is still
    // pending or running, from the small index of those (now keyed by day too).
    await run(`
      CREATE INDEX simulations_ended_by_curve_day ON simulations (curve_day, update_date, simulation_id)
      WHERE status IN ${ENDED}`);
    await run(`DROP INDEX simulations_active_by_status`);
    await run(`
      CREATE INDEX simulations_active_by_status ON simulations (status, curve_day)
      WHERE status IN ('pending', 'running')`);

    await run(`
      CREATE TABLE expired_curve_days (
        day            date        PRIMARY KEY,
        ended_before   timestamptz NOT NULL,
        deleted_before timestamptz,
        dropped_at     timestamptz
      )`);
    await run(`
      CREATE TABLE maintenance_leases (
        name       text         PRIMARY KEY,
        holder     varchar(200) NOT NULL,
        expires_at timestamptz  NOT NULL
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const run = (text: string) => queryRunner.query(text);
    await run(`DROP TABLE maintenance_leases, expired_curve_days`);
    await run(`DROP INDEX simulations_active_by_status`);
    await run(
      `CREATE INDEX simulations_active_by_status ON simulations (status) WHERE status IN ('pending', 'running')`,
    );
    await run(`DROP INDEX simulations_ended_by_curve_day`);
    for (const table of ['convergence_points', 'convergence_summaries']) {
      await run(`ALTER TABLE ${table} RENAME TO ${table}_partitioned`);
      await run(`ALTER INDEX ${table}_pkey RENAME TO ${table}_partitioned_pkey`);
    }
    await run(`
      CREATE TABLE convergence_points (
        simulation_id bigint           NOT NULL REFERENCES simulations (simulation_id) ON DELETE CASCADE,
        seconds       double precision NOT NULL CHECK (seconds >= 0),
        loss          double precision NOT NULL,
        attempt       integer          NOT NULL,
        seq           integer          NOT NULL,
        cum_loss      double precision NOT NULL,
        cum_seconds   double precision NOT NULL,
        CONSTRAINT convergence_points_seconds_positive CHECK (seconds > 0),
        CONSTRAINT convergence_points_seq_not_negative CHECK (seq >= 0),
        PRIMARY KEY (simulation_id, attempt, seconds)
      )`);
    await run(`
      CREATE TABLE convergence_summaries (
        simulation_id bigint           NOT NULL REFERENCES simulations (simulation_id) ON DELETE CASCADE,
        attempt       integer          NOT NULL,
        level         smallint         NOT NULL CHECK (level >= 1),
        block         integer          NOT NULL CHECK (block >= 0),
        min_loss      double precision NOT NULL,
        max_loss      double precision NOT NULL,
        PRIMARY KEY (simulation_id, attempt, level, block)
      )`);
    await run(`
      INSERT INTO convergence_points (simulation_id, attempt, seq, seconds, loss, cum_loss, cum_seconds)
      SELECT simulation_id, attempt, seq, seconds, loss, cum_loss, cum_seconds
      FROM convergence_points_partitioned WHERE simulation_id IN (SELECT simulation_id FROM simulations)`);
    await run(`
      INSERT INTO convergence_summaries (simulation_id, attempt, level, block, min_loss, max_loss)
      SELECT simulation_id, attempt, level, block, min_loss, max_loss
      FROM convergence_summaries_partitioned WHERE simulation_id IN (SELECT simulation_id FROM simulations)`);
    await run(`DROP TABLE convergence_points_partitioned, convergence_summaries_partitioned`);
    await run(`ALTER TABLE simulations DROP COLUMN curve_day`);
  }
}
