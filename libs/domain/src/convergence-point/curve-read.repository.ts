import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { EntityRows, entityRows } from '../database/entity-rows';
import { DomainError } from '../errors/domain-error';
import { EVERY_OTHER_PROJECT } from '../history/expired-curve-days';
import { plannedRows, preparedRows } from '../database/query-rows';
import { sqlLiteral as lit, sqlLiteralList } from '../database/sql-literal';
import { type SimulationStatus, TERMINAL_STATUSES } from '../simulation/simulation-status';
import { ConvergencePoint } from './convergence-point.entity';
import type { CurveRef } from './convergence-point.repository';
import type { CurvePoint } from './curve-point';
import type { StoredPoint } from './curve-builder';
import { LOSS_METRIC } from './loss-metric';

/** One metric's series in an attempt's curve: what every read below is keyed by. */
export interface SeriesRef extends CurveRef {
  metricId: number;
}

/** One metric of the current attempt of a simulation, seen through a window of seconds. */
export interface CurveWindow {
  ref: SeriesRef;
  /** The metric's name, as asked for. */
  metric: string;
  status: SimulationStatus;
  /** History retention removed this curve: it is not empty, it is gone. */
  expired: boolean;
  /** Points in the whole curve (all of the current attempt's). */
  total: number;
  /** The first and last point inside the window; null when it holds none. */
  first: StoredPoint | null;
  last: StoredPoint | null;
}

/**
 * One bucket's extremes to read: level 0 reads the raw points with
 * lo ≤ seconds ≤ hi; level L ≥ 1 reads summary blocks lo…hi of that level.
 */
export interface ExtremesRead {
  bucket: number;
  level: number;
  lo: number;
  hi: number;
}

/** A stored point's columns as `to_jsonb` gives them. */
type StoredPointRow = Record<string, unknown>;

/** Whether a reader sees a run of this project (docs/projects.md); a run it does not see is not found. */
export type ProjectVisibility = (projectId: number) => boolean;
export const EVERY_PROJECT: ProjectVisibility = () => true;

/** The page statement in its two forms: after `$4` seconds, or from them. */
const pageSql = (
  fromInclusive: boolean,
  steps = true,
) => `SELECT seconds, loss${steps ? ', step::float8 AS step' : ''} FROM convergence_points
 WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $3::date
   AND metric_id = $7::smallint
   AND seconds ${fromInclusive ? '>=' : '>'} $4::float8 AND seconds <= $5::float8
 ORDER BY seconds LIMIT $6::integer`;

