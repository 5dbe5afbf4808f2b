import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service accounts: API clients that exchange their credentials for tokens.
 * Only a slow salted hash of each secret is kept (scrypt); the secret itself
 * is shown once, when the client is created.
 */
export class ApiClients1795813200000 implements MigrationInterface {
  name = 'ApiClients1795813200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_clients (
        client_id    varchar(64)  PRIMARY KEY,
        name         varchar(255) NOT NULL,
        role         varchar(16)  NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
        secret_hash  text         NOT NULL,
        created_by   varchar(200),
        created_at   timestamptz  NOT NULL DEFAULT clock_timestamp(),
        disabled_at  timestamptz,
        last_used_at timestamptz
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_clients`);
  }
}
