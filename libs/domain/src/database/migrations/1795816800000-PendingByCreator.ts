import { MigrationInterface, QueryRunner } from 'typeorm';

/** Counting one creator's pending simulations (the per-client cap) reads this small partial index. */
export class PendingByCreator1795816800000 implements MigrationInterface {
  name = 'PendingByCreator1795816800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX simulations_pending_by_creator ON simulations (created_by) WHERE status = 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX simulations_pending_by_creator`);
  }
}
