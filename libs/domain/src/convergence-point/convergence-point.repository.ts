import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { copyDate, copyRows } from '../database/copy-rows';
import { preparedRows, queryRows } from '../database/query-rows';
import { sqlLiteral as lit } from '../database/sql-literal';
import { SimulationStatus } from '../simulation/simulation-status';
import type { AttemptRef } from '../simulation/simulation.repository';
import { batchColumns, type CurveBatch, summaryColumnsInOrder } from './curve-builder';
import { CURVE_TABLES } from './curve-partitions';
import { LOSS_METRIC } from './loss-metric';
import {
  cellParameters,
  insertPoints,
  pointParameters,
  upsertMetricSummaries,
  upsertSummaryCells,
} from './series-upserts';

/**
 * An attempt's curve, and the day partition it is stored in. Every curve
 * statement names its day(s) as parameters, so Postgres prunes to those
 * partitions when it plans the statement: its cost does not grow with the
 * number of days kept (reached through a join, the day would be known only
 * as the statement runs, and every partition would be planned and locked).
 */
export interface CurveRef extends AttemptRef {
  /** The simulation's curve_day (YYYY-MM-DD). */
  day: string;
}

/** A metric of a run, as its series are keyed: 0 is `loss` (LOSS_METRIC). */
export interface MetricRef {
  id: number;
  name: string;
}

/**
 * Points a held run's write sends with its statement at most; more go by COPY.
 * The statement saves COPY's round trips, but each row it inserts costs more
 * than one COPY writes (COPY fills pages several rows at a time): about where
 * the two meet, measured through a report's whole path.
 */
const POINTS_BY_STATEMENT = 1_500;

/**
 * New summary cells a write whose points go by COPY sends with its statement
 * at most; more go by COPY too.
 */
const NEW_CELLS_BY_STATEMENT = 500;

/** The next batch of one metric of one attempt, for appendPointsOfRuns. */
export interface RunCurveWrite {
  ref: CurveRef;
  /** Defaults to LOSS_METRIC, the emulator's. */
  metric?: MetricRef;
  batch: CurveBatch;
}

export interface AppendResult {
  /** False when the attempt no longer holds the simulation: nothing was written. */
  held: boolean;
  /** Points stored by this call; 0 when the batch was already stored (a retry after a lost reply). */
  written: number;
}

