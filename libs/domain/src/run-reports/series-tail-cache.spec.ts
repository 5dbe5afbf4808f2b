import { CurveBuilder } from '../convergence-point/curve-builder';
import { SeriesTailCache } from './series-tail-cache';

const series = (simulationId: number) => ({ simulationId, attempt: 1, metricId: 2 });

function tailOf(points: number) {
  const builder = new CurveBuilder();
  builder.append(Array.from({ length: points }, (_, k) => ({ seconds: k + 1, loss: 1 / (k + 1) })));
  return builder.tail()!;
}

describe('SeriesTailCache', () => {
  it('gives a tail back only while the series holds the points it had', () => {
    const cache = new SeriesTailCache();
    cache.set(series(1), tailOf(10));
    expect(cache.get(series(1), 10)?.last.seq).toBe(9);
    // Another writer added points: stale, and forgotten.
    expect(cache.get(series(1), 11)).toBeUndefined();
    expect(cache.get(series(1), 10)).toBeUndefined();
    expect(cache.get(series(2), 10)).toBeUndefined();
  });

  it('forgets the least recently used past its capacity', () => {
    const cache = new SeriesTailCache(2);
    cache.set(series(1), tailOf(1));
    cache.set(series(2), tailOf(2));
    expect(cache.get(series(1), 1)).toBeDefined();
    cache.set(series(3), tailOf(3));
    expect(cache.size).toBe(2);
    expect(cache.get(series(2), 2)).toBeUndefined();
    expect(cache.get(series(1), 1)).toBeDefined();
    expect(cache.get(series(3), 3)).toBeDefined();
  });

  it('keeps what a resumed builder goes on from exactly as the builder that wrote it would', () => {
    const curve = Array.from({ length: 700 }, (_, k) => ({ seconds: k + 1, loss: Math.sin(k) }));
    const whole = new CurveBuilder();
    whole.append(curve.slice(0, 300));
    const resumed = CurveBuilder.resume(whole.tail()!);
    expect(resumed.append(curve.slice(300))).toEqual(whole.append(curve.slice(300)));
  });
});
