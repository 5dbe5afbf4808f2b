import {
  addDays,
  ConvergencePointRepository,
  CurveBuilder,
  ensureCurvePartitions,
  HistoryRepository,
  SimulationLifecycle,
  SimulationRepository,
} from '@app/domain';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';

/** The history scenario's two sizes: the same requests at both, side by side. */
export const HISTORY_SMALL = 10_000;
export const HISTORY_LARGE = Number(process.env.BENCH_HISTORY_SIMULATIONS ?? 10_000_000);
/** Days the ended simulations are spread over, ending yesterday; the older half is expired. */
export const HISTORY_DAYS = 60;
export const HISTORY_RETENTION_DAYS = 30;
/** The same work in flight at both sizes: what the sweeper and the reconciler read. */
export const HISTORY_ACTIVE = { running: 100, pending: 200 };
export const HISTORY_MACHINES = 20;
const POINTS = 10;
const CHUNK = 1_000_000;
/** Simulations in a day of the small database. */
export const QUIET_DAY = Math.round(HISTORY_SMALL / HISTORY_DAYS);
export const QUIET_DAYS = 5;

const day = (days: number) => `(now() AT TIME ZONE 'UTC')::date + ${days}`;

/**
 * `simulations` ended simulations over HISTORY_DAYS days, each with its
 * attempt, a ten-point curve and its summary cells, inserted in SQL as a
 * restore or an import would; then the runs in flight. The simulations'
 * secondary indexes are built after the rows, as a restore does. Before
 * those days come `quietDays` days of QUIET_DAY simulations each: days the
 * size of the small database's, so expiring a day of the same size can be
 * compared between the two.
 */
export async function seedHistory(
  db: DataSource,
  simulations: number,
  log: (line: string) => void,
  quietDays = 0,
): Promise<void> {
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query(
    `INSERT INTO machines (machine_id, name)
     SELECT i, 'Machine ' || i FROM generate_series(1, ${HISTORY_MACHINES}) AS i`,
  );
  const [{ today }] = await db.query(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`);
  await db.transaction((manager) =>
    ensureCurvePartitions(
      (text, params) => manager.query(text, params),
      Array.from({ length: HISTORY_DAYS + quietDays }, (_, k) =>
        addDays(today, -HISTORY_DAYS - quietDays + k),
      ),
    ),
  );
  const indexes: Array<{ name: string; definition: string }> = await db.query(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE tablename = 'simulations' AND indexname <> 'simulations_pkey'`,
  );
  for (const { name } of indexes) await db.query(`DROP INDEX ${name}`);

  // Chunks of simulations, each spread evenly over its days: the quiet days first, then the rest.
  const chunks: Array<{ from: number; to: number; firstDay: number; days: number }> = [];
  for (let k = 0; k < quietDays; k++) {
    const from = 1 + k * QUIET_DAY;
    chunks.push({
      from,
      to: from + QUIET_DAY - 1,
      firstDay: -HISTORY_DAYS - quietDays + k,
      days: 1,
    });
  }
  const busyFrom = 1 + quietDays * QUIET_DAY;
  const busyTo = simulations + quietDays * QUIET_DAY;
  for (let from = busyFrom; from <= busyTo; from += CHUNK) {
    chunks.push({
      from,
      to: Math.min(busyTo, from + CHUNK - 1),
      firstDay: -HISTORY_DAYS,
      days: HISTORY_DAYS,
    });
  }
  for (const chunk of chunks) {
    const started = performance.now();
    const first = chunk.days === 1 ? chunk.from : busyFrom;
    const count = chunk.days === 1 ? QUIET_DAY : busyTo - busyFrom + 1;
    await insertChunk(db, chunk.from, chunk.to, {
      first,
      firstDay: chunk.firstDay,
      spacingSeconds: (chunk.days * 86_400) / count,
    });
    if (chunk.days > 1) {
      log(
        `    ${(chunk.to - busyFrom + 1).toLocaleString('en')} of ${simulations.toLocaleString('en')} simulations ` +
          `(${((performance.now() - started) / 1000).toFixed(0)} s for this chunk)`,
      );
    }
  }
  for (const { definition } of indexes) await db.query(definition);

  // In flight, requested today: the same at both sizes.
  await db.query(
    `INSERT INTO simulations (simulation_id, name, machine_id, status, attempt, started_at, heartbeat_at,
                              worker_id, attempt_budget, final_attempt, creation_date, update_date)
     SELECT $1::bigint + i, 'live ' || i, 1 + i % ${HISTORY_MACHINES},
            CASE WHEN i <= ${HISTORY_ACTIVE.running} THEN 'running' ELSE 'pending' END,
            CASE WHEN i <= ${HISTORY_ACTIVE.running} THEN 1 ELSE 0 END,
            CASE WHEN i <= ${HISTORY_ACTIVE.running} THEN now() END,
            CASE WHEN i <= ${HISTORY_ACTIVE.running} THEN now() END,
            CASE WHEN i <= ${HISTORY_ACTIVE.running} THEN 'bench-worker' END, 3, 3, now(), now()
     FROM generate_series(1, ${HISTORY_ACTIVE.running + HISTORY_ACTIVE.pending}) AS i`,
    [busyTo],
  );
  await db.query(
    `SELECT setval('simulations_simulation_id_seq', (SELECT max(simulation_id) FROM simulations))`,
  );
  await db.query('VACUUM ANALYZE');
}

