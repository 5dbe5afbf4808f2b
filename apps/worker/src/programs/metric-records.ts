import { ReportedPoint, RUN_DATA_LIMITS, RUN_KEY_PATTERN } from '@app/domain';

/** How a metric record starts: any other line is a log line, never parsed. */
export const METRIC_RECORD_PREFIX = '{"aisim_metrics"';

const VALUES_BY_NAME: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** A metric record read, or why a line that looked like one is not. */
export type MetricRecord = { points: ReportedPoint[] } | { problem: string };

/**
 * A program's stdout line as a metric record: one JSON object,
 * `{"aisim_metrics": {"loss": 0.41, "val_acc": 0.93}, "step": 120}`, with
 * `seconds` optional (left out: when the worker read the line). Undefined for
 * a line that is not one (it is a log line); a problem for one that starts
 * like one but is wrong (it is kept as a log line, the problem beside it).
 */
export function readMetricRecord(line: string): MetricRecord | undefined {
  if (!line.startsWith(METRIC_RECORD_PREFIX)) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { problem: 'a metric record must be one line of JSON' };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record))
    return { problem: 'a metric record is a JSON object' };
  const { aisim_metrics: metrics, step, seconds, ...rest } = record as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length)
    return {
      problem: `a metric record holds aisim_metrics, step and seconds, not ${unknown.join(', ')}`,
    };
  if (metrics === null || typeof metrics !== 'object' || Array.isArray(metrics))
    return { problem: 'aisim_metrics must be an object of metric names and values' };
  const entries = Object.entries(metrics as Record<string, unknown>);
  if (entries.length === 0 || entries.length > RUN_DATA_LIMITS.maxMetrics)
    return { problem: `aisim_metrics must hold 1 to ${RUN_DATA_LIMITS.maxMetrics} metrics` };
  if (step !== undefined && (!Number.isSafeInteger(step) || (step as number) < 0))
    return { problem: 'step must be a whole number ≥ 0' };
  if (
    seconds !== undefined &&
    (typeof seconds !== 'number' || !(seconds > 0) || !Number.isFinite(seconds))
  )
    return { problem: 'seconds must be a number > 0' };
  const points: ReportedPoint[] = [];
  for (const [metric, raw] of entries) {
    if (!RUN_KEY_PATTERN.test(metric))
      return { problem: `${JSON.stringify(metric)} is not a metric name` };
    const value =
      typeof raw === 'number' ? raw : typeof raw === 'string' ? VALUES_BY_NAME[raw] : undefined;
    if (value === undefined)
      return { problem: `${metric} must be a number, "NaN", "Infinity" or "-Infinity"` };
    points.push({
      metric,
      value,
      ...(seconds !== undefined && { seconds: seconds as number }),
      ...(step !== undefined && { step: step as number }),
    });
  }
  return { points };
}
