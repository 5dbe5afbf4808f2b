import { EVENT_LOOP_SAMPLE_MS } from '@app/runtime';
import { machineQueueName, RUN_JOB_OPTIONS, runJobId, SimulationJobName } from '@app/queue';
import Queue from 'bull';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { MeasuredProcess } from './processes';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pending simulations on `machineId`, inserted and queued at once, as the API would. */
export async function enqueueSimulations(
  db: DataSource,
  redisUrl: string,
  machineId: number,
  count: number,
  emulation: object = {
    points: 10,
    span_seconds: 100,
    tick_ms: null,
    noise: 0,
    seed: 1,
    decimals: 3,
  },
): Promise<number[]> {
  const rows: Array<{ simulation_id: number }> = await db.query(
    `INSERT INTO simulations (name, machine_id, created_by, emulation)
     SELECT 'load ' || i, $1::integer, 'bench', $3::jsonb FROM generate_series(1, $2::integer) AS i
     RETURNING simulation_id`,
    [machineId, count, JSON.stringify(emulation)],
  );
  const ids = rows.map((row) => row.simulation_id);
  const queue = new Queue(machineQueueName(machineId), redisUrl);
  await queue.addBulk(
    ids.map((simulationId) => ({
      name: SimulationJobName.Run,
      data: { simulationId, machineId, attempt: 0 },
      opts: { ...RUN_JOB_OPTIONS, jobId: runJobId(simulationId, 0) },
    })),
  );
  await queue.close();
  return ids;
}

export interface LoopScrape {
  /** prom-client's p99 of the last scrape interval, less its 20 ms sampling period. */
  intervalP99Ms: number | null;
  /** The worker's cumulative event-loop delay histogram: upper bound (s) → samples at or under it. */
  buckets: Map<number, number>;
}

export async function scrapeLoop(metricsUrl: string): Promise<LoopScrape> {
  try {
    const text = await (await fetch(metricsUrl)).text();
    const match = /^nodejs_eventloop_lag_p99_seconds(?:\{[^}]*\})? ([\d.e+-]+)$/m.exec(text);
    const buckets = new Map<number, number>();
    for (const [, le, value] of text.matchAll(
      /^process_event_loop_delay_seconds_bucket\{le="([^"]+)"\} ([\d.e+-]+)$/gm,
    )) {
      buckets.set(le === '+Inf' ? Infinity : Number(le), Number(value));
    }
    return {
      // The figure spans whole sampling intervals (an idle loop reads 20 ms); the delay is the excess.
      intervalP99Ms: match ? Math.max(0, Number(match[1]) * 1000 - EVENT_LOOP_SAMPLE_MS) : null,
      buckets,
    };
  } catch {
    return { intervalP99Ms: null, buckets: new Map() };
  }
}

/**
 * The p99 of the samples taken between two scrapes of the cumulative
 * histogram, interpolated within its bucket as Prometheus' histogram_quantile does.
 */
export function p99Between(from: Map<number, number>, to: Map<number, number>): number {
  const bounds = [...to.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (to.get(le) ?? 0) - (from.get(le) ?? 0));
  const total = counts[counts.length - 1];
  const rank = 0.99 * total;
  for (let i = 0; i < bounds.length; i++) {
    if (counts[i] >= rank) {
      const lower = i === 0 ? 0 : bounds[i - 1];
      const below = i === 0 ? 0 : counts[i - 1];
      if (bounds[i] === Infinity) return lower * 1000;
      return (lower + ((bounds[i] - lower) * (rank - below)) / (counts[i] - below)) * 1000;
    }
  }
  return NaN;
}

export interface WorkerThroughput {
  simulations: number;
  seconds: number;
  /** Finished per second while 20 % → 80 % of them finished: the steady state, ramps excluded. */
  sustainedPerSecond: number;
  peakRunning: number;
  /** The worker's event-loop delay p99 over the steady state (its histogram, 20 % → 80 %). */
  loopDelayP99Ms: number;
  /** The worst and the median one-second p99 in the steady state (prom-client's per-scrape gauge). */
  loopDelayWorstSecondP99Ms: number;
  loopDelayMedianSecondP99Ms: number;
  lateHeartbeats: number;
  leasesLost: number;
  stalledJobs: number;
  notFinishedFirstTime: number;
  workerPeakMb: number;
  /** One sample a second: seconds since the queueing, runs finished and running, loop delay p99. */
  timeline: Array<{ t: number; finished: number; running: number; loopP99: number | null }>;
}

