import { bucketEdges } from '../apps/api/src/convergence/sampling/bucket-edges';

export interface Point {
  seconds: number;
  loss: number;
}

export interface ReferenceQuery {
  scale: 'linear' | 'log';
  agg: 'last' | 'mean' | 'minmax';
  points?: number;
  from?: number;
  to?: number;
}

export interface ReferenceBucket {
  /** Which of the n buckets it is. */
  index: number;
  /** Index range of the bucket's points in the whole curve (inclusive). */
  firstIndex: number;
  lastIndex: number;
  points: Point[];
}

export interface ReferenceAnswer {
  downsampled: boolean;
  windowPoints: number;
  /** The window's first and last point. */
  first?: Point;
  last?: Point;
  /** Whole answers: the window's points. Sampled answers: the non-empty buckets, in order. */
  whole?: Point[];
  buckets?: ReferenceBucket[];
}

/**
 * The obvious, slow way to sample a curve held in memory: filter the window,
 * then drop every point into its bucket by comparing it with the edges. Uses
 * the service's bucket edges (their spacing is tested on its own) so the two
 * cannot disagree about a point lying within a rounding error of an edge.
 */
export function referenceSample(curve: readonly Point[], query: ReferenceQuery): ReferenceAnswer {
  const from = query.from ?? 0;
  const to = query.to ?? Number.POSITIVE_INFINITY;
  const indexed = curve
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.seconds >= from && point.seconds <= to);
  const windowPoints = indexed.length;
  if (windowPoints === 0) return { downsampled: false, windowPoints };
  const first = indexed[0].point;
  const last = indexed[windowPoints - 1].point;
  const limit = query.points ?? 10_000;
  if (windowPoints <= limit) {
    return { downsampled: false, windowPoints, first, last, whole: indexed.map((x) => x.point) };
  }
  const n = query.points ?? 1_000;
  const edges = bucketEdges(first.seconds, last.seconds, n, query.scale);
  const buckets: ReferenceBucket[] = [];
  let k = 0;
  let bucket: ReferenceBucket | undefined;
  for (const { point, index } of indexed) {
    // Bucket k holds edges[k] ≤ seconds < edges[k+1]; the last one also holds its upper edge.
    while (k < n - 1 && point.seconds >= edges[k + 1]) k++;
    if (!bucket || bucket.index !== k) {
      bucket = { index: k, firstIndex: index, lastIndex: index, points: [] };
      buckets.push(bucket);
    }
    bucket.lastIndex = index;
    bucket.points.push(point);
  }
  return { downsampled: true, windowPoints, first, last, buckets };
}
