import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Random reads priced as what they are on SSDs and in memory: 1.1 pages
 * (Postgres' default, 4, prices a disk seek). With 4, the planner read a
 * filtered list's run data through bitmap scans and sorts where walking the
 * (key, value, …) indexes in order costs a fraction of it; searches went
 * from about 0.6× to about 0.9× of the plain list in the bench. Like JIT
 * off, a per-database default, which needs the database's owner (otherwise
 * a warning, and it stays as the administrator set it: docs/configuration.md).
 */
export class RandomPageCost1795867200000 implements MigrationInterface {
  name = 'RandomPageCost1795867200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE WARNING 'random_page_cost stays as it is: only the owner of database % may set it for all sessions', current_database();
      END $$`);
    // A default reaches new sessions only; this one (often the pool's first) goes on being used.
    await queryRunner.query(`SET random_page_cost = 1.1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        EXECUTE format('ALTER DATABASE %I RESET random_page_cost', current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        NULL;
      END $$`);
  }
}