/** Simulations from..to (their attempts, curves and cells), the first of them at firstDay's start. */
async function insertChunk(
  db: DataSource,
  from: number,
  to: number,
  spread: { first: number; firstDay: number; spacingSeconds: number },
): Promise<void> {
  // Names in no particular order, as people name runs; statuses drawn by a hash of the id, so
  // every machine has some of each.
  await db.query(
    `INSERT INTO simulations (simulation_id, name, machine_id, status, failure_reason, creation_date,
                              update_date, curve_day, attempt, attempt_budget, final_attempt,
                              started_at, finished_at, created_by, emulation)
     SELECT i, 'run ' || substr(md5(i::text), 1, 10), 1 + i % ${HISTORY_MACHINES}, status,
            CASE WHEN status = 'failed' THEN 'bench' END,
            t, t + interval '11 seconds', (t AT TIME ZONE 'UTC')::date, 1, 3, 3,
            t + interval '1 second', t + interval '11 seconds', 'bench-' || (i % 50),
            '{"points":10,"span_seconds":100,"tick_ms":null,"noise":0,"seed":1,"decimals":3}'::jsonb
     FROM generate_series($1::bigint, $2::bigint) AS i,
          LATERAL (SELECT (${day(spread.firstDay)})::timestamp AT TIME ZONE 'UTC'
                          + (i - $3::bigint) * make_interval(secs => $4::float8) AS t,
                          CASE WHEN abs(hashint8(i) % 100) < 90 THEN 'finished'
                               WHEN abs(hashint8(i) % 100) < 97 THEN 'failed' ELSE 'cancelled' END AS status) AS x`,
    [from, to, spread.first, spread.spacingSeconds],
  );
  await db.query(
    `INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at, ended_at, outcome)
     SELECT simulation_id, 1, 'bench-worker', started_at, finished_at, status
     FROM simulations WHERE simulation_id BETWEEN $1 AND $2`,
    [from, to],
  );
  await db.query(
    `INSERT INTO convergence_points (simulation_id, attempt, metric_id, seq, seconds, loss, cum_loss, cum_seconds, curve_day)
     SELECT s.simulation_id, 1, 0, k, 10 * (k + 1), 0.1 + 0.9 / (k + 1), k + 1, 5 * (k + 1) * (k + 2), s.curve_day
     FROM simulations s, generate_series(0, ${POINTS - 1}) AS k
     WHERE s.simulation_id BETWEEN $1 AND $2`,
    [from, to],
  );
  await db.query(
    `INSERT INTO convergence_summaries (simulation_id, attempt, metric_id, level, block, min_loss, max_loss, curve_day)
     SELECT s.simulation_id, 1, 0, 1, b, 0.1, 1, s.curve_day
     FROM simulations s, generate_series(0, 1) AS b
     WHERE s.simulation_id BETWEEN $1 AND $2`,
    [from, to],
  );
}

