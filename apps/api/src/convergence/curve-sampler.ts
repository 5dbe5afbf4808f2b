import {
  CurveAxis,
  CurveReadRepository,
  CurveWindow,
  DomainError,
  type ProjectVisibility,
  StoredPoint,
} from '@app/domain';
import { summaryBlockSize } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { ConvergenceMetaResponse } from './convergence.response';
import {
  ConvergeQuery,
  CurveAggregation,
  CurveScale,
  DEFAULT_SAMPLE_POINTS,
  WHOLE_CURVE_LIMIT,
} from './dto/converge.query';
import { bucketEdges } from './sampling/bucket-edges';
import { summaryLevelFor } from './sampling/summary-level';

/**
 * A point as sampling makes it: the series' value under the contract's name
 * (`loss`), its bucket's extremes with agg=minmax, and the step the run gave
 * the point it stands for (none for a bucket's mean). Each endpoint maps it to
 * its own shape.
 */
export interface SampledPoint {
  seconds: number;
  loss: number;
  loss_min?: number;
  loss_max?: number;
  step?: number | null;
}

/** A sampled series and what was sampled. */
export interface SampledCurve {
  data: SampledPoint[];
  meta: ConvergenceMetaResponse;
}

/** A bucket by the points it holds: those with seq in (before, through]. */
interface Bucket {
  index: number;
  before: StoredPoint | null;
  through: StoredPoint;
  count: number;
  /** The seconds of its first point, or a lower bound of them (inclusive). */
  lowerEdge: number;
}

/**
 * Answers curve queries with a bounded amount of work: a window's ends, one
 * index probe per bucket edge, and — for min/max — a few dozen summary rows
 * per bucket. Counts and means come exactly from the running sums stored on
 * each point; the last point of a bucket is the probe's answer itself.
 */
@Injectable()
export class CurveSampler {
  constructor(private readonly curves: CurveReadRepository) {}

  /**
   * One metric's series (the contract's `loss` by default), sampled as
   * `query` asks: by seconds, or by the steps the run gave (`axis`), where
   * from/to and the bucket edges are steps.
   */
  async sample(
    simulationId: number,
    query: ConvergeQuery,
    visible: ProjectVisibility,
    metric?: string,
    axis: CurveAxis = 'seconds',
  ): Promise<SampledCurve> {
    const from = query.from ?? 0;
    const to = query.to ?? Number.POSITIVE_INFINITY;
    if (from > to) throw DomainError.invalid('from must not be greater than to');
    const scale = query.scale ?? 'log';
    const agg = query.agg ?? 'last';
    if (axis === 'step' && agg === 'mean')
      throw DomainError.invalid(
        'agg=mean is by seconds only (a bucket mean stands at its mean seconds); ' +
          'with x=step use agg=last or agg=minmax',
      );
    const window =
      axis === 'step'
        ? await this.curves.readableStepWindow(simulationId, from, to, metric, visible)
        : await this.curves.readableWindow(simulationId, from, to, metric, visible);

    const limit = query.points ?? WHOLE_CURVE_LIMIT;
    const windowPoints = window.first && window.last ? window.last.seq - window.first.seq + 1 : 0;
    const meta: ConvergenceMetaResponse = {
      attempt: window.ref.attempt,
      status: window.status,
      total_points: window.total,
      window_points: windowPoints,
      returned_points: 0,
      downsampled: false,
      buckets: null,
      scale,
      agg,
      window: { from: query.from ?? null, to: query.to ?? null },
    };

    let data: SampledPoint[] = [];
    if (windowPoints > 0 && windowPoints <= limit) {
      // The contract's curve (no metric named) carries no steps.
      data = await this.whole(window, windowPoints, agg, metric !== undefined);
    } else if (windowPoints > limit) {
      const buckets = query.points ?? DEFAULT_SAMPLE_POINTS;
      data = await this.downsample(window, buckets, scale, agg, axis);
      meta.downsampled = true;
      meta.buckets = buckets;
    }
    meta.returned_points = data.length;
    return { data, meta };
  }

  private async whole(
    window: CurveWindow,
    count: number,
    agg: CurveAggregation,
    steps: boolean,
  ): Promise<SampledPoint[]> {
    const first = window.first as StoredPoint;
    const last = window.last as StoredPoint;
    const points = steps
      ? await this.curves.page(window.ref, first.seconds, last.seconds, count, true)
      : await this.curves.pageValues(window.ref, first.seconds, last.seconds, count);
    if (agg !== 'minmax') return points;
    return points.map((point) => ({ ...point, loss_min: point.loss, loss_max: point.loss }));
  }

