import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A program run reports two ways at once: its worker stores the metric
 * records it prints, and the program itself may report over HTTP with its
 * run-scoped token. Each numbers its reports, so they need two number
 * spaces: clients number from 0 up (the API refuses a negative number), the
 * worker from -1 down. The check that kept every number at 0 or above goes.
 */
export class WorkerReportSequences1795874400000 implements MigrationInterface {
  name = 'WorkerReportSequences1795874400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE run_batches DROP CONSTRAINT run_batches_sequence_check`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM run_batches WHERE sequence < 0`);
    await queryRunner.query(
      `ALTER TABLE run_batches ADD CONSTRAINT run_batches_sequence_check CHECK (sequence >= 0)`,
    );
  }
}
