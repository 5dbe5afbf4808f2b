export enum SimulationStatus {
  Pending = 'pending',
  Running = 'running',
  Finished = 'finished',
  Failed = 'failed',
}

export const SIMULATION_STATUSES: readonly SimulationStatus[] = Object.values(SimulationStatus);

/**
 * The lifecycle, written once. `SimulationRepository.transition` refuses any
 * pair not listed here, so a new status cannot sneak in without this table
 * saying where it may come from.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<SimulationStatus, readonly SimulationStatus[]>> =
  {
    [SimulationStatus.Pending]: [SimulationStatus.Running, SimulationStatus.Failed],
    [SimulationStatus.Running]: [SimulationStatus.Finished, SimulationStatus.Failed],
    [SimulationStatus.Finished]: [],
    [SimulationStatus.Failed]: [],
  };

export function canTransition(from: SimulationStatus, to: SimulationStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
