import type { Curve, CurvePoint, MetricCurve, MetricPoint } from './api-types';

/** A value as the API sends it: a number, or the name of one that is not finite. */
type JsonNumber = CurvePoint['loss'];

/** uPlot's column layout: seconds, loss, and the band's lower and upper edges. */
export type CurveColumns = [number[], (number | null)[], (number | null)[], (number | null)[]];

/**
 * Turns API points into chart columns. A logarithmic axis has no place for
 * zero or a negative value, so on a log axis those become gaps (null) rather
 * than breaking the scale; points at 0 s are dropped from a log x axis.
 */
export function toColumns(
  points: CurvePoint[],
  axes: { logX: boolean; logY: boolean },
): CurveColumns {
  const seconds: number[] = [];
  const loss: (number | null)[] = [];
  const low: (number | null)[] = [];
  const high: (number | null)[] = [];
  // Not a place on any axis: NaN and ±Infinity (sent as their names) are gaps too.
  const fit = (value: JsonNumber | undefined) =>
    typeof value !== 'number' || (axes.logY && value <= 0) ? null : value;
  for (const point of points) {
    if (axes.logX && point.seconds <= 0) continue;
    seconds.push(point.seconds);
    loss.push(fit(point.loss));
    low.push(fit(point.loss_min));
    high.push(fit(point.loss_max));
  }
  return [seconds, loss, low, high];
}

/**
 * Adds streamed points to what is drawn. Live batches arrive in order, but a
 * reconnect may repeat the tail, so anything not past the last second is skipped.
 */
export function appendPoints(current: CurvePoint[], batch: CurvePoint[]): CurvePoint[] {
  const last = current.length ? current[current.length - 1].seconds : -Infinity;
  const fresh = batch.filter((point) => point.seconds > last);
  return fresh.length ? current.concat(fresh) : current;
}

/** Whether any point carries a min–max band worth drawing. */
export function hasBand(points: CurvePoint[]): boolean {
  return points.some(
    (point) =>
      typeof point.loss_min === 'number' &&
      typeof point.loss_max === 'number' &&
      point.loss_max > point.loss_min,
  );
}

/**
 * A named metric's answer in the chart's shape: its `value` plotted where
 * the loss curve's `loss` is, and its bucket extremes as the band.
 */
/** A named metric's streamed points in the chart's shape. */
export function metricPointsAsCurve(points: MetricPoint[]): CurvePoint[] {
  return points.map(({ seconds, value }) => ({ seconds, loss: value }));
}

export function metricAsCurve(curve: MetricCurve): Curve {
  return {
    meta: curve.meta,
    data: curve.data.map(({ seconds, value, value_min, value_max }) => ({
      seconds,
      loss: value,
      ...(value_min !== undefined && { loss_min: value_min }),
      ...(value_max !== undefined && { loss_max: value_max }),
    })),
  };
}
