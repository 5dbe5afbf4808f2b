import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machines become places where work runs: each worker process records itself
 * (which machine it serves, or every machine for a pool worker, its capacity
 * and load) and keeps the record alive with its heartbeat. A machine is
 * online while a live worker serves it. `draining` lets an admin stop new runs.
 */
export class MachineRegistry1795806000000 implements MigrationInterface {
  name = 'MachineRegistry1795806000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE machines ADD COLUMN draining boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`
      CREATE TABLE workers (
        worker_id    varchar(200) PRIMARY KEY,
        machine_id   integer      REFERENCES machines (machine_id) ON DELETE CASCADE,
        capacity     integer      NOT NULL CHECK (capacity >= 0),
        running      integer      NOT NULL DEFAULT 0 CHECK (running >= 0),
        started_at   timestamptz  NOT NULL DEFAULT clock_timestamp(),
        last_seen_at timestamptz  NOT NULL DEFAULT clock_timestamp(),
        expires_at   timestamptz  NOT NULL
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN workers.machine_id IS 'NULL: a pool worker, serving every machine'`,
    );
    await queryRunner.query(
      `CREATE INDEX workers_live_by_machine ON workers (machine_id, expires_at)`,
    );
    // Machine load is counted by status per machine.
    await queryRunner.query(
      `CREATE INDEX simulations_by_machine_status ON simulations (machine_id, status)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX simulations_by_machine_status`);
    await queryRunner.query(`DROP TABLE workers`);
    await queryRunner.query(`ALTER TABLE machines DROP COLUMN draining`);
  }
}
