import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * TypeORM's raw `query` answers `[rows, rowCount]` for UPDATE and DELETE but
 * plain `rows` for everything else; repositories always want the rows.
 */
export async function queryRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (isUpdateResult(result)) return result[0] as T[];
  return result as T[];
}

/**
 * queryRows for a hot statement of fixed text, run as a named prepared
 * statement: Postgres parses and plans it once per connection instead of on
 * every call (planning was a large share of Postgres' time on the claim,
 * finish and curve-write statements: docs/performance.md).
 * Only for statements whose plan does not depend on the values (key lookups,
 * writes by key): after five runs Postgres may settle on one generic plan.
 * Inside a transaction it runs as queryRows does, on the transaction's
 * connection. Unnamed with DATABASE_PREPARED_STATEMENTS=false, or once a
 * pooler has refused a named one. The connection comes from the driver's public
 * obtainMasterConnection, as TypeORM's own query runners take theirs.
 */
export async function preparedRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  return directRows<T>(manager, sql, parameters, statementName(sql));
}

/**
 * preparedRows inside `manager`'s transaction (where preparedRows runs
 * unnamed), for the statement a hot transaction opens with: planning was
 * most of its cost. Behind a pooler in transaction mode a refused name
 * aborts the transaction: the error is then a StatementNameRefused, every
 * statement runs unnamed from then on, and the caller runs its transaction
 * again.
 */
export async function preparedRowsInTransaction<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const driver = manager.connection.driver as PostgresDriver;
  const runner = manager.queryRunner as { databaseConnection?: PoolClient } | undefined;
  const client = runner?.databaseConnection;
  if (!client || !namesStatements(driver)) return queryRows<T>(manager, sql, parameters);
  return new Promise<T[]>((resolve, reject) => {
    client.query<QueryResultRow>(
      { name: statementName(sql), text: sql, values: parameters },
      (error, result) => {
        if (!error) return resolve(result.rows as T[]);
        if (POOLED_STATEMENT_ERRORS.has(postgresErrorCode(error) ?? '')) {
          stopNamingStatements(driver, error);
          return reject(new StatementNameRefused(error));
        }
        reject(new QueryFailedError(sql, parameters, error));
      },
    );
  });
}

/** A pooler refused a named statement inside a transaction, which it aborted: run it again. */
export class StatementNameRefused extends Error {
  constructor(cause: Error) {
    super(`a named statement was refused (${cause.message}): the transaction is to run again`);
  }
}

/**
 * queryRows the fast way (a pool connection, pg's callback form, as
 * preparedRows) but unnamed, so Postgres plans every run for its values: for
 * statements over the partitioned curve tables, whose partition is a
 * parameter. A cached generic plan would plan and lock every partition.
 */
export async function plannedRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  return directRows<T>(manager, sql, parameters);
}

async function directRows<T>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
  name?: string,
): Promise<T[]> {
  if (manager.queryRunner) return queryRows<T>(manager, sql, parameters);
  const driver = manager.connection.driver as PostgresDriver;
  const named = name !== undefined && namesStatements(driver);
  const [client, release] = (await driver.obtainMasterConnection()) as [
    PoolClient,
    (error?: Error) => void,
  ];
  // pg's callback form, as its pool.query uses it: awaiting client.query's
  // promise instead cost the API measurably more CPU per request (each promise
  // pays for the request-context async hooks).
  return new Promise<T[]>((resolve, reject) => {
    hearErrors(client);
    const done = (error: Error | undefined, result: QueryResult<QueryResultRow>) => {
      // Like pg's pool.query: a client whose query failed is not handed out again.
      release(error);
      if (error && named && POOLED_STATEMENT_ERRORS.has(postgresErrorCode(error) ?? '')) {
        // Parse or Bind was refused, so nothing ran: safe to run it again, unnamed.
        stopNamingStatements(driver, error);
        resolve(directRows<T>(manager, sql, parameters));
        return;
      }
      // As TypeORM reports a failed query, so callers tell errors apart the same way.
      if (error) reject(new QueryFailedError(sql, parameters, error));
      else resolve(result.rows as T[]);
    };
    // Text and values as arguments where they do (pg copies a config object
    // property by property on every query); a name needs the object.
    if (named) client.query<QueryResultRow>({ name, text: sql, values: parameters }, done);
    else client.query<QueryResultRow>(sql, parameters, done);
  });
}

const heard = new WeakSet<PoolClient>();

/**
 * A connection that ends mid-query fails the query (its callback reports it)
 * and also emits 'error' on the client, which while checked out has no other
 * listener: unheard, that would end the process. Found behind PgBouncer,
 * which closes clients while its server is away. Once per client; the pool's
 * own listener still hears an idle client's errors and drops it.
 */
function hearErrors(client: PoolClient) {
  if (heard.has(client)) return;
  heard.add(client);
  client.on('error', () => undefined);
}

/**
 * What Postgres answers when a pooler in transaction mode has put a named
 * statement on another server connection than the one it was prepared on:
 * the name is there already (42P05), or missing (26000).
 */
const POOLED_STATEMENT_ERRORS = new Set(['42P05', '26000']);
/** Drivers that met such a pooler with DATABASE_PREPARED_STATEMENTS still on. */
const behindPooler = new WeakSet<PostgresDriver>();

function namesStatements(driver: PostgresDriver): boolean {
  return driver.options.extra?.preparedStatements !== false && !behindPooler.has(driver);
}

function stopNamingStatements(driver: PostgresDriver, error: Error) {
  if (behindPooler.has(driver)) return;
  behindPooler.add(driver);
  new Logger('Database').warn(
    `named prepared statements refused (${error.message}): a pooler in transaction mode? ` +
      'Running unnamed from now on; set DATABASE_PREPARED_STATEMENTS=false to say so up front',
  );
}

const statementNames = new Map<string, string>();

/** One name per text: pg refuses a known name with a different text. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `aisim_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function isUpdateResult(result: unknown): result is [unknown[], number] {
  return (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  );
}

/** Postgres error codes the repositories translate into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
/** nextval past a sequence's MAXVALUE. */
export const PG_SEQUENCE_EXHAUSTED = '2200H';

export function postgresErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}