/** Scenario 6: one worker, `count` default (≈ 10 s) runs queued at once. */
export async function measureWorkerThroughput(
  db: DataSource,
  redisUrl: string,
  worker: MeasuredProcess,
  metricsUrl: string,
  machineId: number,
  count: number,
): Promise<WorkerThroughput> {
  const queue = new Queue(machineQueueName(machineId), redisUrl);
  let stalled = 0;
  queue.on('global:stalled', () => stalled++);
  await queue.isReady();
  const logFrom = worker.logSize();
  worker.resetPeak();
  const started = performance.now();
  const ids = await enqueueSimulations(db, redisUrl, machineId, count);
  const timeline: Array<{
    t: number;
    finished: number;
    running: number;
    loopP99: number | null;
    buckets: Map<number, number>;
  }> = [];
  for (;;) {
    await sleep(1000);
    const [row] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'finished')::int AS finished,
              count(*) FILTER (WHERE status = 'running')::int AS running
       FROM simulations WHERE simulation_id = ANY($1::bigint[])`,
      [ids],
    );
    const loop = await scrapeLoop(metricsUrl);
    timeline.push({
      t: (performance.now() - started) / 1000,
      ...row,
      loopP99: loop.intervalP99Ms,
      buckets: loop.buckets,
    });
    if (row.finished + (await countEnded(db, ids)) >= count) break;
    if (performance.now() - started > 600_000)
      throw new Error('scenario 6 did not finish in 10 min');
  }
  // The steady state, from the rows' own finish times (ms precision): the 20th to the 80th
  // percentile of finishes, so the ramp-up and the tail are left out.
  const finishes: Array<{ at: number }> = await db.query(
    `SELECT extract(epoch FROM finished_at) * 1000 AS at FROM simulations
     WHERE simulation_id = ANY($1::bigint[]) AND status = 'finished' ORDER BY finished_at`,
    [ids],
  );
  if (finishes.length < 0.8 * count)
    throw new Error(`only ${finishes.length} of ${count} runs finished`);
  const finishAt = (share: number) => Number(finishes[Math.ceil(share * count) - 1].at);
  const sustainedPerSecond = (0.6 * count - 1) / ((finishAt(0.8) - finishAt(0.2)) / 1000);
  const startedAt = Date.now() - (performance.now() - started);
  const t20 = (finishAt(0.2) - startedAt) / 1000;
  const t80 = (finishAt(0.8) - startedAt) / 1000;
  const steady = timeline.filter((p) => p.t >= t20 && p.t <= t80 && p.loopP99 !== null);
  const delays = steady.map((p) => p.loopP99 as number).sort((a, b) => a - b);
  // From the last scrape before the steady state to the last one in it.
  const before = [...timeline].reverse().find((p) => p.t < t20) ?? timeline[0];
  const loopDelayP99Ms = p99Between(before.buckets, steady[steady.length - 1].buckets);
  const [{ retried }] = await db.query(
    `SELECT count(*)::int AS retried FROM simulations
     WHERE simulation_id = ANY($1::bigint[]) AND (status <> 'finished' OR attempt <> 1)`,
    [ids],
  );
  await queue.close();
  return {
    simulations: count,
    seconds: Number(timeline[timeline.length - 1].t.toFixed(1)),
    sustainedPerSecond: Number(sustainedPerSecond.toFixed(1)),
    peakRunning: Math.max(...timeline.map((p) => p.running)),
    loopDelayP99Ms: Number(loopDelayP99Ms.toFixed(1)),
    loopDelayWorstSecondP99Ms: Number((delays[delays.length - 1] ?? NaN).toFixed(1)),
    loopDelayMedianSecondP99Ms: Number((delays[Math.floor(delays.length / 2)] ?? NaN).toFixed(1)),
    lateHeartbeats: worker.logLines(/heartbeat \d+ ms late/, logFrom).length,
    leasesLost: worker.logLines(/is no longer ours/, logFrom).length,
    stalledJobs: stalled,
    notFinishedFirstTime: retried,
    workerPeakMb: Math.round(worker.peakMb()),
    timeline: timeline.map(({ buckets: _, ...p }) => ({
      ...p,
      t: Number(p.t.toFixed(1)),
      loopP99: p.loopP99 === null ? null : Number(p.loopP99.toFixed(1)),
    })),
  };
}

async function countEnded(db: DataSource, ids: number[]): Promise<number> {
  const [{ ended }] = await db.query(
    `SELECT count(*)::int AS ended FROM simulations
     WHERE simulation_id = ANY($1::bigint[]) AND status IN ('failed', 'cancelled')`,
    [ids],
  );
  return ended;
}

export async function waitForStatus(
  db: DataSource,
  ids: number[],
  status: string,
  atLeast: number,
  timeoutMs = 600_000,
) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (performance.now() > deadline) {
      throw new Error(
        `fewer than ${atLeast} of ${ids.length} simulations reached ${status} in time`,
      );
    }
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM simulations WHERE simulation_id = ANY($1::bigint[]) AND status = $2`,
      [ids, status],
    );
    if (count >= atLeast) return;
    await sleep(200);
  }
}

