export enum SimulationStatus {
  Pending = 'pending',
  Running = 'running',
  Finished = 'finished',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

export const SIMULATION_STATUSES: readonly SimulationStatus[] = Object.values(SimulationStatus);

export const TERMINAL_STATUSES: readonly SimulationStatus[] = [
  SimulationStatus.Finished,
  SimulationStatus.Failed,
  SimulationStatus.Cancelled,
];

/**
 * The lifecycle, written once:
 *
 *   pending → running → finished | failed | cancelled
 *   running → pending            (retried after a failure, recovered after a lost
 *                                 worker, or handed back at shutdown)
 *   pending → cancelled | failed
 *   failed | cancelled → pending (retried on request: a new attempt)
 *
 * Every statement of `SimulationLifecycle` (the only writer of a status) is
 * checked against this table by its spec, and the database's CHECK
 * constraint against the enum, so a new status cannot sneak in without this
 * table saying where it may come from.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<SimulationStatus, readonly SimulationStatus[]>> =
  {
    [SimulationStatus.Pending]: [
      SimulationStatus.Running,
      SimulationStatus.Cancelled,
      SimulationStatus.Failed,
    ],
    [SimulationStatus.Running]: [
      SimulationStatus.Finished,
      SimulationStatus.Failed,
      SimulationStatus.Cancelled,
      SimulationStatus.Pending,
    ],
    [SimulationStatus.Finished]: [],
    [SimulationStatus.Failed]: [SimulationStatus.Pending],
    [SimulationStatus.Cancelled]: [SimulationStatus.Pending],
  };

export function canTransition(from: SimulationStatus, to: SimulationStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** How an attempt ended; kept in its history. */
export enum AttemptOutcome {
  Running = 'running',
  Finished = 'finished',
  Failed = 'failed',
  TimedOut = 'timed_out',
  Lost = 'lost',
  Cancelled = 'cancelled',
  HandedBack = 'handed_back',
}
