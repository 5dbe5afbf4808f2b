/**
 * Curves at scale, measured: how fast curve points can be written (by each
 * way of writing rows to Postgres, and by a real worker), and how fast a
 * 1,000-point log-sampled query answers over curves of 10,000 and 1,000,000
 * points — side by side, in one run, on throwaway Postgres and Redis with
 * default durability (fsync and synchronous commit on).
 *
 *   npm run bench:curves            (about three minutes)
 *
 * Prints a table and writes bench/results/curves.json.
 */
import {
  binaryArray,
  ConvergencePoint,
  ConvergencePointRepository,
  CurveBuilder,
  postgresOptions,
} from '@app/domain';
import { INestApplicationContext } from '@nestjs/common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { loadApiConfig } from '../apps/api/src/config/api-config';
import { signAccessToken, resolveJwtSettings, Role } from '@app/auth';
import { createWorker } from '../apps/worker/src/bootstrap';
import { loadWorkerConfig } from '../apps/worker/src/config/worker-config';
import { emulateCurve } from '../apps/worker/src/simulation-run/convergence-emulator';
import { CurveEmulation, resolveEmulation, toEmulationSettings } from '@app/domain';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

const BATCH = 5_000;
const WRITE_ROWS = 100_000;
const WRITE_ROUNDS = 3;
const QUERY_ROUNDS = 300;
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Row {
  seq: number;
  seconds: number;
  loss: number;
  cumLoss: number;
  cumSeconds: number;
}

