import { emulateCurve, lossAt } from './convergence-emulator';

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

  it('never increases: a loss curve converges', () => {
    const losses = [...emulateCurve(500, 1)].map((point) => point.loss);
    losses.slice(1).forEach((loss, index) => expect(loss).toBeLessThanOrEqual(losses[index]));
  });

  it('approaches its floor', () => {
    expect(lossAt(1e9)).toBeCloseTo(0.012, 3);
  });
});
