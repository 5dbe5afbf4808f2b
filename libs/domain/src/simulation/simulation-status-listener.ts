import type { SimulationStatus } from './simulation-status';

export interface SimulationStatusChange {
  simulationId: number;
  attempt: number;
  status: SimulationStatus;
}

/**
 * Told about every status transition SimulationLifecycle makes, after it is
 * committed. Provided by the queue library (it publishes to Redis for live
 * curve streams); optional, and must not throw or block.
 */
export interface SimulationStatusListener {
  statusChanged(change: SimulationStatusChange): void;
}

export const SIMULATION_STATUS_LISTENER = Symbol('SIMULATION_STATUS_LISTENER');
