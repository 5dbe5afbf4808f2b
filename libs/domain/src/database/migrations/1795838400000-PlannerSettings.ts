import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * JIT off for every session on this database. The curve queries are short
 * index walks whose row estimates (a LATERAL per bucket) look expensive to
 * the planner, which then spent far longer compiling them with JIT than
 * running them; nothing here gains from JIT. It used to be a startup
 * parameter (`options=-c jit=off`), which poolers refuse; a database default
 * reaches every server connection a pooler opens. A database owner may set
 * it; where the migrator is not the owner, Postgres warns and it stays as the
 * administrator left it (docs/configuration.md).
 */
export class PlannerSettings1795838400000 implements MigrationInterface {
  name = 'PlannerSettings1795838400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE WARNING 'jit stays as it is: only the owner of database % may turn it off for all sessions', current_database();
      END $$`);
    // A default reaches new sessions only; this one (often the pool's first) goes on being used.
    await queryRunner.query(`SET jit = off`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        EXECUTE format('ALTER DATABASE %I RESET jit', current_database());
      EXCEPTION WHEN insufficient_privilege THEN
        NULL;
      END $$`);
  }
}
