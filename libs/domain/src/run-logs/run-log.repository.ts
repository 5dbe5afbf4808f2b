import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import type { AttemptRef } from '../simulation/simulation.repository';

export type LogStream = 'stdout' | 'stderr';
const STREAM_CODES: Record<LogStream, number> = { stdout: 1, stderr: 2 };

/** One line of a program's output, numbered in the order its worker read it. */
export interface RunLogLine {
  seq: number;
  stream: LogStream;
  at: Date;
  text: string;
  /** The line went on past its program's limit; this is its start. */
  cut: boolean;
}

/** Which lines of an attempt's log to read: after a seq, or the last `tail`; at most `limit`. */
export interface RunLogQuery {
  after?: number;
  tail?: number;
  limit: number;
}

const LINE_COLUMNS = `seq::float8 AS seq, CASE stream WHEN 1 THEN 'stdout' ELSE 'stderr' END AS stream,
  at, line AS text, cut`;

/** The output of programs' attempts (run_logs), written by their worker and read by the API. */
@Injectable()
export class RunLogRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async append(ref: AttemptRef, lines: readonly RunLogLine[]): Promise<void> {
    if (lines.length === 0) return;
    await queryRows(
      this.manager,
      `INSERT INTO run_logs (simulation_id, attempt, seq, stream, at, line, cut)
       SELECT $1::bigint, $2::integer, l.seq, l.stream, l.at, l.line, l.cut
       FROM unnest($3::bigint[], $4::smallint[], $5::timestamptz[], $6::text[], $7::boolean[])
         AS l(seq, stream, at, line, cut)
       ON CONFLICT DO NOTHING`,
      [
        ref.simulationId,
        ref.attempt,
        lines.map((line) => line.seq),
        lines.map((line) => STREAM_CODES[line.stream]),
        lines.map((line) => line.at),
        // Postgres text holds no NUL; a program may print one.
        lines.map((line) => line.text.replaceAll('\0', '\uFFFD')),
        lines.map((line) => line.cut),
      ],
    );
  }

  /** Deletes the attempt's lines before `seq`: the log's oldest, when it outgrew its bound. */
  async dropBefore(ref: AttemptRef, seq: number): Promise<void> {
    await queryRows(
      this.manager,
      `DELETE FROM run_logs WHERE simulation_id = $1 AND attempt = $2 AND seq < $3`,
      [ref.simulationId, ref.attempt, seq],
    );
  }

  /** Lines of one attempt in seq order, as `query` asks. */
  async read(ref: AttemptRef, query: RunLogQuery): Promise<RunLogLine[]> {
    if (query.tail !== undefined) {
      const rows = await queryRows<RunLogLine>(
        this.manager,
        `SELECT * FROM (
           SELECT ${LINE_COLUMNS} FROM run_logs
           WHERE simulation_id = $1 AND attempt = $2 AND seq > $3
           ORDER BY seq DESC LIMIT $4) last ORDER BY seq`,
        [ref.simulationId, ref.attempt, query.after ?? 0, Math.min(query.tail, query.limit)],
      );
      return rows;
    }
    return queryRows<RunLogLine>(
      this.manager,
      `SELECT ${LINE_COLUMNS} FROM run_logs
       WHERE simulation_id = $1 AND attempt = $2 AND seq > $3
       ORDER BY seq LIMIT $4`,
      [ref.simulationId, ref.attempt, query.after ?? 0, query.limit],
    );
  }

  /** The first seq the attempt's log still holds, and its last; null for an empty log. */
  async extent(ref: AttemptRef): Promise<{ first: number; last: number } | null> {
    const [row] = await queryRows<{ first: number | null; last: number | null }>(
      this.manager,
      `SELECT min(seq)::float8 AS first, max(seq)::float8 AS last FROM run_logs
       WHERE simulation_id = $1 AND attempt = $2`,
      [ref.simulationId, ref.attempt],
    );
    return row && row.first !== null && row.last !== null
      ? { first: row.first, last: row.last }
      : null;
  }
}
