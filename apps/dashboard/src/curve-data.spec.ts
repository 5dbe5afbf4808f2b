import { appendPoints, hasBand, metricAsCurve, toColumns } from './curve-data';

describe('toColumns', () => {
  const points = [
    { seconds: 0, loss: 1 },
    { seconds: 10, loss: 0.5, loss_min: 0.4, loss_max: 0.6 },
    { seconds: 20, loss: 0, loss_min: 0, loss_max: 0.1 },
  ];

  it('keeps every point on linear axes, without a band where there is none', () => {
    expect(toColumns(points, { logX: false, logY: false })).toEqual([
      [0, 10, 20],
      [1, 0.5, 0],
      [null, 0.4, 0],
      [null, 0.6, 0.1],
    ]);
  });

  it('drops 0 s from a log x axis and leaves gaps for losses a log y axis cannot show', () => {
    expect(toColumns(points, { logX: true, logY: true })).toEqual([
      [10, 20],
      [0.5, null],
      [0.4, null],
      [0.6, 0.1],
    ]);
  });
});

describe('appendPoints', () => {
  it('adds a batch and skips what a reconnect repeats', () => {
    const current = [
      { seconds: 1, loss: 3 },
      { seconds: 2, loss: 2 },
    ];
    expect(
      appendPoints(current, [
        { seconds: 2, loss: 2 },
        { seconds: 3, loss: 1 },
      ]),
    ).toEqual([...current, { seconds: 3, loss: 1 }]);
    expect(appendPoints(current, [{ seconds: 1, loss: 3 }])).toBe(current);
  });
});

describe('hasBand', () => {
  it('is true only when some bucket spans a range', () => {
    expect(hasBand([{ seconds: 1, loss: 1, loss_min: 1, loss_max: 1 }])).toBe(false);
    expect(hasBand([{ seconds: 1, loss: 1 }])).toBe(false);
    expect(hasBand([{ seconds: 1, loss: 1, loss_min: 0.5, loss_max: 1 }])).toBe(true);
  });
});

describe('metricAsCurve', () => {
  it('plots a named metric where the loss goes, its extremes as the band, and keeps meta', () => {
    const meta = {
      attempt: 1,
      status: 'finished' as const,
      total_points: 2,
      window_points: 2,
      returned_points: 2,
      downsampled: false,
      buckets: null,
      scale: 'log' as const,
      agg: 'minmax' as const,
      window: { from: null, to: null },
      metric: 'val_acc',
      x: 'seconds' as const,
    };
    const curve = metricAsCurve({
      meta,
      data: [
        { seconds: 1, value: 0.5, step: 10, value_min: 0.4, value_max: 0.6 },
        { seconds: 2, value: 0.7 },
      ],
    });
    expect(curve.data).toEqual([
      { seconds: 1, loss: 0.5, loss_min: 0.4, loss_max: 0.6 },
      { seconds: 2, loss: 0.7 },
    ]);
    expect(curve.meta).toBe(meta);
  });
});
