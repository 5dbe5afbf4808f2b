import { MigrationInterface, QueryRunner } from 'typeorm';
import { resetDatabaseDefault, setDatabaseDefault } from './database-default';

/**
 * Random reads priced as what they are on SSDs and in memory: 1.1 pages
 * (Postgres' default, 4, prices a disk seek). With 4, the planner read a
 * filtered list's run data through bitmap scans and sorts where walking the
 * (key, value, …) indexes in order costs a fraction of it (the bench's
 * search against the plain list: docs/performance.md).
 */
export class RandomPageCost1795867200000 implements MigrationInterface {
  name = 'RandomPageCost1795867200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await setDatabaseDefault(queryRunner, 'random_page_cost', '1.1');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await resetDatabaseDefault(queryRunner, 'random_page_cost');
  }
}
