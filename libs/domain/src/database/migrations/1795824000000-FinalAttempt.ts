import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One name per meaning: `max_attempts` held the attempt number whose failure
 * is final, while the request's max_attempts was a budget (attempt_budget).
 * The column now says what it holds. Constraints and the update_date trigger
 * follow a renamed column by themselves.
 */
export class FinalAttempt1795824000000 implements MigrationInterface {
  name = 'FinalAttempt1795824000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE simulations RENAME COLUMN max_attempts TO final_attempt`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE simulations RENAME COLUMN final_attempt TO max_attempts`);
  }
}