  private async downsample(
    window: CurveWindow,
    bucketCount: number,
    scale: ConvergeQuery['scale'] & string,
    agg: CurveAggregation,
    axis: CurveAxis,
  ): Promise<SampledPoint[]> {
    const first = window.first as StoredPoint;
    const last = window.last as StoredPoint;
    // Every point at one step: no step edge falls between them, but seconds do.
    if (axis === 'step' && first.step === last.step) axis = 'seconds';
    const edges =
      axis === 'step'
        ? stepEdges(first.step as number, last.step as number, bucketCount, scale)
        : bucketEdges(first.seconds, last.seconds, bucketCount, scale);
    // Bucket k holds edges[k] ≤ x < edges[k+1]; the last one also holds `last`.
    const inner = edges.slice(1, -1);
    const probes = await this.curves.lastPointsBefore(
      window.ref,
      inner,
      inner.map(() => false),
      axis,
    );
    // The point before the window is never read: its sums are the first point's minus itself.
    const beforeWindow: StoredPoint | null =
      first.seq === 0
        ? null
        : {
            seq: first.seq - 1,
            seconds: Number.NaN,
            loss: Number.NaN,
            cumLoss: first.cumLoss - (Number.isFinite(first.loss) ? first.loss : 0),
            cumSeconds: first.cumSeconds - first.seconds,
            cumFinite: first.cumFinite - (Number.isFinite(first.loss) ? 1 : 0),
          };
    const bounds = [beforeWindow, ...probes, last];
    const buckets: Bucket[] = [];
    for (let k = 0; k < bucketCount; k++) {
      const before = bounds[k];
      const through = bounds[k + 1] as StoredPoint;
      const count = through.seq - (before?.seq ?? -1);
      // By step, the edge is no time: the bucket starts just after the point before it.
      const lowerEdge =
        axis === 'seconds' ? edges[k] : before ? nextAbove(before.seconds) : first.seconds;
      if (count > 0) buckets.push({ index: k, before, through, count, lowerEdge });
    }

    const extremes = agg === 'minmax' ? await this.extremes(window, buckets) : null;
    const data: SampledPoint[] = [pointOf(first, agg)];
    for (const bucket of buckets) {
      const representative = this.represent(bucket, agg, extremes);
      if (representative.seconds === first.seconds && bucket.count === 1) continue;
      data.push(representative);
    }
    if (data[data.length - 1].seconds !== last.seconds) data.push(pointOf(last, agg));
    return data;
  }

  private represent(
    bucket: Bucket,
    agg: CurveAggregation,
    extremes: Map<number, { min: number; max: number }> | null,
  ): SampledPoint {
    const { through, before, count } = bucket;
    // A one-point bucket is that point, exactly: differences of running sums are not.
    if (agg === 'mean' && count > 1) {
      // The mean of the bucket's finite values; NaN when it holds none.
      const finite = through.cumFinite - (before?.cumFinite ?? 0);
      return {
        seconds: (through.cumSeconds - (before?.cumSeconds ?? 0)) / count,
        loss: finite > 0 ? (through.cumLoss - (before?.cumLoss ?? 0)) / finite : Number.NaN,
      };
    }
    const point: SampledPoint = {
      seconds: through.seconds,
      loss: through.loss,
      step: through.step,
    };
    if (agg === 'minmax') {
      const found = extremes?.get(bucket.index);
      point.loss_min = found?.min ?? through.loss;
      point.loss_max = found?.max ?? through.loss;
    }
    return point;
  }

  /**
   * Small buckets read their own points (exact). Larger ones read summary
   * blocks of at most 1/8 of their size, including the two blocks straddling
   * their edges: the result bounds every point of the bucket and may take in
   * points up to one block beyond an edge.
   */
  private extremes(window: CurveWindow, buckets: Bucket[]) {
    return this.curves.extremes(
      window.ref,
      buckets.map((bucket) => {
        const level = summaryLevelFor(bucket.count);
        if (level === 0) {
          return {
            bucket: bucket.index,
            level,
            lo: bucket.lowerEdge,
            hi: bucket.through.seconds,
          };
        }
        const size = summaryBlockSize(level);
        const firstSeq = (bucket.before?.seq ?? -1) + 1;
        return {
          bucket: bucket.index,
          level,
          lo: Math.floor(firstSeq / size),
          hi: Math.floor(bucket.through.seq / size),
        };
      }),
    );
  }
}

/**
 * Bucket edges over steps. Steps start at 0, which no log axis holds: log
 * buckets are spaced over step + 1, so the first ones still go step by step.
 */
function stepEdges(lo: number, hi: number, n: number, scale: CurveScale): number[] {
  if (scale !== 'log') return bucketEdges(lo, hi, n, scale);
  return bucketEdges(lo + 1, hi + 1, n, scale).map((edge) => edge - 1);
}

/** The smallest double above `value` (≥ 0): where a bucket after a point at `value` seconds begins. */
function nextAbove(value: number): number {
  const bits = new Float64Array([value]);
  const view = new BigInt64Array(bits.buffer);
  view[0] += 1n;
  return bits[0];
}

function pointOf(point: StoredPoint, agg: CurveAggregation): SampledPoint {
  const { seconds, loss, step } = point;
  return agg === 'minmax'
    ? { seconds, loss, loss_min: loss, loss_max: loss, step }
    : { seconds, loss, step };
}
