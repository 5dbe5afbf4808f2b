// Shared between the e2e global set-up (which starts the servers) and the
// specs (which each get their own database and Redis db on those servers).
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'aisimulation_test_template';

/** Environment variables the global set-up hands to the test workers. */
export const ENV = {
  postgresServer: 'AISIM_TEST_POSTGRES_SERVER',
  redisServer: 'AISIM_TEST_REDIS_SERVER',
} as const;

export interface TestConnections {
  databaseUrl: string;
  redisUrl: string;
}

/**
 * A database cloned from the migrated template, and a Redis db number, both
 * private to this Jest worker, so spec files running in parallel never see
 * each other's rows or jobs. Refuses any database whose name lacks "test".
 */
export async function provisionTestConnections(): Promise<TestConnections> {
  const postgresServer = process.env[ENV.postgresServer];
  const redisServer = process.env[ENV.redisServer];
  if (!postgresServer || !redisServer) {
    throw new Error(
      'e2e specs need the global set-up: run them through `npm test` or `npm run test:e2e`',
    );
  }
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const database = `aisimulation_test_w${worker}`;
  assertTestDatabase(database);

  const admin = new Client({ connectionString: `${postgresServer}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${TEMPLATE_DATABASE}"`);
    // A copy does not carry the template's per-database settings (the migrations' jit = off).
    const [settings] = (
      await admin.query(
        `SELECT setconfig FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
         WHERE d.datname = $1 AND s.setrole = 0`,
        [TEMPLATE_DATABASE],
      )
    ).rows;
    for (const setting of settings?.setconfig ?? []) {
      const [key, value] = setting.split(/=(.*)/s);
      await admin.query(
        `ALTER DATABASE "${database}" SET "${key}" = '${value.replace(/'/g, "''")}'`,
      );
    }
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: `${postgresServer}/${database}`,
    redisUrl: `${redisServer}/${worker % 16}`,
  };
}

export function assertTestDatabase(name: string): void {
  if (!name.includes('test'))
    throw new Error(`refusing to use database "${name}": its name does not contain "test"`);
}
