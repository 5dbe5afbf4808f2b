import { readMetricRecord } from './metric-records';

describe('metric records on a program’s stdout', () => {
  it('reads a record into points, one per metric, with its step and seconds', () => {
    expect(readMetricRecord('{"aisim_metrics": {"loss": 0.5, "val_acc": 0.9}, "step": 3}')).toEqual(
      {
        points: [
          { metric: 'loss', value: 0.5, step: 3 },
          { metric: 'val_acc', value: 0.9, step: 3 },
        ],
      },
    );
    expect(readMetricRecord('{"aisim_metrics": {"loss": "NaN"}, "seconds": 1.5}')).toEqual({
      points: [{ metric: 'loss', value: Number.NaN, seconds: 1.5 }],
    });
  });

  it('leaves every other line alone, JSON or not', () => {
    expect(readMetricRecord('epoch 1: loss 0.5')).toBeUndefined();
    expect(readMetricRecord('{"loss": 0.5}')).toBeUndefined();
  });

  it('names what is wrong with a line that starts as a record', () => {
    expect(readMetricRecord('{"aisim_metrics": {"loss": 0.5}')).toEqual({
      problem: 'a metric record must be one line of JSON',
    });
    expect(readMetricRecord('{"aisim_metrics": {"loss": "low"}}')).toEqual({
      problem: 'loss must be a number, "NaN", "Infinity" or "-Infinity"',
    });
    expect(readMetricRecord('{"aisim_metrics": {"loss": 1}, "step": -1}')).toEqual({
      problem: 'step must be a whole number ≥ 0',
    });
    expect(readMetricRecord('{"aisim_metrics": {"loss": 1}, "epoch": 2}')).toEqual({
      problem: 'a metric record holds aisim_metrics, step and seconds, not epoch',
    });
    expect(readMetricRecord('{"aisim_metrics": {".": 1}}')).toEqual({
      problem: '"." is not a metric name',
    });
    expect(readMetricRecord('{"aisim_metrics": {}}')).toEqual({
      problem: 'aisim_metrics must hold 1 to 1000 metrics',
    });
  });
});
