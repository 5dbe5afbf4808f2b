import { postgresOptions } from '../libs/domain/src/database/data-source-options';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { assertTestDatabase, ENV, TEMPLATE_DATABASE } from './test-services';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

interface Started {
  stop(): Promise<void>;
}

declare global {
  var __AISIM_TEST_SERVICES__: { started: Started[]; dir: string } | undefined;
}

/**
 * Starts a throwaway Postgres (durability off: it only has to be fast) and
 * Redis on free loopback ports, and migrates a template database that every
 * test worker clones.
 */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-test-'));
  fs.chmodSync(dir, 0o755);
  const started: Started[] = [];
  globalThis.__AISIM_TEST_SERVICES__ = { started, dir };

  const [postgres, redis] = await Promise.all([
    services.startPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: await services.freePort(),
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    }),
    services.startRedis({ dir: path.join(dir, 'redis'), port: await services.freePort() }),
  ]);
  started.push(postgres, redis);

  assertTestDatabase(TEMPLATE_DATABASE);
  const templateUrl = await services.ensureDatabase(postgres.url, TEMPLATE_DATABASE);
  const dataSource = new DataSource(postgresOptions({ url: templateUrl, poolSize: 1 }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();

  process.env[ENV.postgresServer] = postgres.url;
  process.env[ENV.redisServer] = redis.url;
}
