import {
  ALLOWED_TRANSITIONS,
  canTransition,
  SIMULATION_STATUSES,
  SimulationStatus,
  TERMINAL_STATUSES,
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

  it('reaches every status from pending, and lets every non-terminal status move on', () => {
    const reached = new Set<SimulationStatus>([Pending]);
    for (let grew = true; grew;) {
      grew = false;
      for (const from of [...reached])
        for (const to of ALLOWED_TRANSITIONS[from])
          if (!reached.has(to)) {
            reached.add(to);
            grew = true;
          }
    }
    expect([...reached].sort()).toEqual([...SIMULATION_STATUSES].sort());
    for (const status of SIMULATION_STATUSES) {
      if (!TERMINAL_STATUSES.includes(status))
        expect(ALLOWED_TRANSITIONS[status].length).toBeGreaterThan(0);
    }
  });

  it('lists only known statuses in the table, and every status in it once', () => {
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual([...SIMULATION_STATUSES].sort());
    for (const targets of Object.values(ALLOWED_TRANSITIONS)) {
      for (const to of targets) expect(SIMULATION_STATUSES).toContain(to);
      expect(new Set(targets).size).toBe(targets.length);
    }
  });
});
