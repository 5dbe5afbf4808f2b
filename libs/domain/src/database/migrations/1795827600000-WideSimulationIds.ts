import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Simulation ids become 64-bit, everywhere they are stored: at a thousand
 * runs a second a 32-bit id lasts 25 days. They stay within 2⁵³−1, so every
 * id is exact as a JSON number. The columns that refer to it change first, so
 * the foreign keys always compare like with like. Each ALTER rewrites its
 * table and indexes under an exclusive lock (docs/development.md says how
 * long that takes per million rows).
 */
export class WideSimulationIds1795827600000 implements MigrationInterface {
  name = 'WideSimulationIds1795827600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['convergence_summaries', 'convergence_points', 'simulation_attempts']) {
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN simulation_id TYPE bigint`);
    }
    await queryRunner.query(`ALTER TABLE simulations ALTER COLUMN simulation_id TYPE bigint`);
    await queryRunner.query(`
      ALTER TABLE simulations ADD CONSTRAINT simulations_id_exact_in_json
        CHECK (simulation_id <= 9007199254740991)`);
    await queryRunner.query(
      `ALTER SEQUENCE simulations_simulation_id_seq AS bigint MAXVALUE 9007199254740991`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER SEQUENCE simulations_simulation_id_seq AS integer`);
    await queryRunner.query(`ALTER TABLE simulations DROP CONSTRAINT simulations_id_exact_in_json`);
    await queryRunner.query(`ALTER TABLE simulations ALTER COLUMN simulation_id TYPE integer`);
    for (const table of ['simulation_attempts', 'convergence_points', 'convergence_summaries']) {
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN simulation_id TYPE integer`);
    }
  }
}