/** Scenario 7, side A: a worker writing a 1,000,000-point curve as fast as Postgres takes it. */
export async function workerCurveWrite(
  db: DataSource,
  redisUrl: string,
  machineId: number,
  points: number,
): Promise<number> {
  const [id] = await enqueueSimulations(db, redisUrl, machineId, 1, {
    points,
    span_seconds: points,
    tick_ms: 0,
    noise: 0.2,
    seed: 4,
    decimals: 6,
  });
  await waitForStatus(db, [id], 'finished', 1);
  const [{ seconds }] = await db.query(
    `SELECT extract(epoch FROM finished_at - started_at)::float8 AS seconds FROM simulations WHERE simulation_id = $1`,
    [id],
  );
  await db.query(`DELETE FROM convergence_points WHERE simulation_id = $1`, [id]);
  await db.query(`DELETE FROM convergence_summaries WHERE simulation_id = $1`, [id]);
  return points / seconds;
}

/** Scenario 7, side B: the same number of rows by COPY, from this process. */
/**
 * Rows per second COPY writes into convergence_points from one process.
 * `withSteps` gives every row a step, as runs that report steps do: the
 * index over steps is then kept up too, as it is for their reports.
 */
export async function copyCurveWrite(
  databaseUrl: string,
  db: DataSource,
  points: number,
  withSteps = false,
) {
  const [{ id, day }] = await db.query(
    `INSERT INTO simulations (name, machine_id, status, attempt, emulation)
     VALUES ('copy', 1, 'running', 1, '{"points":1,"span_seconds":1,"tick_ms":0,"noise":0,"seed":1,"decimals":3}')
     RETURNING simulation_id AS id, curve_day::text AS day`,
  );
  // Rows made before the clock starts, in chunks of 5,000 lines: COPY at its best.
  const chunks: string[] = [];
  let lines: string[] = [];
  let cumLoss = 0;
  let cumSeconds = 0;
  for (let seq = 0; seq < points; seq++) {
    const seconds = seq + 1;
    const loss = 0.0123 + 0.0928 / Math.sqrt(seconds);
    cumLoss += loss;
    cumSeconds += seconds;
    const step = withSteps ? `\t${seq * 10}` : '';
    lines.push(
      `${id}\t1\t${day}\t0\t${seq}\t${seconds}\t${loss}\t${cumLoss}\t${cumSeconds}${step}\n`,
    );
    if (lines.length === 5_000) {
      chunks.push(lines.join(''));
      lines = [];
    }
  }
  if (lines.length) chunks.push(lines.join(''));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const stream = client.query(
    copyFrom(
      `COPY convergence_points (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds${withSteps ? ', step' : ''}) FROM STDIN`,
    ),
  );
  await pipeline(Readable.from(chunks), stream);
  const rate = points / ((performance.now() - started) / 1000);
  await client.end();
  await db.query(`DELETE FROM simulations WHERE simulation_id = $1`, [id]);
  return rate;
}
