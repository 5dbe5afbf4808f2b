import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities';
import { DeadlineClient } from './deadline-client';
import { MIGRATIONS } from './migrations';
import { StatementFailureLogger } from './statement-failure-logger';

export interface DatabaseSettings {
  url: string;
  /** Connections this process may hold at once. */
  poolSize?: number;
  applicationName?: string;
  /**
   * Whether the hot statements may run as named prepared statements (the
   * default). A pooler in transaction mode hands each transaction to any
   * server connection, where a statement prepared on another is missing or
   * already there under that name: off behind one.
   */
  preparedStatements?: boolean;
  /**
   * Longest one statement may go unanswered before it fails as a connection
   * error: a Postgres whose host stopped answering (packets dropped, not
   * refused) would otherwise hold the caller until TCP gives up. None if unset.
   */
  queryTimeoutMs?: number;
}

/** The one place both apps, the migration runner and the TypeORM CLI get their options from. */
export function postgresOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn'],
    logger: new StatementFailureLogger(),
    // bigint (the simulation ids, counts) as JS numbers: ids are capped at 2⁵³−1, so exact.
    parseInt8: true,
    applicationName: settings.applicationName ?? 'aisimulation',
    extra: {
      max: settings.poolSize ?? 10,
      // Fail a request quickly instead of queueing it forever while Postgres is away.
      connectionTimeoutMillis: 5_000,
      ...(settings.queryTimeoutMs !== undefined && {
        query_timeout: settings.queryTimeoutMs,
        Client: DeadlineClient,
      }),
      // Not a pg setting: read back by preparedRows (pg ignores what it does not know).
      preparedStatements: settings.preparedStatements ?? true,
    },
  };
}