@Injectable()
export class ConvergencePointRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Appends a batch of an attempt's curve, fenced: it is written only while
   * that attempt is the simulation's current one and still running. The row
   * lock (FOR SHARE) holds off a concurrent status change until the insert
   * commits, so once an attempt has lost the simulation (cancelled, timed
   * out, recovered by another worker) not one more of its points lands.
   * Points and the summary cells they change go in one statement, so a reader
   * never sees one without the other. They go to the partition of the
   * simulation's curve_day, read from the row the lease holds; the days the
   * caller names bound the duplicate probe to their partitions.
   *
   * `unnest` over arrays keeps the SQL text the same whatever the batch size
   * (one plan, reused); its arrays go in binary. It writes rows about as fast
   * as COPY, far faster than a multi-row VALUES (`npm run bench:curves`
   * measures the three). It has no ON
   * CONFLICT clause: speculative insertion costs much of the rate.
   * A batch is only ever written again when a retry follows a commit whose
   * reply was lost; batches are written whole or not at all, so one index
   * probe for its first point tells whether it is already stored.
   */
  async appendPoints(ref: CurveRef, batch: CurveBatch): Promise<AppendResult> {
    const [result] = await this.appendPointsOfRuns([{ ref, batch }]);
    return result;
  }

  /**
   * appendPoints for several series (a metric of an attempt) in one
   * statement, each fenced and checked on its own; answers in the order
   * given. A worker holding a thousand runs writes their due points in one
   * round trip and one plan instead of a thousand. Leases are locked in
   * simulation order (as the heartbeat locks them), so two such statements
   * cannot deadlock. Each series may appear only once.
   */
  async appendPointsOfRuns(
    writes: readonly RunCurveWrite[],
    manager: EntityManager = this.manager,
  ): Promise<AppendResult[]> {
    if (writes.length === 0) return [];
    const metrics = writes.map(({ metric }) => metric ?? LOSS_METRIC);
    const series = {
      simulations: writes.map(({ ref }) => ref.simulationId),
      attempts: writes.map(({ ref }) => ref.attempt),
      metricIds: metrics.map((metric) => metric.id),
      metricNames: metrics.map((metric) => metric.name),
      firstSeconds: writes.map(({ batch }) => batch.points[0]?.seconds ?? Number.NaN),
    };
    // Points and cells carry their series' position in `writes`, 1-based as ORDINALITY counts.
    const { points, cells, summaries } = batchColumns(
      writes.map(({ batch }, index) => ({ key: index + 1, batch })),
    );
    const rows = await preparedRows<{ held: boolean; fresh: boolean }>(
      manager,
      `WITH series AS (
           SELECT * FROM unnest($1::bigint[], $2::integer[], $3::smallint[], $4::text[],
                                $5::double precision[])
             WITH ORDINALITY AS r(simulation_id, attempt, metric_id, name, first_seconds, series)
         ), lease AS (
           SELECT r.series, s.curve_day FROM series r
           JOIN simulations s ON s.simulation_id = r.simulation_id AND s.attempt = r.attempt
           WHERE s.status = ${lit(SimulationStatus.Running)}
           ORDER BY s.simulation_id
           FOR SHARE OF s
         ), fresh AS (
           SELECT r.series, r.simulation_id, r.attempt, r.metric_id, r.name, l.curve_day
           FROM series r JOIN lease l ON l.series = r.series
           WHERE NOT EXISTS (
             SELECT 1 FROM convergence_points
             WHERE curve_day = ANY($19::date[]) AND simulation_id = r.simulation_id
               AND attempt = r.attempt AND curve_day = l.curve_day AND metric_id = r.metric_id
               AND seconds = r.first_seconds)
         ), written AS (
           ${insertPoints('fresh', 6)}
         ), summarised AS (
           ${upsertSummaryCells('fresh', 14)}
         ), metric AS (
           ${upsertMetricSummaries('fresh', 20)}
         )
         SELECT r.series IN (SELECT series FROM lease) AS held,
                r.series IN (SELECT series FROM fresh) AS fresh
         FROM series r ORDER BY r.series`,
      [
        series.simulations,
        series.attempts,
        series.metricIds,
        series.metricNames,
        series.firstSeconds,
        ...pointParameters(points),
        ...cellParameters(cells),
        [...new Set(writes.map(({ ref }) => ref.day))],
        ...summaryColumnsInOrder(summaries),
      ],
    );
    return rows.map((row, index) => ({
      held: row.held,
      written: row.fresh ? writes[index].batch.points.length : 0,
    }));
  }

  /**
   * appendPointsOfRuns for writers that already hold the run's row in
   * `manager`'s transaction (a run's report), with no fence of its own and no
   * duplicate probe: the caller's lock and its own checks (a report's
   * sequence) are both. Up to POINTS_BY_STATEMENT points, the points, the
   * summary cells and the metric summaries go in one statement; more go by
   * COPY first (and the cells new to them too, when they are many).
   */
  async appendPointsInHeldRun(
    writes: ReadonlyArray<RunCurveWrite & { metric: MetricRef }>,
    manager: EntityManager,
  ): Promise<void> {
    if (writes.length === 0) return;
    const pointCount = writes.reduce((sum, { batch }) => sum + batch.points.length, 0);
    const pointsByCopy = pointCount > POINTS_BY_STATEMENT;
    // Counted only where it can matter: with the points in the statement, the cells go there too.
    const cellsByCopy =
      pointsByCopy &&
      writes.reduce(
        (sum, { batch }) => sum + batch.cells.filter((cell) => !cell.continued).length,
        0,
      ) > NEW_CELLS_BY_STATEMENT;
    if (pointsByCopy) await copyPoints(manager, writes, pointCount);
    if (cellsByCopy) await copyNewCells(manager, writes);
    const { points, cells, summaries } = batchColumns(
      writes.map(({ batch }, index) => ({
        key: index + 1,
        batch: {
          ...batch,
          points: pointsByCopy ? [] : batch.points,
          cells: cellsByCopy ? batch.cells.filter((cell) => cell.continued) : batch.cells,
        },
      })),
    );
    const first = pointsByCopy ? 6 : 14;
    await queryRows(
      manager,
      `WITH series AS (
         SELECT * FROM unnest($1::bigint[], $2::integer[], $3::date[], $4::smallint[], $5::text[])
           WITH ORDINALITY AS r(simulation_id, attempt, curve_day, metric_id, name, series)
       ), ${pointsByCopy ? '' : `written AS (${insertPoints('series', 6)}), `}summarised AS (
         ${upsertSummaryCells('series', first)}
       )
       ${upsertMetricSummaries('series', first + 5)}`,
      [
        writes.map(({ ref }) => ref.simulationId),
        writes.map(({ ref }) => ref.attempt),
        writes.map(({ ref }) => ref.day),
        writes.map(({ metric }) => metric.id),
        writes.map(({ metric }) => metric.name),
        ...(pointsByCopy ? [] : pointParameters(points)),
        ...cellParameters(cells),
        ...summaryColumnsInOrder(summaries),
      ],
    );
  }

  /**
   * Deletes the points, summaries and metric summaries of the attempts
   * before each one's current, from its curve day's partition, named as a
   * parameter so only that partition is planned.
   */
  async deleteEarlierAttempts(current: readonly CurveRef[]): Promise<void> {
    const days = [...new Set(current.map((ref) => ref.day))];
    for (const table of CURVE_TABLES) {
      await queryRows(
        this.manager,
        `DELETE FROM ${table} p
         USING unnest($2::bigint[], $3::integer[]) AS c(simulation_id, attempt)
         WHERE p.curve_day = ANY($1::date[]) AND p.simulation_id = c.simulation_id AND p.attempt < c.attempt`,
        [days, current.map((ref) => ref.simulationId), current.map((ref) => ref.attempt)],
      );
    }
    await queryRows(
      this.manager,
      `DELETE FROM run_metrics m
       USING unnest($1::bigint[], $2::integer[]) AS c(simulation_id, attempt)
       WHERE m.simulation_id = c.simulation_id AND m.attempt < c.attempt`,
      [current.map((ref) => ref.simulationId), current.map((ref) => ref.attempt)],
    );
  }

  /** Deletes a simulation's points, summaries and metric summaries of every attempt up to and including `last`'s, from its day's partition. */
  async deleteAttemptsThrough(last: CurveRef): Promise<void> {
    for (const table of CURVE_TABLES) {
      await queryRows(
        this.manager,
        `DELETE FROM ${table} WHERE curve_day = $1::date AND simulation_id = $2 AND attempt <= $3`,
        [last.day, last.simulationId, last.attempt],
      );
    }
    await queryRows(
      this.manager,
      `DELETE FROM run_metrics WHERE simulation_id = $1 AND attempt <= $2`,
      [last.simulationId, last.attempt],
    );
  }
}

