import type { CurveAxis } from '@app/domain';
import { jsonNumber } from '../common/json-number';
import { ConvergencePointResponse, ConvergenceResponse } from './convergence.response';
import type { SampledCurve, SampledPoint } from './curve-sampler';
import { MetricCurveResponse, MetricPointResponse } from './metric-curve.response';

// A sampled series in each endpoint's shape: the contract's curve names its
// values `loss`, a named metric `value` with the run's steps.

/** A sampled point in the contract's shape: `loss` (and its bucket's extremes), nothing more. */
export function toConvergencePoint(point: SampledPoint): ConvergencePointResponse {
  const shaped: ConvergencePointResponse = { seconds: point.seconds, loss: jsonNumber(point.loss) };
  if (point.loss_min !== undefined) shaped.loss_min = jsonNumber(point.loss_min);
  if (point.loss_max !== undefined) shaped.loss_max = jsonNumber(point.loss_max);
  return shaped;
}

export function toConvergence(curve: SampledCurve): ConvergenceResponse {
  const { data, meta } = curve;
  // A whole curve's rows are its answer as they come (CurveSampler reads them without steps);
  // only a non-finite value, a bucket's extremes or a step makes each point a copy.
  if (data.every(isContractPoint)) return { data, meta };
  return { data: data.map(toConvergencePoint), meta };
}

function isContractPoint(point: SampledPoint): boolean {
  return (
    Number.isFinite(point.loss) &&
    point.loss_min === undefined &&
    point.loss_max === undefined &&
    point.step === undefined
  );
}

/** A sampled point in a named metric's shape: `value`, and the step where the run gave one. */
export function toMetricPoint(point: SampledPoint): MetricPointResponse {
  const shaped: MetricPointResponse = { seconds: point.seconds, value: jsonNumber(point.loss) };
  if (point.step !== undefined && point.step !== null) shaped.step = point.step;
  if (point.loss_min !== undefined) shaped.value_min = jsonNumber(point.loss_min);
  if (point.loss_max !== undefined) shaped.value_max = jsonNumber(point.loss_max);
  return shaped;
}

export function toMetricCurve(
  curve: SampledCurve,
  metric: string,
  x: CurveAxis = 'seconds',
): MetricCurveResponse {
  return { data: curve.data.map(toMetricPoint), meta: { ...curve.meta, metric, x } };
}
