import type { SimulationStatus } from './simulation-status';

export interface SimulationStatusChange {
  simulationId: number;
  attempt: number;
  status: SimulationStatus;
}

/**
 * Told about every status transition SimulationLifecycle makes, after it is
 * committed (see SimulationLifecycle.onStatusChange). The queue library's
 * event publisher is one: it publishes to Redis for live curve streams.
 * Must not throw or block.
 */
export interface SimulationStatusListener {
  statusChanged(change: SimulationStatusChange): void;
}
