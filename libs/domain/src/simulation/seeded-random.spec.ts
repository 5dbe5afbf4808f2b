import { seededNormal, seededUniform } from './seeded-random';

describe('seeded random draws', () => {
  it('never change for a seed: a stored seed replays the curve it made', () => {
    const uniform = seededUniform(42);
    expect([uniform(), uniform(), uniform()]).toEqual([
      0.6011037519201636, 0.44829055899754167, 0.8524657934904099,
    ]);
  });

  it('draws standard normal noise', () => {
    const normal = seededNormal(7);
    const draws = Array.from({ length: 100_000 }, () => normal());
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeGreaterThan(0.97);
    expect(variance).toBeLessThan(1.03);
  });
});
