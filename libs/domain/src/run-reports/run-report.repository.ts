import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  ConvergencePointRepository,
  type MetricRef,
  type RunCurveWrite,
} from '../convergence-point/convergence-point.repository';
import {
  CurveBuilder,
  type SeriesTail,
  summaryBlockSize,
  SUMMARY_LEVELS,
} from '../convergence-point/curve-builder';
import type { CurvePoint } from '../convergence-point/curve-point';
import { LOSS_METRIC } from '../convergence-point/loss-metric';
import { GroupCommit } from '../database/group-commit';
import { preparedRowsInTransaction, queryRows, StatementNameRefused } from '../database/query-rows';
import { sqlLiteral } from '../database/sql-literal';
import { DomainError } from '../errors/domain-error';
import type { RunParams, RunTags } from '../run-data/run-data';
import { applyTagChanges, writeParamsOnce } from '../run-data/run-data.repository';
import { RUN_DATA_LIMITS } from '../run-data/run-keys';
import { Program } from '../simulation/program';
import { type SeriesKey, SeriesTailCache } from './series-tail-cache';
import type { AttemptRef } from '../simulation/simulation.repository';
import { SimulationStatus } from '../simulation/simulation-status';

/** One point of a report: a value of a metric, where the run says it is. */
export interface ReportedPoint {
  metric: string;
  value: number;
  /** Since the run started; left out, the time the report arrived. */
  seconds?: number;
  step?: number;
}

/** A run's report: numbered by its client, stored whole or not at all. */
export interface RunReport {
  sequence: number;
  /** Of the report as sent (SHA-256, hex): a resent report matches it. */
  hash: string;
  points: readonly ReportedPoint[];
  params?: RunParams;
  tags?: RunTags;
  /**
   * A point at or before its metric's last one is placed a microsecond after
   * it, rather than refusing the report: for clients whose times are clock
   * readings that may repeat or step back (MLflow's millisecond timestamps).
   */
  latePointsFollow?: boolean;
}

export interface StoredReport {
  /** True when this sequence number was stored before, with the same report. */
  duplicate: boolean;
  points: number;
  /**
   * What this report added to each metric (none for a duplicate): the
   * seconds of the series' point before them (null for its first), and the
   * points, for live streams.
   */
  written: Array<{ metric: string; after: number | null; points: readonly CurvePoint[] }>;
}

/**
 * Points of one report that the server places in time: a metric's points
 * without `seconds` get the report's arrival, a microsecond apart, so each
 * has its own place on the time axis.
 */
const ARRIVAL_SPACING_SECONDS = 1e-6;

/** A metric the attempt has: its id, and how many points its series holds. */
interface KnownMetric {
  id: number;
  count: number;
}

/** One metric's batch of a report, and where its series will stand once it is stored. */
type SeriesWrite = RunCurveWrite & {
  metric: MetricRef;
  after: number | null;
  tail: SeriesTail | undefined;
};

/** The row a report is checked against, locked for the report's transaction. */
interface ReportingRun {
  status: SimulationStatus;
  attempt: number;
  program: string;
  day: string;
  /** Seconds since the attempt started, as the database's clock has it. */
  elapsed: number;
}

/** Points one transaction of reports carries at most (a single larger report still goes, alone). */
export const MAX_POINTS_PER_REPORT_TRANSACTION = 20_000;

/**
 * Tries of a report whose transaction is to run again: its run changed while
 * it waited for it, or a pooler refused its first statement's name.
 */
const TRIES = 3;

/**
 * A report's transaction read its run before another process's transaction
 * on the run committed (it waited for the run's row meanwhile): it is rolled
 * back and stored again, reading the run anew.
 */
class StaleRunRead extends Error {
  constructor(simulationIds: readonly number[]) {
    super(`simulations ${simulationIds.join(', ')} changed while their reports waited for them`);
  }
}

/** A report to store, for the attempt that sent it. */
interface ReportInput {
  scope: AttemptRef;
  report: RunReport;
}

/** What became of a report: stored (or found stored before), or refused without a write. */
type ReportOutcome = StoredReport | DomainError;