/** Ids of the running simulations seedHistory made (given its simulations and quiet days). */
export function runningIds(simulations: number, quietDays = 0): number[] {
  const base = simulations + quietDays * QUIET_DAY;
  return Array.from({ length: HISTORY_ACTIVE.running }, (_, i) => base + 1 + i);
}

export interface LatencySummary {
  calls: number;
  p50: number;
  p99: number;
}

function summarise(ms: number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    calls: sorted.length,
    p50: Number(at(0.5).toFixed(2)),
    p99: Number(at(0.99).toFixed(2)),
  };
}

/** Runs `call` `times` times in a row; its latencies. */
export async function timeCalls(
  times: number,
  call: () => Promise<unknown>,
): Promise<LatencySummary> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return summarise(ms);
}

/** The worker's sweeper and reconciler statements, read-only here (no lease is ever that old). */
export function recoveryQueries(db: DataSource) {
  const lifecycle = new SimulationLifecycle(db.manager, new ConvergencePointRepository(db.manager));
  const simulations = new SimulationRepository(db.manager);
  return {
    sweeper: () => lifecycle.recoverLost(10 * 365 * 86_400_000),
    reconciler: () => simulations.listPending(new Date(Date.now() - 30_000), 500),
  };
}

/**
 * Appends one point to each running simulation, over and over, as a worker's
 * group commit does each tick, until `until` resolves; the latency of each
 * statement. Seconds continue from where the last call left off.
 */
export class CurveWriteLoad {
  private readonly points: ConvergencePointRepository;
  private readonly builders = new Map<number, CurveBuilder>();
  private seconds = 0;

  constructor(
    db: DataSource,
    private readonly ids: number[],
    /** Their curve day: today's, as seedHistory makes them. */
    private readonly day: string,
  ) {
    this.points = new ConvergencePointRepository(db.manager);
    for (const id of ids) this.builders.set(id, new CurveBuilder());
  }

  async run(until: Promise<unknown>, minimumMs: number): Promise<LatencySummary> {
    let done = false;
    const finished = Promise.all([until, new Promise((r) => setTimeout(r, minimumMs))]).then(() => {
      done = true;
    });
    const ms: number[] = [];
    while (!done) {
      this.seconds += 1;
      const writes = this.ids.map((id) => ({
        ref: { simulationId: id, attempt: 1, day: this.day },
        batch: this.builders.get(id)!.append([{ seconds: this.seconds, loss: 1 / this.seconds }]),
      }));
      const started = performance.now();
      const results = await this.points.appendPointsOfRuns(writes);
      ms.push(performance.now() - started);
      if (results.some((result) => !result.held)) throw new Error('a bench run lost its lease');
      await new Promise((r) => setTimeout(r, 20));
    }
    await finished;
    return summarise(ms);
  }
}

/** Expires every day older than the retention, one after another; the time each took. */
export async function expireHistory(
  db: DataSource,
  maxDays = Infinity,
): Promise<Array<{ day: string; ms: number }>> {
  const history = new HistoryRepository(db.manager);
  const cutoff = await history.cutoff(HISTORY_RETENTION_DAYS);
  const expired: Array<{ day: string; ms: number }> = [];
  for (const due of (await history.daysBefore(cutoff)).slice(0, maxDays)) {
    const started = performance.now();
    const expiry = await history.expireDay(due, cutoff, 1_000);
    if (!expiry.dropped) throw new Error(`day ${due} was not dropped whole`);
    expired.push({ day: due, ms: performance.now() - started });
  }
  return expired;
}

/** Bytes on disk per stored curve point, its summary cells and every index included. */
export async function bytesPerPoint(db: DataSource): Promise<{ points: number; bytes: number }> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM convergence_points)::float8 AS points,
            (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits
             WHERE inhparent IN ('convergence_points'::regclass, 'convergence_summaries'::regclass))::float8 AS bytes`,
  );
  return { points: row.points, bytes: row.bytes };
}
