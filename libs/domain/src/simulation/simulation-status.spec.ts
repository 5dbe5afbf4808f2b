import {
  ALLOWED_TRANSITIONS,
  canTransition,
  SIMULATION_STATUSES,
  SimulationStatus,
} from './simulation-status';

describe('the simulation lifecycle', () => {
  it('goes pending → running → finished', () => {
    expect(canTransition(SimulationStatus.Pending, SimulationStatus.Running)).toBe(true);
    expect(canTransition(SimulationStatus.Running, SimulationStatus.Finished)).toBe(true);
  });

  it('may fail while pending or running', () => {
    expect(canTransition(SimulationStatus.Pending, SimulationStatus.Failed)).toBe(true);
    expect(canTransition(SimulationStatus.Running, SimulationStatus.Failed)).toBe(true);
  });

  it('never leaves a terminal status and never skips running', () => {
    expect(ALLOWED_TRANSITIONS[SimulationStatus.Finished]).toEqual([]);
    expect(ALLOWED_TRANSITIONS[SimulationStatus.Failed]).toEqual([]);
    expect(canTransition(SimulationStatus.Pending, SimulationStatus.Finished)).toBe(false);
  });

  it('lists every status once', () => {
    expect([...SIMULATION_STATUSES].sort()).toEqual(['failed', 'finished', 'pending', 'running']);
  });
});
