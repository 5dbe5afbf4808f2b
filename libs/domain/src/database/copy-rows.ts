import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';

/** The column types a binary COPY here writes, in Postgres' binary form. */
export type CopyColumnType = 'int2' | 'int4' | 'int8' | 'float8' | 'date';

/** A field as BinaryRows.field takes it: null is SQL NULL; a date is days since 2000-01-01. */
export type CopyValue = number | null;

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const WIDTH: Record<CopyColumnType, number> = { int2: 2, int4: 4, int8: 8, float8: 8, date: 4 };
/** Bytes sent per chunk: a large report is never one buffer, nor ten thousand writes. */
const CHUNK_BYTES = 256 * 1024;
const POSTGRES_EPOCH_DAY = Date.UTC(2000, 0, 1) / 86_400_000;

/** A YYYY-MM-DD date as the binary format carries it: days since 2000-01-01. */
export function copyDate(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / 86_400_000 - POSTGRES_EPOCH_DAY;
}

/**
 * Rows in COPY's binary format, written into chunks as they come. Binary,
 * not text: numbers go as their bytes, where text made JavaScript print
 * each double and Postgres parse it back, the larger part of a report's
 * cost on both sides (NaN and ±Infinity are plain doubles here too).
 */
class BinaryRows {
  private readonly chunks: Buffer[] = [];
  private buffer: Buffer;
  private offset = 0;
  private readonly rowBytes: number;
  /** Rows written so far. */
  count = 0;

  /**
   * `expectedRows`, where the caller knows them: the first chunk is then as
   * large as they take (a report's few summary cells do not take a whole
   * chunk, allocated anew for each report), and one chunk still carries them
   * all whenever they fit.
   */
  constructor(
    private readonly types: readonly CopyColumnType[],
    expectedRows?: number,
  ) {
    this.rowBytes = 2 + types.reduce((sum, type) => sum + 4 + WIDTH[type], 0);
    const framing = SIGNATURE.length + 8 + 2;
    this.buffer = Buffer.allocUnsafe(
      expectedRows === undefined
        ? CHUNK_BYTES
        : Math.min(CHUNK_BYTES, framing + Math.max(1, expectedRows) * this.rowBytes),
    );
    SIGNATURE.copy(this.buffer, 0);
    // Flags, and the length of the header extension: both none.
    this.buffer.writeInt32BE(0, SIGNATURE.length);
    this.buffer.writeInt32BE(0, SIGNATURE.length + 4);
    this.offset = SIGNATURE.length + 8;
  }

  row(values: readonly CopyValue[]): void {
    if (this.offset + this.rowBytes > this.buffer.length) this.flush();
    let at = this.buffer.writeInt16BE(this.types.length, this.offset);
    for (let index = 0; index < this.types.length; index++) {
      const value = values[index];
      const type = this.types[index];
      if (value === null) {
        at = this.buffer.writeInt32BE(-1, at);
        continue;
      }
      at = this.buffer.writeInt32BE(WIDTH[type], at);
      if (type === 'float8') at = this.buffer.writeDoubleBE(value, at);
      else if (type === 'int8') {
        // Two words rather than a BigInt per value; `>>> 0` keeps the low 32 bits of any safe integer.
        at = this.buffer.writeInt32BE(Math.floor(value / 2 ** 32), at);
        at = this.buffer.writeUInt32BE(value >>> 0, at);
      } else if (type === 'int2') at = this.buffer.writeInt16BE(value, at);
      else at = this.buffer.writeInt32BE(value, at);
    }
    this.offset = at;
    this.count++;
  }

  /** Every chunk, the trailer in the last. */
  end(): Buffer[] {
    if (this.offset + 2 > this.buffer.length) this.flush();
    this.offset = this.buffer.writeInt16BE(-1, this.offset);
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    this.chunks.push(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.offset = 0;
  }
}

/**
 * Appends rows to `table` with COPY FROM STDIN (binary) on the connection of
 * `manager`'s transaction: the fastest way Postgres takes rows. It has no
 * WHERE: the caller's transaction must already hold whatever fences the rows
 * (a run's row, locked). `columns` names each column with its type, in the
 * order of each row's values, `expectedRows` how many there will be if known.
 * No rows, no statement.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: ReadonlyArray<readonly [name: string, type: CopyColumnType]>,
  rows: Iterable<readonly CopyValue[]>,
  expectedRows?: number,
): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('copyRows runs inside a transaction only');
  const binary = new BinaryRows(
    columns.map(([, type]) => type),
    expectedRows,
  );
  for (const row of rows) binary.row(row);
  if (binary.count === 0) return;
  const chunks = binary.end();
  const client = (await runner.connect()) as PoolClient;
  const names = columns.map(([name]) => name).join(', ');
  const stream = client.query(copyFrom(`COPY ${table} (${names}) FROM STDIN WITH (FORMAT binary)`));
  await pipeline(Readable.from(chunks), stream);
}

/** Rows of these column types as COPY's binary format takes them, header to trailer, in chunks. */
export function encodeCopyRows(
  types: readonly CopyColumnType[],
  rows: Iterable<readonly CopyValue[]>,
  expectedRows?: number,
): Buffer[] {
  const binary = new BinaryRows(types, expectedRows);
  for (const row of rows) binary.row(row);
  return binary.end();
}
