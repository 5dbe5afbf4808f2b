import { QueryRunner } from 'typeorm';

/**
 * Sets a planner setting as this database's default for every new session,
 * including the server connections a pooler opens (a startup parameter would
 * be refused there). Only the database's owner may; for anyone else Postgres
 * warns and the setting stays as the administrator left it
 * (docs/configuration.md).
 */
export async function setDatabaseDefault(
  queryRunner: QueryRunner,
  setting: string,
  value: string,
): Promise<void> {
  await queryRunner.query(`
    DO $$
    BEGIN
      EXECUTE format('ALTER DATABASE %I SET ${setting} = ${value}', current_database());
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING '${setting} stays as it is: only the owner of database % may set it for all sessions', current_database();
    END $$`);
  // A default reaches new sessions only; this one (often the pool's first) goes on being used.
  await queryRunner.query(`SET ${setting} = ${value}`);
}

export async function resetDatabaseDefault(
  queryRunner: QueryRunner,
  setting: string,
): Promise<void> {
  await queryRunner.query(`
    DO $$
    BEGIN
      EXECUTE format('ALTER DATABASE %I RESET ${setting}', current_database());
    EXCEPTION WHEN insufficient_privilege THEN
      NULL;
    END $$`);
}
