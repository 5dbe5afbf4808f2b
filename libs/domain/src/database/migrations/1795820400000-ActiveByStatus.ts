import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counting pending and running simulations (the metrics scrape) reads this
 * partial index, whose size follows the work in flight, not the history.
 */
export class ActiveByStatus1795820400000 implements MigrationInterface {
  name = 'ActiveByStatus1795820400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX simulations_active_by_status ON simulations (status) WHERE status IN ('pending', 'running')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX simulations_active_by_status`);
  }
}
