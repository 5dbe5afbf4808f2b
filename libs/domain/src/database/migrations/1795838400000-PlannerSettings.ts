import { MigrationInterface, QueryRunner } from 'typeorm';
import { resetDatabaseDefault, setDatabaseDefault } from './database-default';

/**
 * JIT off for every session on this database. The curve queries are short
 * index walks whose row estimates (a LATERAL per bucket) look expensive to
 * the planner, which then spent far longer compiling them with JIT than
 * running them; nothing here gains from JIT. It used to be a startup
 * parameter (`options=-c jit=off`), which poolers refuse.
 */
export class PlannerSettings1795838400000 implements MigrationInterface {
  name = 'PlannerSettings1795838400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await setDatabaseDefault(queryRunner, 'jit', 'off');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await resetDatabaseDefault(queryRunner, 'jit');
  }
}