/** The points of held runs' writes, by binary COPY. */
async function copyPoints(
  manager: EntityManager,
  writes: ReadonlyArray<RunCurveWrite & { metric: MetricRef }>,
  pointCount: number,
): Promise<void> {
  await copyRows(
    manager,
    'convergence_points',
    [
      ['simulation_id', 'int8'],
      ['attempt', 'int4'],
      ['curve_day', 'date'],
      ['metric_id', 'int2'],
      ['seq', 'int4'],
      ['seconds', 'float8'],
      ['loss', 'float8'],
      ['step', 'int8'],
      ['cum_loss', 'float8'],
      ['cum_seconds', 'float8'],
      ['cum_finite', 'int4'],
    ],
    (function* () {
      for (const { ref, metric, batch } of writes) {
        const day = copyDate(ref.day);
        for (const point of batch.points)
          yield [
            ref.simulationId,
            ref.attempt,
            day,
            metric.id,
            point.seq,
            point.seconds,
            point.loss,
            point.step ?? null,
            point.cumLoss,
            point.cumSeconds,
            // Null while every value so far was finite: read as seq + 1.
            point.cumFinite === point.seq + 1 ? null : point.cumFinite,
          ];
      }
    })(),
    pointCount,
  );
}

/** The summary cells new to held runs' writes (not continuing a stored one), by binary COPY. */
async function copyNewCells(
  manager: EntityManager,
  writes: ReadonlyArray<RunCurveWrite & { metric: MetricRef }>,
): Promise<void> {
  await copyRows(
    manager,
    'convergence_summaries',
    [
      ['simulation_id', 'int8'],
      ['attempt', 'int4'],
      ['curve_day', 'date'],
      ['metric_id', 'int2'],
      ['level', 'int2'],
      ['block', 'int4'],
      ['min_loss', 'float8'],
      ['max_loss', 'float8'],
    ],
    (function* () {
      for (const { ref, metric, batch } of writes) {
        const day = copyDate(ref.day);
        for (const cell of batch.cells)
          if (!cell.continued)
            yield [
              ref.simulationId,
              ref.attempt,
              day,
              metric.id,
              cell.level,
              cell.block,
              cell.minLoss,
              cell.maxLoss,
            ];
      }
    })(),
    writes.reduce((sum, { batch }) => sum + batch.cells.length, 0),
  );
}
