import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

const COLUMNS =
  'simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds, step';

/**
 * Rows per second COPY writes into convergence_points in transactions of
 * `batch` rows (each committed before the next, as a report is answered
 * only once it is durable), from `clients` connections at once for
 * `seconds`: what Postgres itself does with the work a run's reports give
 * it, before any HTTP, JSON or checks. Each batch's rows are made as a
 * reporting client makes its body, inside the timed loop, with steps, in
 * COPY's text format.
 */
export async function copyBatches(
  databaseUrl: string,
  db: DataSource,
  batch: number,
  clients: number,
  seconds: number,
): Promise<number> {
  const runs: Array<{ id: number; day: string }> = await db.query(
    `INSERT INTO simulations (name, machine_id, status, attempt, emulation)
     SELECT 'copy batches', 1, 'running', 1,
            '{"points":1,"span_seconds":1,"tick_ms":0,"noise":0,"seed":1,"decimals":3}'
     FROM generate_series(1, $1)
     RETURNING simulation_id AS id, curve_day::text AS day`,
    [clients],
  );
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const written = await Promise.all(
    runs.map(async ({ id, day }) => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      let seq = 0;
      let rows = 0;
      try {
        while (performance.now() < deadline) {
          const lines: string[] = [];
          for (let k = 0; k < batch; k++, seq++) {
            const at = (seq + 1) / 1000;
            lines.push(
              `${id}\t1\t${day}\t0\t${seq}\t${at}\t${1 / (seq + 1)}\t${seq}\t${at}\t${seq}\n`,
            );
          }
          await client.query('BEGIN');
          await pipeline(
            Readable.from([lines.join('')]),
            client.query(copyFrom(`COPY convergence_points (${COLUMNS}) FROM STDIN`)),
          );
          await client.query('COMMIT');
          rows += batch;
        }
      } finally {
        await client.end();
      }
      return rows;
    }),
  );
  const rate =
    written.reduce((sum, rows) => sum + rows, 0) / ((performance.now() - started) / 1000);
  await db.query(`DELETE FROM simulations WHERE simulation_id = ANY($1)`, [runs.map((r) => r.id)]);
  return rate;
}
