import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-client pending cap, checked in one round trip at the end of a
 * create: takes the creator's transaction-scoped lock, then counts. VOLATILE,
 * so the count runs on a snapshot taken after the lock is held and sees every
 * create that committed while this one waited; a create that counts itself
 * (it has inserted already) and finds the cap passed rolls back. The lock is
 * held from here to COMMIT only, so one client's creates run side by side
 * and queue just for this step. Counting stops at `counted_up_to` (one past
 * the cap is enough to refuse), so its cost follows the cap, not the backlog.
 */
export class PendingCapCheck1795842000000 implements MigrationInterface {
  name = 'PendingCapCheck1795842000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION pending_simulations_of_locked(creator text, counted_up_to integer)
      RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('pending-cap:' || creator, 7));
        RETURN (SELECT count(*) FROM (
          SELECT 1 FROM simulations WHERE created_by = creator AND status = 'pending'
          LIMIT counted_up_to) AS counted);
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION pending_simulations_of_locked(text, integer)`);
  }
}