/**
 * Stores what runs report (an external run's client, or a program's metric
 * records its worker read): points (fenced by the runs' rows the
 * transaction holds), params (once) and tags. Reports go by group commit:
 * those of different runs that arrive together, or while others are being
 * stored, share one transaction and its statements, each answered on its
 * own; a run's reports go one after the other, each all or nothing (a
 * transaction refused for one of them is retried one report per
 * transaction). Reporting keeps the run's lease.
 */
@Injectable()
export class RunReportRepository {
  private readonly tails = new SeriesTailCache();
  private readonly commits: GroupCommit<ReportInput, ReportOutcome>;

  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly curves: ConvergencePointRepository,
  ) {
    this.commits = new GroupCommit({
      run: (inputs) => this.storeTogether(inputs),
      keyOf: ({ scope }) => String(scope.simulationId),
      weightOf: ({ report }) => Math.max(1, report.points.length),
      maxWeight: MAX_POINTS_PER_REPORT_TRANSACTION,
      // A report never waits for company: those arriving together, or while two
      // transactions are being stored, share the next one.
      gatherMs: 0,
      maxInFlight: 2,
    });
  }

  async report(scope: AttemptRef, report: RunReport): Promise<StoredReport> {
    for (let tries = 1; ; tries++) {
      let outcome: ReportOutcome;
      try {
        outcome = await this.commits.submit({ scope, report });
      } catch (error) {
        const again = error instanceof StaleRunRead || error instanceof StatementNameRefused;
        if (again && tries < TRIES) continue;
        throw error;
      }
      if (outcome instanceof DomainError) throw outcome;
      return outcome;
    }
  }

  /** Reports of different runs in one transaction; throws (rolling all back) when one cannot be stored. */
  private async storeTogether(inputs: readonly ReportInput[]): Promise<ReportOutcome[]> {
    // Kept once the reports have committed: a rolled-back one leaves the series as they were.
    const kept: Array<[SeriesKey, SeriesTail]> = [];
    const outcomes = await this.manager.transaction(async (manager) => {
      const opened = await openReports(manager, inputs);
      const writes: SeriesWrite[] = [];
      const outcomes: ReportOutcome[] = [];
      for (const [index, { scope, report }] of inputs.entries()) {
        const open = opened[index];
        if (open instanceof DomainError) {
          outcomes.push(open);
          continue;
        }
        const { run, claimed, prior, metrics } = open;
        if (!claimed) {
          outcomes.push(
            prior?.request_hash === report.hash
              ? { duplicate: true, points: prior.points, written: [] }
              : DomainError.conflict(
                  `sequence ${report.sequence} was already used for a different report of this run: ` +
                    'number each report anew (a report sent again must be the same report)',
                ),
          );
          continue;
        }
        if (report.params) await writeParamsOnce(manager, scope.simulationId, report.params);
        if (report.tags)
          await applyTagChanges(
            manager,
            scope.simulationId,
            report.tags,
            [],
            RUN_DATA_LIMITS.maxTags,
          );
        const own = await this.seriesWrites(manager, scope, run, metrics, report);
        writes.push(...own);
        outcomes.push({
          duplicate: false,
          points: report.points.length,
          written: own.map(({ metric, batch, after }) => ({
            metric: metric.name,
            after,
            points: batch.points,
          })),
        });
      }
      await this.curves.appendPointsInHeldRun(writes, manager);
      for (const { ref, metric, tail } of writes)
        if (tail)
          kept.push([
            { simulationId: ref.simulationId, attempt: ref.attempt, metricId: metric.id },
            tail,
          ]);
      return outcomes;
    });
    for (const [series, tail] of kept) this.tails.set(series, tail);
    return outcomes;
  }

  /** The report's points as one write per metric, each going on from where its series stands. */
  private async seriesWrites(
    manager: EntityManager,
    scope: AttemptRef,
    run: ReportingRun,
    known: ReadonlyMap<string, KnownMetric>,
    { points, latePointsFollow }: RunReport,
  ): Promise<SeriesWrite[]> {
    const byMetric = new Map<string, ReportedPoint[]>();
    for (const point of points) {
      const series = byMetric.get(point.metric) ?? [];
      series.push(point);
      byMetric.set(point.metric, series);
    }
    if (byMetric.size === 0) return [];
    const metrics = metricIds(known, [...byMetric.keys()]);
    // A metric numbered just now has no stored series; the others' tails this process may keep.
    const tails = new Map<number, SeriesTail>();
    const unread: number[] = [];
    for (const { name, id } of metrics.values()) {
      const count = known.get(name)?.count;
      if (count === undefined) continue;
      const tail = this.tails.get({ ...scope, metricId: id }, count);
      if (tail) tails.set(id, tail);
      else unread.push(id);
    }
    if (unread.length)
      for (const [id, tail] of await seriesTails(manager, { ...scope, day: run.day }, unread))
        tails.set(id, tail);
    const ref = { ...scope, day: run.day };
    const writes: SeriesWrite[] = [];
    for (const [name, reported] of byMetric) {
      const metric = metrics.get(name)!;
      const tail = tails.get(metric.id);
      const builder = tail ? CurveBuilder.resume(tail) : new CurveBuilder();
      let arrival = Math.max(run.elapsed, builder.lastPointSeconds + ARRIVAL_SPACING_SECONDS);
      const curve = reported.map((point) => {
        const seconds = point.seconds ?? arrival;
        if (point.seconds === undefined) arrival += ARRIVAL_SPACING_SECONDS;
        return { seconds, loss: point.value, step: point.step ?? null };
      });
      let previous = builder.lastPointSeconds;
      for (const point of curve) {
        if (!(point.seconds > previous) && latePointsFollow)
          point.seconds = previous + ARRIVAL_SPACING_SECONDS;
        if (!(point.seconds > previous))
          throw DomainError.conflict(
            `metric ${JSON.stringify(name)}: a point at ${point.seconds} s comes after one at ` +
              `${previous} s; a metric's points go forward in time (leave seconds out to have the ` +
              'time of arrival)',
          );
        previous = point.seconds;
      }
      const batch = builder.append(curve);
      writes.push({
        ref,
        metric,
        after: tail ? tail.last.seconds : null,
        batch,
        tail: builder.tail(),
      });
    }
    return writes;
  }
}

