import { SimulationStatus } from '@app/domain';
import { decodeEvent, encodeEvent, type SimulationEvent } from './simulation-events';

describe('simulation events on the wire', () => {
  it('carry NaN and the infinities through JSON, and everything else as it is', () => {
    const points: SimulationEvent = {
      type: 'points',
      simulationId: 7,
      attempt: 1,
      after: null,
      points: [
        [1, NaN],
        [2, Infinity],
        [3, -Infinity],
        [4, 0.5],
      ],
    };
    expect(decodeEvent(encodeEvent(points))).toEqual(points);
    const status: SimulationEvent = {
      type: 'status',
      simulationId: 7,
      attempt: 1,
      status: SimulationStatus.Running,
    } as SimulationEvent;
    expect(decodeEvent(encodeEvent(status))).toEqual(status);
    const finite: SimulationEvent = {
      type: 'points',
      simulationId: 7,
      attempt: 1,
      metric: 'val_acc',
      after: 1,
      points: [
        [2, 0.5, 20],
        [3, 0.25, 30],
      ],
    };
    expect(encodeEvent(finite)).toBe(JSON.stringify(finite));
    expect(decodeEvent(encodeEvent(finite))).toEqual(finite);
  });
});
