import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attempts, leases, cancellation and idempotent creation:
 * - simulations gain the bookkeeping of their current attempt, and `cancelled`;
 * - simulation_attempts keeps the history of every attempt;
 * - curve points belong to an attempt, so a retry starts a clean curve and a
 *   stale worker's late points never mix into the current one;
 * - idempotency_keys remembers the answer to a keyed POST.
 */
export class RunLifecycle1795802400000 implements MigrationInterface {
  name = 'RunLifecycle1795802400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE simulations
        ADD COLUMN attempt        integer     NOT NULL DEFAULT 0 CHECK (attempt >= 0),
        ADD COLUMN attempt_budget integer     NOT NULL DEFAULT 3 CHECK (attempt_budget BETWEEN 1 AND 10),
        ADD COLUMN max_attempts   integer     NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
        ADD COLUMN heartbeat_at   timestamptz,
        ADD COLUMN worker_id      varchar(200),
        ADD COLUMN created_by     varchar(200)`);
    await queryRunner.query(`ALTER TABLE simulations DROP CONSTRAINT simulations_status_check`);
    await queryRunner.query(`
      ALTER TABLE simulations ADD CONSTRAINT simulations_status_check
        CHECK (status IN ('pending', 'running', 'finished', 'failed', 'cancelled'))`);

    // Heartbeats are bookkeeping, not changes a client cares about: the
    // update_date trigger now fires only when a column other than
    // heartbeat_at is written.
    await queryRunner.query(`DROP TRIGGER simulations_touch_update_date ON simulations`);
    await queryRunner.query(`
      CREATE TRIGGER simulations_touch_update_date
      BEFORE UPDATE OF name, machine_id, status, failure_reason, started_at, finished_at,
                       attempt, attempt_budget, max_attempts, worker_id, created_by
      ON simulations FOR EACH ROW EXECUTE FUNCTION touch_update_date()`);

    // The sweeper's question: which running simulations have gone quiet?
    await queryRunner.query(
      `CREATE INDEX simulations_running_by_heartbeat ON simulations (heartbeat_at) WHERE status = 'running'`,
    );

    await queryRunner.query(`
      CREATE TABLE simulation_attempts (
        simulation_id integer      NOT NULL REFERENCES simulations (simulation_id) ON DELETE CASCADE,
        attempt       integer      NOT NULL CHECK (attempt >= 1),
        worker_id     varchar(200) NOT NULL,
        started_at    timestamptz  NOT NULL DEFAULT clock_timestamp(),
        ended_at      timestamptz,
        outcome       varchar(16)  NOT NULL DEFAULT 'running'
                      CHECK (outcome IN ('running', 'finished', 'failed', 'timed_out', 'lost', 'cancelled', 'handed_back')),
        reason        text,
        PRIMARY KEY (simulation_id, attempt)
      )`);

    await queryRunner.query(
      `ALTER TABLE convergence_points ADD COLUMN attempt integer NOT NULL DEFAULT 1`,
    );
    await queryRunner.query(`ALTER TABLE convergence_points ALTER COLUMN attempt DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE convergence_points DROP CONSTRAINT convergence_points_pkey`,
    );
    await queryRunner.query(
      `ALTER TABLE convergence_points ADD PRIMARY KEY (simulation_id, attempt, seconds)`,
    );
    // Existing runs become attempt 1 of their simulation.
    await queryRunner.query(`UPDATE simulations SET attempt = 1 WHERE status <> 'pending'`);
    await queryRunner.query(`
      INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at, ended_at, outcome, reason)
      SELECT simulation_id, 1, 'unknown', COALESCE(started_at, creation_date), finished_at,
             CASE status WHEN 'running' THEN 'running' ELSE status END, failure_reason
      FROM simulations WHERE status <> 'pending'`);

    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        subject         varchar(200) NOT NULL,
        key             varchar(255) NOT NULL,
        request_hash    char(64)     NOT NULL,
        response_status integer,
        response_body   jsonb,
        created_at      timestamptz  NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (subject, key)
      )`);
    await queryRunner.query(
      `CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DELETE FROM convergence_points p USING simulations s
                             WHERE p.simulation_id = s.simulation_id AND p.attempt <> s.attempt`);
    await queryRunner.query(
      `ALTER TABLE convergence_points DROP CONSTRAINT convergence_points_pkey`,
    );
    await queryRunner.query(
      `ALTER TABLE convergence_points ADD PRIMARY KEY (simulation_id, seconds)`,
    );
    await queryRunner.query(`ALTER TABLE convergence_points DROP COLUMN attempt`);
    await queryRunner.query(`DROP TABLE simulation_attempts`);
    await queryRunner.query(`DROP INDEX simulations_running_by_heartbeat`);
    await queryRunner.query(`DROP TRIGGER simulations_touch_update_date ON simulations`);
    await queryRunner.query(`
      CREATE TRIGGER simulations_touch_update_date BEFORE UPDATE ON simulations
      FOR EACH ROW EXECUTE FUNCTION touch_update_date()`);
    await queryRunner.query(
      `UPDATE simulations SET status = 'failed', failure_reason = 'cancelled' WHERE status = 'cancelled'`,
    );
    await queryRunner.query(`ALTER TABLE simulations DROP CONSTRAINT simulations_status_check`);
    await queryRunner.query(`
      ALTER TABLE simulations ADD CONSTRAINT simulations_status_check
        CHECK (status IN ('pending', 'running', 'finished', 'failed'))`);
    await queryRunner.query(`
      ALTER TABLE simulations DROP COLUMN attempt, DROP COLUMN attempt_budget, DROP COLUMN max_attempts,
        DROP COLUMN heartbeat_at, DROP COLUMN worker_id, DROP COLUMN created_by`);
  }
}
