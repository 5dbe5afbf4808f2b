import type { CurveScale } from '../dto/converge.query';

/**
 * The n + 1 edges of n buckets from `lo` to `hi` seconds: evenly spaced, or
 * evenly spaced in log(seconds) — each bucket then spans the same ratio, so
 * the early, fast part of a loss curve gets as many buckets as the long tail.
 * Both ends are exact. `lo` must be positive for the logarithmic scale.
 */
export function bucketEdges(lo: number, hi: number, n: number, scale: CurveScale): number[] {
  const edges = new Array<number>(n + 1);
  if (scale === 'log') {
    const logLo = Math.log(lo);
    const logSpan = Math.log(hi) - logLo;
    for (let k = 0; k <= n; k++) edges[k] = Math.exp(logLo + (logSpan * k) / n);
  } else {
    for (let k = 0; k <= n; k++) edges[k] = lo + ((hi - lo) * k) / n;
  }
  edges[0] = lo;
  edges[n] = hi;
  return edges;
}