/** A report opened: the run as it stands, and whether the report's sequence number was free. */
interface OpenedReport {
  run: ReportingRun;
  claimed: boolean;
  prior: { request_hash: string; points: number } | null;
  metrics: Map<string, KnownMetric>;
}

/**
 * Opens reports of different runs, in one prepared statement: locks the runs' rows
 * (in simulation order, as every statement here that locks several does),
 * claims each report's sequence number where its run may report (its
 * attempt, running, not emulated), keeps the lease for each report stored or
 * sent again, and reads what each report
 * is checked against: a report stored under that number before, and the
 * attempt's metrics by name. A run that takes no report has a 404 or a 409
 * saying why, in the report's place (nothing of it was written).
 */
async function openReports(
  manager: EntityManager,
  inputs: readonly ReportInput[],
): Promise<Array<OpenedReport | DomainError>> {
  const rows = await preparedRowsInTransaction<
    Partial<ReportingRun> & {
      stale: boolean | null;
      claimed: boolean;
      prior: { request_hash: string; points: number } | null;
      metrics: Array<[number, string, number]> | null;
    }
  >(
    manager,
    `WITH input AS (
       SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::text[], $5::integer[])
         WITH ORDINALITY AS i(simulation_id, attempt, sequence, request_hash, points, n)
     ), run AS (
       SELECT simulation_id, status, attempt, program, curve_day, xmin::text AS version,
              COALESCE(extract(epoch FROM clock_timestamp() - started_at), 0)::float8 AS elapsed
       FROM simulations WHERE simulation_id IN (SELECT simulation_id FROM input)
       ORDER BY simulation_id FOR UPDATE
     ), open AS (
       SELECT i.* FROM input i JOIN run r USING (simulation_id)
       WHERE r.attempt = i.attempt AND r.status = ${sqlLiteral(SimulationStatus.Running)}
         AND r.program <> ${sqlLiteral(Program.Emulate)}
     ), claimed AS (
       INSERT INTO run_batches (simulation_id, attempt, sequence, request_hash, points)
       SELECT simulation_id, attempt, sequence, request_hash, points FROM open
       ON CONFLICT DO NOTHING RETURNING simulation_id
     ), resent AS (
       SELECT o.simulation_id FROM open o
       JOIN run_batches b USING (simulation_id, attempt, sequence, request_hash)
     ), lease AS (
       -- Reporting is a heartbeat: the lease the reconciler checks is kept, by a report
       -- stored now or sent again, not by one refused.
       UPDATE simulations SET heartbeat_at = clock_timestamp()
       WHERE simulation_id IN (SELECT simulation_id FROM claimed UNION ALL SELECT simulation_id FROM resent)
     )
     SELECT r.status, r.attempt, r.program, r.curve_day::text AS day, r.elapsed,
            -- The row locked is newer than the one this statement's snapshot sees: another
            -- transaction changed the run while this one waited for it, and what is read below
            -- (metrics, a prior report) may predate that.
            r.version <> (SELECT x.xmin::text FROM simulations x
                          WHERE x.simulation_id = i.simulation_id) AS stale,
            EXISTS (SELECT 1 FROM claimed c WHERE c.simulation_id = i.simulation_id) AS claimed,
            (SELECT to_jsonb(b) FROM (
               SELECT request_hash, points FROM run_batches b
               WHERE b.simulation_id = i.simulation_id AND b.attempt = i.attempt
                 AND b.sequence = i.sequence) b) AS prior,
            (SELECT jsonb_agg(jsonb_build_array(m.metric_id, m.name, m.count)) FROM run_metrics m
             WHERE m.simulation_id = i.simulation_id AND m.attempt = i.attempt) AS metrics
     FROM input i LEFT JOIN run r USING (simulation_id)
     ORDER BY i.n`,
    [
      inputs.map(({ scope }) => scope.simulationId),
      inputs.map(({ scope }) => scope.attempt),
      inputs.map(({ report }) => report.sequence),
      inputs.map(({ report }) => report.hash),
      inputs.map(({ report }) => report.points.length),
    ],
  );
  const stale = rows.flatMap((row, index) => (row.stale ? [inputs[index].scope.simulationId] : []));
  if (stale.length) throw new StaleRunRead(stale);
  return rows.map((row, index) => {
    const { scope } = inputs[index];
    if (row.status === null || row.status === undefined)
      return DomainError.notFound(`simulation ${scope.simulationId} not found`);
    const { claimed, prior, metrics, stale: _, ...run } = row as ReportingRun & typeof row;
    if (run.program === Program.Emulate)
      return DomainError.conflict(
        `simulation ${scope.simulationId} is an emulated run: its worker writes its curve`,
      );
    if (run.attempt !== scope.attempt || run.status !== SimulationStatus.Running)
      return refusal(scope, run);
    return {
      run,
      claimed,
      prior,
      metrics: new Map((metrics ?? []).map(([id, name, count]) => [name, { id, count }])),
    };
  });
}

