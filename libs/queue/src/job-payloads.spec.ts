import { InvalidJobPayloadError, parseRunSimulationPayload } from './job-payloads';

describe('parseRunSimulationPayload', () => {
  it('accepts a well-formed payload and drops anything extra', () => {
    expect(
      parseRunSimulationPayload({ simulationId: 3, machineId: 101, attempt: 0, extra: true }),
    ).toEqual({
      simulationId: 3,
      machineId: 101,
      attempt: 0,
    });
  });

  it.each([
    null,
    'x',
    {},
    { simulationId: '3', machineId: 101, attempt: 0 },
    { simulationId: 3, attempt: 0 },
    { simulationId: 0, machineId: 1, attempt: 0 },
    { simulationId: 1.5, machineId: 1, attempt: 0 },
    { simulationId: 1, machineId: 1 },
    { simulationId: 1, machineId: 1, attempt: -1 },
  ])('refuses %j', (data) => {
    expect(() => parseRunSimulationPayload(data)).toThrow(InvalidJobPayloadError);
  });
});