/** The fixed statements (the benchmark's baselines run some of them too). */
const STATEMENTS = {
  /**
   * A simulation's current attempt, status and curve day, whether retention
   * has taken its curve (its project's own, or the global one when its
   * project has none), and the id of its metric named $2 in that attempt
   * (null when it has reported none by that name; `loss` is always 0).
   */
  current: `SELECT s.attempt, s.status, s.curve_day::text AS day, s.project_id,
        (s.status IN ${sqlLiteralList(TERMINAL_STATUSES)} AND EXISTS (
           SELECT 1 FROM expired_curve_days x
           WHERE x.day = s.curve_day AND s.update_date < x.ended_before
             AND (x.project_id = s.project_id OR (x.project_id = ${EVERY_OTHER_PROJECT} AND NOT EXISTS (
                  SELECT 1 FROM projects p
                  WHERE p.project_id = s.project_id AND p.retention_days IS NOT NULL))))) AS expired,
        CASE WHEN $2::text = ${lit(LOSS_METRIC.name)} THEN ${LOSS_METRIC.id}
             ELSE (SELECT m.metric_id FROM run_metrics m
                   WHERE m.simulation_id = s.simulation_id AND m.attempt = s.attempt
                     AND m.name = $2::text) END AS metric_id
 FROM simulations s WHERE s.simulation_id = $1::bigint`,
  /**
   * A series' point count, with its first and last stored points inside
   * [$4, $5] seconds ($1 the simulation, $2 the attempt, $3 its curve day,
   * $6 the metric).
   */
  window: `SELECT COALESCE(e.seq + 1, 0)::int AS total, to_jsonb(f) AS first, to_jsonb(l) AS last
 FROM (SELECT 1) AS one
 LEFT JOIN LATERAL (
   SELECT seq FROM convergence_points
   WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $3::date
     AND metric_id = $6::smallint
   ORDER BY seconds DESC LIMIT 1) e ON true
 LEFT JOIN LATERAL (
   SELECT seq, seconds, loss, step, cum_loss, cum_seconds,
          COALESCE(cum_finite, seq + 1) AS cum_finite FROM convergence_points
   WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $3::date
     AND metric_id = $6::smallint AND seconds >= $4::float8
   ORDER BY seconds LIMIT 1) f ON true
 LEFT JOIN LATERAL (
   SELECT seq, seconds, loss, step, cum_loss, cum_seconds,
          COALESCE(cum_finite, seq + 1) AS cum_finite FROM convergence_points
   WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $3::date
     AND metric_id = $6::smallint AND seconds <= $5::float8
   ORDER BY seconds DESC LIMIT 1) l ON true`,
  pageAfter: pageSql(false),
  pageFrom: pageSql(true),
  /** pageFrom without steps: the contract's curve, whose rows are then its answer as they come. */
  pageValuesFrom: pageSql(true, false),
  /**
   * A series' first and last points with $4 ≤ step ≤ $5, and whether it can
   * be read by step at all (run_metrics.by_step): then step order is its
   * order, and the partial index on steps answers each end with one probe.
   */
  stepWindow: `SELECT m.by_step, to_jsonb(f) AS first, to_jsonb(l) AS last
 FROM run_metrics m
 LEFT JOIN LATERAL (
   SELECT seq, seconds, loss, step, cum_loss, cum_seconds,
          COALESCE(cum_finite, seq + 1) AS cum_finite FROM convergence_points
   WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $3::date
     AND metric_id = $6::smallint AND step IS NOT NULL AND step >= $4::bigint
   ORDER BY step, seconds LIMIT 1) f ON m.by_step
 LEFT JOIN LATERAL (
   SELECT seq, seconds, loss, step, cum_loss, cum_seconds,
          COALESCE(cum_finite, seq + 1) AS cum_finite FROM convergence_points
   WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $3::date
     AND metric_id = $6::smallint AND step IS NOT NULL AND step <= $5::bigint
   ORDER BY step DESC, seconds DESC LIMIT 1) l ON m.by_step
 WHERE m.simulation_id = $1::bigint AND m.attempt = $2::integer AND m.metric_id = $6::smallint`,
} as const;

/** How a series is walked: by seconds (every series), or by the steps the run gave. */
export type CurveAxis = 'seconds' | 'step';

/** Steps are integers: a step bound in the index's own type, so the probe is an index range. */
function stepBound(value: number, round: (value: number) => number): string {
  const bounded = Math.min(Math.max(round(value), -1), Number.MAX_SAFE_INTEGER);
  return String(bounded);
}

/**
 * Reads curves without ever loading one whole: every query here is a bounded
 * number of index probes and short range scans, so its cost depends on how
 * much is asked for, not on how long the curve is.
 */
@Injectable()
export class CurveReadRepository {
  static readonly statements = STATEMENTS;
  private readonly points: EntityRows<ConvergencePoint>;

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {
    this.points = entityRows(manager, ConvergencePoint);
  }

  private storedPoint(row: StoredPointRow): StoredPoint {
    return this.points.one(row);
  }

  /**
   * Null when the simulation does not exist. Two statements: the simulation
   * names the day its points are in and its metric's id, and the second
   * reads that day's partition alone, pruned as Postgres plans it. A metric
   * the attempt has not reported has no points (`metricKnown` false).
   */
  async window(
    simulationId: number,
    from: number,
    to: number,
    metric: string = LOSS_METRIC.name,
    visible: ProjectVisibility = EVERY_PROJECT,
  ): Promise<(CurveWindow & { metricKnown: boolean }) | null> {
    // Prepared: a key lookup, whatever the values.
    const [current] = await preparedRows<{
      attempt: number;
      status: SimulationStatus;
      day: string;
      project_id: number;
      expired: boolean;
      metric_id: number | null;
    }>(this.manager, STATEMENTS.current, [simulationId, metric]);
    // A run in a project its reader does not see is, to that reader, no run at all.
    if (!current || !visible(current.project_id)) return null;
    const ref = {
      simulationId,
      attempt: current.attempt,
      day: current.day,
      metricId: current.metric_id ?? -1,
    };
    const known = current.metric_id !== null;
    // Unnamed, so each run is planned for its day: a cached generic plan would cover every partition.
    const [row] = known
      ? await plannedRows<{
          total: number;
          first: StoredPointRow | null;
          last: StoredPointRow | null;
        }>(this.manager, STATEMENTS.window, [
          ref.simulationId,
          ref.attempt,
          ref.day,
          from,
          to,
          ref.metricId,
        ])
      : [{ total: 0, first: null, last: null }];
    const first = row.first ? this.storedPoint(row.first) : null;
    const last = row.last ? this.storedPoint(row.last) : null;
    const empty = !first || !last || first.seq > last.seq;
    return {
      ref,
      metric,
      metricKnown: known,
      status: current.status,
      expired: current.expired,
      total: row.total,
      first: empty ? null : first,
      last: empty ? null : last,
    };
  }

