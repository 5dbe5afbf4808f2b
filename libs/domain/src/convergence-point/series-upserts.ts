import { binaryArray } from '../database/binary-array';
import type { batchColumns } from './curve-builder';

/**
 * The statements every append of points is made of, in one home: the points
 * themselves, the summary cells the batch changed (the sampler's levels) and
 * the metric's summary (count, last, min, max), each for the series of
 * relation `series` (columns simulation_id, attempt, curve_day, metric_id,
 * name, series). Each takes its parameters from `first` on, in the order
 * pointParameters, cellParameters and summaryColumnsInOrder give them.
 */

type BatchColumns = ReturnType<typeof batchColumns>;

/** Eight parameters: pointParameters(points). */
export function insertPoints(series: string, first: number): string {
  const [key, seq, seconds, loss, step, cumLoss, cumSeconds, cumFinite] = parameters(first, 8);
  return `INSERT INTO convergence_points
      (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, step, cum_loss,
       cum_seconds, cum_finite)
    SELECT r.simulation_id, r.attempt, r.curve_day, r.metric_id, p.q, p.s, p.l, p.st, p.cl,
           p.cs, p.cf
    FROM unnest(${key}::integer[], ${seq}::integer[], ${seconds}::double precision[],
                ${loss}::double precision[], ${step}::bigint[], ${cumLoss}::double precision[],
                ${cumSeconds}::double precision[], ${cumFinite}::integer[])
      AS p(series, q, s, l, st, cl, cs, cf)
    JOIN ${series} r ON r.series = p.series`;
}

/** The points' columns as insertPoints takes them: binary arrays, the bulk of a batch's bytes. */
export function pointParameters(points: BatchColumns['points']): Buffer[] {
  return [
    binaryArray('int4', points.key),
    binaryArray('int4', points.seq),
    binaryArray('float8', points.seconds),
    binaryArray('float8', points.loss),
    binaryArray('int8', points.step),
    binaryArray('float8', points.cumLoss),
    binaryArray('float8', points.cumSeconds),
    binaryArray('int4', points.cumFinite),
  ];
}

/** The cells' columns as upsertSummaryCells takes them. */
export function cellParameters(cells: BatchColumns['cells']): Buffer[] {
  return [
    binaryArray('int4', cells.key),
    binaryArray('int2', cells.level),
    binaryArray('int4', cells.block),
    binaryArray('float8', cells.min),
    binaryArray('float8', cells.max),
  ];
}

/** Five parameters: cellParameters(cells). */
export function upsertSummaryCells(series: string, first: number): string {
  const [key, level, block, min, max] = parameters(first, 5);
  return `INSERT INTO convergence_summaries
      (simulation_id, attempt, curve_day, metric_id, level, block, min_loss, max_loss)
    SELECT r.simulation_id, r.attempt, r.curve_day, r.metric_id, c.lv, c.b, c.mn, c.mx
    FROM unnest(${key}::integer[], ${level}::smallint[], ${block}::integer[],
                ${min}::double precision[], ${max}::double precision[]) AS c(series, lv, b, mn, mx)
    JOIN ${series} r ON r.series = c.series
    ON CONFLICT (simulation_id, attempt, curve_day, metric_id, level, block)
      DO UPDATE SET min_loss = EXCLUDED.min_loss, max_loss = EXCLUDED.max_loss`;
}

/** Ten parameters: summaryColumnsInOrder(summaries). */
export function upsertMetricSummaries(series: string, first: number): string {
  const [key, count, last, lastSeconds, min, minSeconds, max, lastStep, minStep, byStep] =
    parameters(first, 10);
  return `INSERT INTO run_metrics AS m
      (simulation_id, attempt, metric_id, name, count, last_value, last_seconds,
       min_value, min_seconds, max_value, last_step, min_step, by_step)
    SELECT r.simulation_id, r.attempt, r.metric_id, r.name,
           u.n, u.lv, u.ls, u.mn, u.ms, u.mx, u.lst, u.mst, u.bs
    FROM unnest(${key}::integer[], ${count}::integer[], ${last}::double precision[],
                ${lastSeconds}::double precision[], ${min}::double precision[],
                ${minSeconds}::double precision[], ${max}::double precision[],
                ${lastStep}::bigint[], ${minStep}::bigint[], ${byStep}::boolean[])
      AS u(series, n, lv, ls, mn, ms, mx, lst, mst, bs)
    JOIN ${series} r ON r.series = u.series
    ON CONFLICT (simulation_id, attempt, metric_id) DO UPDATE SET
      count = EXCLUDED.count, last_value = EXCLUDED.last_value,
      last_seconds = EXCLUDED.last_seconds, min_value = EXCLUDED.min_value,
      min_seconds = EXCLUDED.min_seconds, max_value = EXCLUDED.max_value,
      last_step = EXCLUDED.last_step, min_step = EXCLUDED.min_step, by_step = EXCLUDED.by_step`;
}

function parameters(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `$${first + index}`);
}
