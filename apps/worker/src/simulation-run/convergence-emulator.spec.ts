import { DEFAULT_EMULATION, resolveEmulation, Simulation } from '@app/domain';
import {
  CurveEmulator,
  emulateCurve,
  lossAt,
  plannedDurationMs,
  tickMsFor,
} from './convergence-emulator';
import { NonRetryableRunError } from './run-errors';

describe('convergence emulator', () => {
  it("reproduces the original service's ten documented points exactly", () => {
    expect([...emulateCurve()]).toEqual([
      { seconds: 10, loss: 0.042 },
      { seconds: 20, loss: 0.033 },
      { seconds: 30, loss: 0.029 },
      { seconds: 40, loss: 0.027 },
      { seconds: 50, loss: 0.025 },
      { seconds: 60, loss: 0.024 },
      { seconds: 70, loss: 0.023 },
      { seconds: 80, loss: 0.023 },
      { seconds: 90, loss: 0.022 },
      { seconds: 100, loss: 0.022 },
    ]);
  });

  it('never increases without noise: a loss curve converges', () => {
    const losses = [...emulateCurve(resolveEmulation({ points: 500, spanSeconds: 500 }))].map(
      (point) => point.loss,
    );
    losses.slice(1).forEach((loss, index) => expect(loss).toBeLessThanOrEqual(losses[index]));
  });

  it('spreads points evenly over the span and rounds to the decimals asked for', () => {
    const points = [...emulateCurve(resolveEmulation({ points: 4, spanSeconds: 2, decimals: 6 }))];
    expect(points.map((point) => point.seconds)).toEqual([0.5, 1, 1.5, 2]);
    expect(points[1].loss).toBe(0.1051);
    expect(points[0].loss).toBe(lossAt(0.5, 6));
  });

  it('gives the same noisy curve for the same seed, and another for another seed', () => {
    const settings = resolveEmulation({ points: 1000, noise: 0.2, seed: 42, decimals: 9 });
    const first = [...emulateCurve(settings)];
    expect([...emulateCurve(settings)]).toEqual(first);
    expect([...emulateCurve({ ...settings, seed: 43 })]).not.toEqual(first);
    // The noise is multiplicative: every loss stays positive and near the smooth curve.
    for (const point of first) {
      const ratio = point.loss / lossAt(point.seconds, 12);
      expect(ratio).toBeGreaterThan(Math.exp(-0.2 * 6));
      expect(ratio).toBeLessThan(Math.exp(0.2 * 6));
    }
  });

  it('approaches its floor', () => {
    expect(lossAt(1e9)).toBeCloseTo(0.012, 3);
  });

  it('paces a run by its own tick, or to last as long as the default run', () => {
    expect(tickMsFor(DEFAULT_EMULATION, 1000)).toBe(1000);
    expect(plannedDurationMs(DEFAULT_EMULATION, 1000)).toBe(10_000);
    expect(plannedDurationMs(resolveEmulation({ points: 1_000_000 }), 1000)).toBe(10_000);
    expect(plannedDurationMs(resolveEmulation({ points: 100, tickMs: 5 }), 1000)).toBe(500);
    expect(tickMsFor(resolveEmulation({ points: 100, tickMs: 0 }), 1000)).toBe(0);
  });

  it('fails settings it can never run as non-retryable', () => {
    const simulation = Object.assign(new Simulation(), {
      emulation: { ...DEFAULT_EMULATION, points: 0 },
    });
    expect(() => new CurveEmulator().curveFor(simulation)).toThrow(NonRetryableRunError);
  });
});
