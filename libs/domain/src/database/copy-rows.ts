import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';

/** A value as COPY's text format takes it: null as \N; numbers as JavaScript prints them (NaN, Infinity too). */
function copyField(value: number | string | null): string {
  return value === null ? '\\N' : String(value);
}

/**
 * Appends rows to `table` with COPY FROM STDIN on the connection of
 * `manager`'s transaction: the fastest way Postgres takes rows. It has no
 * WHERE: the caller's transaction must already hold whatever fences the rows
 * (a run's row, locked). Values are numbers, plain strings without tabs or
 * newlines, or null.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: Iterable<ReadonlyArray<number | string | null>>,
): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows runs inside a transaction only');
  const client = (await runner.connect()) as PoolClient;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  // Chunks of lines, so a large report is not one string.
  async function* lines() {
    let chunk = '';
    let count = 0;
    for (const row of rows) {
      chunk += `${row.map(copyField).join('\t')}\n`;
      if (++count % 2_000 === 0) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), stream);
}
