import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Real programs on machines:
 * - `machines.programs` and `machines.gpus`: what a machine can run, as its
 *   worker declares it at start (ProgramDeclaration as JSON) and its GPUs.
 *   The API checks a create against them. `json`, not `jsonb`: the file's
 *   order of programs and params is how they are listed and named.
 * - `simulation_attempts.gpus`: the GPUs an attempt was given (their
 *   indexes, as CUDA_VISIBLE_DEVICES takes them); a machine's GPUs in use are
 *   those of its running attempts.
 * - `run_logs`: each attempt's output, a line per row in the order it was
 *   read (`seq`), stdout (1) or stderr (2). A worker keeps an attempt's log
 *   within its program's bound by deleting the oldest lines, so the first
 *   `seq` left tells how many went.
 */
export class Programs1795870800000 implements MigrationInterface {
  name = 'Programs1795870800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE machines
        ADD COLUMN programs json NOT NULL DEFAULT '[]'::json,
        ADD COLUMN gpus integer NOT NULL DEFAULT 0 CHECK (gpus >= 0)`);
    await queryRunner.query(`ALTER TABLE simulation_attempts ADD COLUMN gpus text[]`);
    await queryRunner.query(`
      CREATE TABLE run_logs (
        simulation_id bigint NOT NULL REFERENCES simulations (simulation_id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        seq bigint NOT NULL,
        stream smallint NOT NULL CHECK (stream IN (1, 2)),
        at timestamptz NOT NULL,
        line text NOT NULL,
        cut boolean NOT NULL DEFAULT false,
        PRIMARY KEY (simulation_id, attempt, seq)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE run_logs`);
    await queryRunner.query(`ALTER TABLE simulation_attempts DROP COLUMN gpus`);
    await queryRunner.query(`ALTER TABLE machines DROP COLUMN programs, DROP COLUMN gpus`);
  }
}