export function notExternal(scope: AttemptRef, program: string): void {
  if (program === Program.Emulate)
    throw DomainError.conflict(
      `simulation ${scope.simulationId} is not an external run: its worker writes its curve`,
    );
  if (program !== Program.External)
    throw DomainError.conflict(
      `simulation ${scope.simulationId} runs program "${program}" on its machine: its worker ` +
        'starts and ends it and keeps its lease; its token may only report (metrics, params, tags)',
    );
}

/** Why attempt `scope` can report nothing now: superseded, not started, or ended. */
export function refusal(
  scope: AttemptRef,
  run: { status: SimulationStatus; attempt: number },
): DomainError {
  const id = scope.simulationId;
  // Past the token's attempt, or back to pending after it (a retry): the token is spent.
  if (
    run.attempt > scope.attempt ||
    (run.attempt === scope.attempt && run.status === SimulationStatus.Pending)
  )
    return DomainError.conflict(
      `attempt ${scope.attempt} of simulation ${id} was superseded ` +
        `${run.attempt > scope.attempt ? `by attempt ${run.attempt}` : '(the run was retried)'}: ` +
        'report with the token of the current attempt (a retry answers it)',
    );
  if (run.status === SimulationStatus.Pending)
    return DomainError.conflict(
      `simulation ${id} has not started: POST /simulation/${id}/start first`,
    );
  return DomainError.conflict(
    `simulation ${id} has ended (${run.status}): it takes no more reports`,
  );
}

/**
 * The id of each metric by name in an attempt, numbering names not seen
 * before after the highest (`loss` is always 0). At most
 * RUN_DATA_LIMITS.maxMetrics metrics per attempt; more is a 400.
 */
