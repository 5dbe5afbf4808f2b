import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The batches a run has reported, by the sequence number its client gave
 * each: a batch sent again (a retry after a lost reply) is found here and
 * stored once; a different batch under a used number is refused. The hash is
 * of the batch as sent (SHA-256, hex).
 */
export class RunReports1795856400000 implements MigrationInterface {
  name = 'RunReports1795856400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE run_batches (
        simulation_id bigint      NOT NULL REFERENCES simulations ON DELETE CASCADE,
        sequence      bigint      NOT NULL CHECK (sequence >= 0),
        received_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        attempt       integer     NOT NULL,
        points        integer     NOT NULL CHECK (points >= 0),
        request_hash  char(64)    NOT NULL,
        PRIMARY KEY (simulation_id, attempt, sequence)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE run_batches`);
  }
}
