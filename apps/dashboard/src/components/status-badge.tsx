import type { MachineStatus, SimulationStatus } from '../api-types';

/** Status as a word and a colour: the word carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: SimulationStatus | MachineStatus | string }) {
  return <span class={`badge badge-${status}`}>{status}</span>;
}