  /**
   * window(), for a reader that needs the curve: a missing simulation is
   * not_found, as is a metric its current attempt never reported, and a
   * curve retention removed is gone, not an empty curve.
   */
  async readableWindow(
    simulationId: number,
    from: number,
    to: number,
    metric: string = LOSS_METRIC.name,
    visible: ProjectVisibility = EVERY_PROJECT,
  ): Promise<CurveWindow> {
    const window = await this.window(simulationId, from, to, metric, visible);
    if (!window) throw DomainError.notFound(`simulation ${simulationId} not found`);
    if (window.expired) {
      throw DomainError.gone(
        `the curve of simulation ${simulationId} has expired: history retention removes the curves ` +
          `of runs that ended longer ago than HISTORY_RETENTION_DAYS (the simulation itself is kept)`,
      );
    }
    if (!window.metricKnown)
      throw DomainError.notFound(
        `simulation ${simulationId} has no metric ${JSON.stringify(metric)} in attempt ${window.ref.attempt} ` +
          `(GET /simulation/${simulationId}/metrics lists the ones it has)`,
      );
    return window;
  }

  /**
   * readableWindow by step: the series' points with from ≤ step ≤ to. A
   * series that cannot be read by step (a point without one, or a step lower
   * than the one before) is a conflict that says so.
   */
  async readableStepWindow(
    simulationId: number,
    from: number,
    to: number,
    metric: string = LOSS_METRIC.name,
    visible: ProjectVisibility = EVERY_PROJECT,
  ): Promise<CurveWindow> {
    const window = await this.readableWindow(simulationId, 0, 0, metric, visible);
    const { ref } = window;
    const [row] = await plannedRows<{
      by_step: boolean;
      first: StoredPointRow | null;
      last: StoredPointRow | null;
    }>(this.manager, STATEMENTS.stepWindow, [
      ref.simulationId,
      ref.attempt,
      ref.day,
      stepBound(from, Math.ceil),
      stepBound(to, Math.floor),
      ref.metricId,
    ]);
    if (!row?.by_step)
      throw DomainError.conflict(
        `metric ${JSON.stringify(metric)} of simulation ${simulationId} cannot be read by step: ` +
          'some of its points gave no step, or a step lower than the one before (its summary in ' +
          `GET /simulation/${simulationId}/metrics says by_step); read it by seconds`,
      );
    const first = row.first ? this.storedPoint(row.first) : null;
    const last = row.last ? this.storedPoint(row.last) : null;
    const empty = !first || !last || first.seq > last.seq;
    return { ...window, first: empty ? null : first, last: empty ? null : last };
  }

  /**
   * For each edge, the last point before it (seconds < edge, or ≤ where
   * `inclusive` says so), or null when there is none: one index probe each.
   * By step (a series read by step only), step < edge.
   */
  async lastPointsBefore(
    ref: SeriesRef,
    edges: readonly number[],
    inclusive: readonly boolean[],
    axis: CurveAxis = 'seconds',
  ): Promise<Array<StoredPoint | null>> {
    if (axis === 'step') return this.lastPointsBeforeStep(ref, edges);
    const rows = await plannedRows<{ k: number; point: StoredPointRow | null }>(
      this.manager,
      `SELECT e.k::int AS k, to_jsonb(p) AS point
       FROM unnest($3::float8[], $4::boolean[]) WITH ORDINALITY AS e(edge, inclusive, k)
       LEFT JOIN LATERAL (
         SELECT seq, seconds, loss, step, cum_loss, cum_seconds,
          COALESCE(cum_finite, seq + 1) AS cum_finite FROM convergence_points
         WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $5::date
           AND metric_id = $6::smallint AND seconds <= e.edge AND (e.inclusive OR seconds < e.edge)
         ORDER BY seconds DESC LIMIT 1) p ON true
       ORDER BY e.k`,
      [ref.simulationId, ref.attempt, edges, inclusive, ref.day, ref.metricId],
    );
    return rows.map((row) => (row.point ? this.storedPoint(row.point) : null));
  }

