import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { postgresErrorCode } from './query-rows';

/**
 * TypeORM's report of a failed statement, as one line of the process's log:
 * Postgres' code and message and the statement's start, never its parameters
 * (they hold whatever a client sent, secrets included). TypeORM's own console
 * logger printed the statement and every parameter over several unstructured
 * lines. Most failures are answered as a 4xx or retried by the caller, so a
 * warning; the caller logs what it did not expect.
 */
export class StatementFailureLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQueryError(error: string | Error, query: string): void {
    const code = postgresErrorCode(error);
    const message = typeof error === 'string' ? error : error.message;
    this.logger.warn(
      `statement failed${code ? ` (${code})` : ''}: ${oneLine(message)}; in: ${oneLine(query).slice(0, 200)}`,
    );
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(oneLine(String(message)));
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
