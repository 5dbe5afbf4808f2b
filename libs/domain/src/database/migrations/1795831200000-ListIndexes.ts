import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index for every (filter, sort) a list can ask for, each ending in the
 * id as the lists break ties, so every page is a walk along one index in
 * either direction (Postgres reads a b-tree backwards for `order=desc`), and
 * a bounded count of a filter reads no table rows beyond the index. The
 * unfiltered sorts and the creation_date ones exist since the first
 * migration; (machine_id, status) is covered by its longer replacement.
 */
const INDEXES: Array<[name: string, columns: string]> = [
  ['simulations_by_status_name', 'status, name, simulation_id'],
  ['simulations_by_status_update_date', 'status, update_date, simulation_id'],
  ['simulations_by_machine_name', 'machine_id, name, simulation_id'],
  ['simulations_by_machine_update_date', 'machine_id, update_date, simulation_id'],
  [
    'simulations_by_machine_status_creation_date',
    'machine_id, status, creation_date, simulation_id',
  ],
  ['simulations_by_machine_status_name', 'machine_id, status, name, simulation_id'],
  ['simulations_by_machine_status_update_date', 'machine_id, status, update_date, simulation_id'],
];

export class ListIndexes1795831200000 implements MigrationInterface {
  name = 'ListIndexes1795831200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, columns] of INDEXES) {
      await queryRunner.query(`CREATE INDEX ${name} ON simulations (${columns})`);
    }
    await queryRunner.query(`DROP INDEX simulations_by_machine_status`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX simulations_by_machine_status ON simulations (machine_id, status)`,
    );
    for (const [name] of [...INDEXES].reverse()) await queryRunner.query(`DROP INDEX ${name}`);
  }
}
