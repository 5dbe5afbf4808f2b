import { bucketEdges } from './bucket-edges';

describe('bucketEdges', () => {
  it('spaces log edges by a constant ratio from exactly lo to exactly hi', () => {
    for (const [lo, hi, n] of [
      [1, 1e6, 1000],
      [0.37, 12.5, 7],
      [10, 100, 1],
    ]) {
      const edges = bucketEdges(lo, hi, n, 'log');
      expect(edges).toHaveLength(n + 1);
      expect(edges[0]).toBe(lo);
      expect(edges[n]).toBe(hi);
      const ratio = (hi / lo) ** (1 / n);
      for (let k = 1; k <= n; k++) {
        expect(edges[k] / edges[k - 1]).toBeCloseTo(ratio, 9);
      }
    }
  });

  it('spaces linear edges by a constant step', () => {
    const edges = bucketEdges(2, 12, 5, 'linear');
    expect(edges).toEqual([2, 4, 6, 8, 10, 12]);
  });
});
