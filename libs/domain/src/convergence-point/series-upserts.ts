/**
 * The two upserts every append of points ends with, in one home: the
 * summary cells the batch changed (the sampler's levels) and the metric's
 * summary (count, last, min, max), both for the series of relation
 * `series` (columns simulation_id, attempt, curve_day, metric_id, name,
 * series). Each takes its parameters from `first` on, in the order
 * batchColumns' cells and summaryColumnsInOrder give them.
 */

/** Five parameters: cells.key, level, block, min, max. */
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