function rows(count: number): Row[] {
  const curve = [
    ...emulateCurve(
      resolveEmulation({ points: count, spanSeconds: count, noise: 0.1, seed: 1, decimals: 6 }),
    ),
  ];
  return new CurveBuilder().append(curve).points;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-bench-'));
  fs.chmodSync(dir, 0o755);
  const [postgres, redis] = await Promise.all([
    services.startPostgres({ dataDir: path.join(dir, 'pg'), port: await services.freePort() }),
    services.startRedis({ dir: path.join(dir, 'redis'), port: await services.freePort() }),
  ]);
  const databaseUrl = await services.ensureDatabase(postgres.url, 'aisimulation_bench');
  const redisUrl = `${redis.url}/0`;
  const db = new DataSource(postgresOptions({ url: databaseUrl, poolSize: 4 }));
  await db.initialize();
  await db.runMigrations();
  const results: Record<string, unknown> = {
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model}`,
    node: process.version,
  };
  const apps: INestApplicationContext[] = [];

  try {
    await db.query(`INSERT INTO machines (machine_id, name) VALUES (1, 'bench')`);
    let nextSimulation = 1;
    // Every simulation made here is requested today: its curve goes to today's partition.
    const [{ day }] = await db.query(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS day`);
    const simulation = async (status = 'running', emulation?: CurveEmulation) => {
      const id = nextSimulation++;
      await db.query(
        `INSERT INTO simulations (simulation_id, name, machine_id, status, attempt, emulation)
         VALUES ($1::integer, 'bench', 1, $2::varchar, CASE WHEN $2::varchar = 'running' THEN 1 ELSE 0 END, COALESCE($3::jsonb, '{"points":10,"span_seconds":100,"tick_ms":null,"noise":0,"seed":0,"decimals":3}'))`,
        [id, status, emulation ? JSON.stringify(toEmulationSettings(emulation)) : null],
      );
      return id;
    };
    const data = rows(WRITE_ROWS);
    const client = new Client({ connectionString: databaseUrl });
    client.on('error', () => undefined);
    await client.connect();

    // ---- Writes: the same rows, each way, interleaved rounds, median ----
    log(
      `\nWriting ${WRITE_ROWS.toLocaleString()} points per round in batches of ${BATCH.toLocaleString()} ` +
        `(one statement per batch); ${WRITE_ROUNDS} interleaved rounds per method, median`,
    );
    const fenced = new ConvergencePointRepository(db.manager);
    const copyRows = async (id: number, batch: Row[]) => {
      const stream = client.query(
        copyFrom(
          `COPY convergence_points (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds) FROM STDIN`,
        ),
      );
      await pipeline(
        Readable.from([
          batch
            .map(
              (r) =>
                `${id}\t1\t${day}\t0\t${r.seq}\t${r.seconds}\t${r.loss}\t${r.cumLoss}\t${r.cumSeconds}\n`,
            )
            .join(''),
        ]),
        stream,
      );
    };
    /** One batch by INSERT … SELECT unnest, its columns' arrays as `encode` makes them. */
    const unnestRows = async (
      id: number,
      batch: Row[],
      encode: (type: 'int4' | 'float8', values: number[]) => unknown,
    ) => {
      await client.query(
        `INSERT INTO convergence_points (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds)
         SELECT $1, 1, $7::date, 0, * FROM unnest($2::int[], $3::float8[], $4::float8[], $5::float8[], $6::float8[])`,
        [
          id,
          encode(
            'int4',
            batch.map((r) => r.seq),
          ),
          ...(['seconds', 'loss', 'cumLoss', 'cumSeconds'] as const).map((column) =>
            encode(
              'float8',
              batch.map((r) => r[column]),
            ),
          ),
          day,
        ],
      );
    };
    const inBatches = async (write: (batch: Row[]) => Promise<void>) => {
      for (let start = 0; start < data.length; start += BATCH) {
        await write(data.slice(start, start + BATCH));
      }
    };
    const methods: Array<{ method: string; rows: number; write: (id: number) => Promise<void> }> = [
      {
        method: 'TypeORM repository.save (2,000 rows)',
        rows: 2_000,
        write: async (id) => {
          await db.getRepository(ConvergencePoint).save(
            data.slice(0, 2_000).map((row) =>
              Object.assign(new ConvergencePoint(), {
                simulationId: id,
                attempt: 1,
                curveDay: day,
                metricId: 0,
                ...row,
              }),
            ),
          );
        },
      },
      {
        method: 'multi-row INSERT … VALUES',
        rows: data.length,
        write: (id) =>
          inBatches(async (batch) => {
            const values: unknown[] = [];
            const tuples = batch.map((row, i) => {
              values.push(row.seq, row.seconds, row.loss, row.cumLoss, row.cumSeconds);
              const b = i * 5;
              return `(${id}, 1, '${day}', 0, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
            });
            await client.query(
              `INSERT INTO convergence_points (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds) VALUES ${tuples.join(',')}`,
              values,
            );
          }),
      },
      {
        method: 'INSERT … SELECT unnest(arrays)',
        rows: data.length,
        write: (id) => inBatches((batch) => unnestRows(id, batch, (_, values) => values)),
      },
      {
        method: 'INSERT … SELECT unnest(arrays sent in binary)',
        rows: data.length,
        write: (id) => inBatches((batch) => unnestRows(id, batch, binaryArray)),
      },
      {
        method: 'COPY FROM STDIN',
        rows: data.length,
        write: (id) => inBatches((batch) => copyRows(id, batch)),
      },
      {
        method: 'COPY FROM STDIN, all rows in one COPY',
        rows: data.length,
        write: (id) => copyRows(id, data),
      },
      {
        method: 'appendPoints: unnest (binary) + lease fence + min/max summaries',
        rows: data.length,
        write: async (id) => {
          const builder = new CurveBuilder();
          await inBatches(async (batch) => {
            await fenced.appendPoints(
              { simulationId: id, attempt: 1, day },
              builder.append(batch.map(({ seconds, loss }) => ({ seconds, loss }))),
            );
          });
        },
      },
    ];
    const rates = new Map<string, number[]>(methods.map((m) => [m.method, []]));
    for (let round = 0; round < WRITE_ROUNDS; round++) {
      for (const { method, rows: count, write } of methods) {
        const id = await simulation();
        const seconds = await timed(() => write(id));
        rates.get(method)?.push(count / seconds);
        // Each round starts from the same table size.
        await db.query(`DELETE FROM convergence_points WHERE simulation_id = $1`, [id]);
      }
      await db.query('VACUUM convergence_points');
    }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const writes = methods.map(({ method }) => ({
      method,
      rowsPerSecond: Math.round(median(rates.get(method) as number[])),
    }));
    const rateOf = (prefix: string) =>
      (writes.find(({ method }) => method.startsWith(prefix)) as { rowsPerSecond: number })
        .rowsPerSecond;
    const copyPerBatch = rateOf('COPY FROM STDIN');
    const fencedRate = rateOf('appendPoints');
    for (const { method, rowsPerSecond } of writes) {
      log(
        `  ${method.padEnd(58)} ${rowsPerSecond.toLocaleString().padStart(10)} rows/s ` +
          `${(rowsPerSecond / copyPerBatch).toFixed(2).padStart(6)}× COPY`,
      );
    }
    results.writes = writes;
    await client.end();

    // ---- A real worker writing a 1,000,000-point curve ----
    const workerEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
      RECONCILE_INTERVAL_MS: '200',
      MACHINE_REFRESH_MS: '200',
    };
    const worker = await createWorker(loadWorkerConfig(workerEnv));
    apps.push(worker);
    const millionId = await simulation(
      'pending',
      resolveEmulation({
        points: 1_000_000,
        spanSeconds: 1_000_000,
        tickMs: 0,
        noise: 0.2,
        seed: 3,
        decimals: 6,
      }),
    );
    log(`\nA worker emitting a 1,000,000-point curve (tick_ms 0: as fast as it can)…`);
    let finished: { started_at: Date; finished_at: Date } | undefined;
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const [row] = await db.query(
        `SELECT status, started_at, finished_at FROM simulations WHERE simulation_id = $1`,
        [millionId],
      );
      if (row.status === 'finished') finished = row;
      if (row.status === 'failed') throw new Error('the million-point run failed');
    }
    const runSeconds = (finished.finished_at.getTime() - finished.started_at.getTime()) / 1000;
    const workerRate = 1_000_000 / runSeconds;
    log(
      `  1,000,000 points in ${runSeconds.toFixed(1)} s: ${Math.round(workerRate).toLocaleString()} points/s` +
        ` (${(workerRate / copyPerBatch).toFixed(2)}× COPY in batches of ${BATCH}; appendPoints alone ${Math.round(fencedRate).toLocaleString()} rows/s)`,
    );
    results.worker = {
      points: 1_000_000,
      seconds: runSeconds,
      pointsPerSecond: Math.round(workerRate),
      ratioToCopy: workerRate / copyPerBatch,
    };
    await worker.close();
    apps.pop();

    // ---- Reads: 1,000-point log queries over 10,000 and 1,000,000 points ----
    const tenThousandId = await simulation();
    {
      const builder = new CurveBuilder();
      const curve = [
        ...emulateCurve(
          resolveEmulation({
            points: 10_000,
            spanSeconds: 10_000,
            noise: 0.2,
            seed: 4,
            decimals: 6,
          }),
        ),
      ];
      for (let start = 0; start < curve.length; start += BATCH) {
        await fenced.appendPoints(
          { simulationId: tenThousandId, attempt: 1, day },
          builder.append(curve.slice(start, start + BATCH)),
        );
      }
      await db.query(`UPDATE simulations SET status = 'finished' WHERE simulation_id = $1`, [
        tenThousandId,
      ]);
    }
    await db.query('ANALYZE');
    // One client sends every query here: the limits stay on, above what it sends.
    const apiEnv = {
      ...workerEnv,
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
      RATE_LIMIT_PER_CLIENT_PER_MINUTE: '10000000',
    };
    const api = await createApiApp(loadApiConfig(apiEnv));
    apps.push(api);
    await api.listen(0, '127.0.0.1');
    const port = (api.getHttpServer().address() as { port: number }).port;
    const token = signAccessToken(resolveJwtSettings(apiEnv), {
      role: Role.Viewer,
      subject: 'bench',
      ttlSeconds: 3600,
    });
    const get = async (url: string) => {
      const start = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}${url}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body}`);
      return performance.now() - start;
    };
    const queries: Array<{
      query: string;
      curves: Record<string, { p50: number; p99: number; mean: number }>;
    }> = [];
    const sampled = [
      'scale=log&points=1000',
      'scale=log&points=1000&agg=mean',
      'scale=log&points=1000&agg=minmax',
    ];
    log(`\n1,000-point queries, ${QUERY_ROUNDS} rounds each, curves alternated A B A B (ms)`);
    log(
      `  ${'query'.padEnd(36)} ${'10,000 points p50 / p99'.padStart(24)} ${'1,000,000 points p50 / p99'.padStart(28)} ${'p99 ratio'.padStart(10)}`,
    );
    for (const query of sampled) {
      const timings: Record<number, number[]> = { [tenThousandId]: [], [millionId]: [] };
      for (let i = 0; i < 30; i++)
        for (const id of [tenThousandId, millionId]) await get(`/converge/${id}?${query}`);
      for (let i = 0; i < QUERY_ROUNDS; i++) {
        for (const id of [tenThousandId, millionId])
          timings[id].push(await get(`/converge/${id}?${query}`));
      }
      const stats = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return {
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          mean: values.reduce((a, b) => a + b, 0) / values.length,
        };
      };
      const small = stats(timings[tenThousandId]);
      const large = stats(timings[millionId]);
      queries.push({ query, curves: { '10000': small, '1000000': large } });
      log(
        `  ${query.padEnd(36)} ${`${small.p50.toFixed(2)} / ${small.p99.toFixed(2)}`.padStart(24)} ${`${large.p50.toFixed(2)} / ${large.p99.toFixed(2)}`.padStart(28)} ${(large.p99 / small.p99).toFixed(2).padStart(9)}×`,
      );
    }
    results.queries = queries;

    // The naive alternative: GROUP BY over every raw point of the curve.
    const naive: number[] = [];
    const naiveSql = `SELECT width_bucket(ln(seconds), ln(1), ln(1000000) + 1e-9, 1000) AS b, max(seconds), avg(loss)
                      FROM convergence_points WHERE simulation_id = $1 AND attempt = 1 GROUP BY b ORDER BY b`;
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      await db.query(naiveSql, [millionId]);
      naive.push(performance.now() - start);
    }
    const naiveP50 = percentile(
      [...naive].sort((a, b) => a - b),
      50,
    );
    const oursP50 = queries[0].curves['1000000'].p50;
    log(
      `\n  naive SQL GROUP BY over the 1,000,000 raw points: p50 ${naiveP50.toFixed(1)} ms — the sampled query is ${(naiveP50 / oursP50).toFixed(0)}× faster`,
    );
    results.naiveGroupBy = { p50: naiveP50, ratio: naiveP50 / oursP50 };

    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(
      path.join(__dirname, 'results', 'curves.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    log(`\nsaved bench/results/curves.json`);
  } finally {
    for (const app of apps) await app.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    await Promise.all([postgres.stop(), redis.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
