import type { SeriesTail } from '../convergence-point/curve-builder';

/** A metric's series of one attempt. */
export interface SeriesKey {
  simulationId: number;
  attempt: number;
  metricId: number;
}

/**
 * The tails of the series this process wrote last, so the next report of a
 * run need not read its series back. A tail is used only while the series
 * still holds the number of points it had when kept (run_metrics.count, read
 * with the run's lock anyway): another process writing to it, or a write
 * that was rolled back, makes it stale and it is read again. Bounded: the
 * least recently used go first.
 */
export class SeriesTailCache {
  private readonly tails = new Map<string, SeriesTail>();

  constructor(private readonly capacity = 10_000) {}

  get(series: SeriesKey, count: number): SeriesTail | undefined {
    const key = keyOf(series);
    const tail = this.tails.get(key);
    if (!tail) return undefined;
    this.tails.delete(key);
    if (tail.summary.count !== count) return undefined;
    this.tails.set(key, tail);
    return tail;
  }

  set(series: SeriesKey, tail: SeriesTail): void {
    const key = keyOf(series);
    this.tails.delete(key);
    this.tails.set(key, tail);
    if (this.tails.size > this.capacity)
      this.tails.delete(this.tails.keys().next().value as string);
  }

  get size(): number {
    return this.tails.size;
  }
}

function keyOf({ simulationId, attempt, metricId }: SeriesKey): string {
  return `${simulationId}:${attempt}:${metricId}`;
}