function metricIds(
  known: ReadonlyMap<string, KnownMetric>,
  names: readonly string[],
): Map<string, MetricRef> {
  const ids = new Map([...known].map(([name, { id }]) => [name, id]));
  let next = Math.max(LOSS_METRIC.id, ...ids.values()) + 1;
  const metrics = new Map<string, MetricRef>();
  for (const name of names) {
    let id = name === LOSS_METRIC.name ? LOSS_METRIC.id : ids.get(name);
    if (id === undefined) {
      id = next++;
      ids.set(name, id);
    }
    metrics.set(name, { id, name });
  }
  const count = new Set([...ids.keys(), ...names]).size;
  if (count > RUN_DATA_LIMITS.maxMetrics)
    throw DomainError.invalid(
      `the run would have ${count} metrics; at most ${RUN_DATA_LIMITS.maxMetrics} are accepted`,
    );
  return metrics;
}

/** Where each stored series of these metrics stands; a metric with no point yet has none. */
async function seriesTails(
  manager: EntityManager,
  ref: AttemptRef & { day: string },
  metricIds: readonly number[],
): Promise<Map<number, SeriesTail>> {
  const rows = await queryRows<{
    metric_id: number;
    seq: number;
    seconds: number;
    loss: number;
    cum_loss: number;
    cum_seconds: number;
    cum_finite: number;
    count: number;
    last_value: number;
    last_seconds: number;
    min_value: number;
    min_seconds: number;
    max_value: number;
    last_step: number | null;
    min_step: number | null;
    by_step: boolean;
    cells: Array<[number, number, number, number]> | null;
  }>(
    manager,
    `SELECT m.metric_id, p.seq, p.seconds, p.loss, p.cum_loss, p.cum_seconds,
            COALESCE(p.cum_finite, p.seq + 1) AS cum_finite, m.count,
            m.last_value, m.last_seconds, m.min_value, m.min_seconds, m.max_value,
            m.last_step::float8 AS last_step, m.min_step::float8 AS min_step, m.by_step,
            -- One key lookup per level, whatever the planner thinks of the table (LIMIT keeps
            -- the lookup its own: as a join, stale statistics after a large delete made it a
            -- scan of every cell of the series, growing with the run).
            (SELECT jsonb_agg(jsonb_build_array(c.level, c.block, c.min_loss, c.max_loss))
             FROM generate_series(1, $5::int) AS l(level)
             CROSS JOIN LATERAL (
               SELECT level, block, min_loss, max_loss FROM convergence_summaries
               WHERE curve_day = $3::date AND simulation_id = $1 AND attempt = $2
                 AND metric_id = m.metric_id AND level = l.level
                 AND block = p.seq / (${summaryBlockSize(1)} ^ l.level)::bigint
               LIMIT 1) c) AS cells
     FROM run_metrics m
     JOIN LATERAL (
       SELECT seq, seconds, loss, cum_loss, cum_seconds, cum_finite FROM convergence_points
       WHERE curve_day = $3::date AND simulation_id = $1 AND attempt = $2
         AND metric_id = m.metric_id
       ORDER BY seconds DESC LIMIT 1) p ON true
     WHERE m.simulation_id = $1 AND m.attempt = $2 AND m.metric_id = ANY($4::smallint[])`,
    [ref.simulationId, ref.attempt, ref.day, metricIds, SUMMARY_LEVELS],
  );
  return new Map(
    rows.map((row) => [
      row.metric_id,
      {
        last: {
          seq: row.seq,
          seconds: row.seconds,
          loss: row.loss,
          cumLoss: row.cum_loss,
          cumSeconds: row.cum_seconds,
          cumFinite: row.cum_finite,
        },
        openCells: (row.cells ?? []).map(([level, block, minLoss, maxLoss]) => ({
          level,
          block,
          minLoss,
          maxLoss,
        })),
        summary: {
          count: row.count,
          lastValue: row.last_value,
          lastSeconds: row.last_seconds,
          lastStep: row.last_step,
          minValue: row.min_value,
          minSeconds: row.min_seconds,
          minStep: row.min_step,
          maxValue: row.max_value,
          byStep: row.by_step,
        },
      },
    ]),
  );
}
