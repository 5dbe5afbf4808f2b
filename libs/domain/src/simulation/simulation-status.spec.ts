import {
  ALLOWED_TRANSITIONS,
  canTransition,
  SIMULATION_STATUSES,
  SimulationStatus,
} from './simulation-status';

const { Pending, Running, Finished, Failed, Cancelled } = SimulationStatus;

describe('the simulation lifecycle', () => {
  it('goes pending → running → finished', () => {
    expect(canTransition(Pending, Running)).toBe(true);
    expect(canTransition(Running, Finished)).toBe(true);
  });

  it('may fail or be cancelled while pending or running', () => {
    for (const from of [Pending, Running]) {
      expect(canTransition(from, Failed)).toBe(true);
      expect(canTransition(from, Cancelled)).toBe(true);
    }
  });

  it('goes back to pending from running (retry, recovery, hand-back) and on request from failed or cancelled', () => {
    for (const from of [Running, Failed, Cancelled])
      expect(canTransition(from, Pending)).toBe(true);
  });

  it('never leaves finished, and never skips running to finish', () => {
    expect(ALLOWED_TRANSITIONS[Finished]).toEqual([]);
    expect(canTransition(Pending, Finished)).toBe(false);
    expect(canTransition(Failed, Running)).toBe(false);
    expect(canTransition(Cancelled, Finished)).toBe(false);
  });

  it('lists every status once', () => {
    expect([...SIMULATION_STATUSES].sort()).toEqual([
      'cancelled',
      'failed',
      'finished',
      'pending',
      'running',
    ]);
  });
});
