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
  });
});
