import { toConvergence } from './curve-shapes';
import type { SampledCurve } from './curve-sampler';

const meta = {} as SampledCurve['meta'];

describe("the contract's curve shape", () => {
  it('answers rows of seconds and finite losses as they came, without a copy of each point', () => {
    const data = [
      { seconds: 1, loss: 0.9 },
      { seconds: 2, loss: 0.5 },
    ];
    const shaped = toConvergence({ data, meta });
    expect(shaped.data).toBe(data);
    expect(JSON.stringify(shaped.data)).toBe('[{"seconds":1,"loss":0.9},{"seconds":2,"loss":0.5}]');
  });

  it('shapes each point when one is not finite, carries extremes, or has a step to leave out', () => {
    expect(
      toConvergence({
        data: [
          { seconds: 1, loss: 0.9 },
          { seconds: 2, loss: Number.NaN },
        ],
        meta,
      }).data,
    ).toEqual([
      { seconds: 1, loss: 0.9 },
      { seconds: 2, loss: 'NaN' },
    ]);
    expect(
      toConvergence({ data: [{ seconds: 1, loss: 0.9, loss_min: 0.8, loss_max: 1 }], meta }).data,
    ).toEqual([{ seconds: 1, loss: 0.9, loss_min: 0.8, loss_max: 1 }]);
    const stepped = toConvergence({ data: [{ seconds: 1, loss: 0.9, step: 10 }], meta }).data;
    expect(JSON.stringify(stepped)).toBe('[{"seconds":1,"loss":0.9}]');
  });
});