  /** For each edge, the last point with step < edge: integer steps, so step < ⌈edge⌉. */
  private async lastPointsBeforeStep(
    ref: SeriesRef,
    edges: readonly number[],
  ): Promise<Array<StoredPoint | null>> {
    const rows = await plannedRows<{ k: number; point: StoredPointRow | null }>(
      this.manager,
      `SELECT e.k::int AS k, to_jsonb(p) AS point
       FROM unnest($3::bigint[]) WITH ORDINALITY AS e(edge, k)
       LEFT JOIN LATERAL (
         SELECT seq, seconds, loss, step, cum_loss, cum_seconds,
          COALESCE(cum_finite, seq + 1) AS cum_finite FROM convergence_points
         WHERE simulation_id = $1::bigint AND attempt = $2::integer AND curve_day = $4::date
           AND metric_id = $5::smallint AND step IS NOT NULL AND step < e.edge
         ORDER BY step DESC, seconds DESC LIMIT 1) p ON true
       ORDER BY e.k`,
      [
        ref.simulationId,
        ref.attempt,
        edges.map((edge) => stepBound(edge, Math.ceil)),
        ref.day,
        ref.metricId,
      ],
    );
    return rows.map((row) => (row.point ? this.storedPoint(row.point) : null));
  }

  /** The lowest and highest loss each bucket's reads find. */
  async extremes(
    ref: SeriesRef,
    reads: readonly ExtremesRead[],
  ): Promise<Map<number, { min: number; max: number }>> {
    const rows = await plannedRows<{ bucket: number; min: number; max: number }>(
      this.manager,
      `SELECT r.bucket::int AS bucket, min(x.lo_loss) AS min, max(x.hi_loss) AS max
       FROM unnest($3::integer[], $4::smallint[], $5::float8[], $6::float8[]) AS r(bucket, level, lo, hi)
       CROSS JOIN LATERAL (
         SELECT loss AS lo_loss, loss AS hi_loss FROM convergence_points
         WHERE r.level = 0 AND simulation_id = $1::bigint AND attempt = $2::integer
           AND curve_day = $7::date AND metric_id = $8::smallint
           AND seconds >= r.lo AND seconds <= r.hi
         UNION ALL
         SELECT min_loss, max_loss FROM convergence_summaries
         WHERE r.level > 0 AND simulation_id = $1::bigint AND attempt = $2::integer
           AND curve_day = $7::date AND metric_id = $8::smallint AND level = r.level
           AND block BETWEEN r.lo::integer AND r.hi::integer
       ) x
       GROUP BY r.bucket`,
      [
        ref.simulationId,
        ref.attempt,
        reads.map((read) => read.bucket),
        reads.map((read) => read.level),
        reads.map((read) => read.lo),
        reads.map((read) => read.hi),
        ref.day,
        ref.metricId,
      ],
    );
    return new Map(rows.map((row) => [row.bucket, { min: row.min, max: row.max }]));
  }

  /**
   * Up to `limit` points with after < seconds ≤ upTo (after ≤ seconds when
   * `fromInclusive`), in time order: one page of a keyset scan.
   */
  async page(
    ref: SeriesRef,
    after: number,
    upTo: number,
    limit: number,
    fromInclusive = false,
  ): Promise<CurvePoint[]> {
    // Unnamed, as window's points: planned for the day's partition alone.
    return plannedRows<CurvePoint>(
      this.manager,
      fromInclusive ? STATEMENTS.pageFrom : STATEMENTS.pageAfter,
      [ref.simulationId, ref.attempt, ref.day, after, upTo, limit, ref.metricId],
    );
  }

  /**
   * page from `from` inclusive, each point its seconds and value alone:
   * rows shaped as the contract answers them, so a whole curve goes out
   * without a copy of every point (a thousand objects per read).
   */
  async pageValues(
    ref: SeriesRef,
    from: number,
    upTo: number,
    limit: number,
  ): Promise<Array<{ seconds: number; loss: number }>> {
    return plannedRows(this.manager, STATEMENTS.pageValuesFrom, [
      ref.simulationId,
      ref.attempt,
      ref.day,
      from,
      upTo,
      limit,
      ref.metricId,
    ]);
  }
}
