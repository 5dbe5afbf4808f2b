import { SimulationJobName } from './queue.constants';

export interface RunSimulationPayload {
  simulationId: number;
  machineId: number;
}

/** Every job name with its payload type, so producer and consumer cannot disagree. */
export interface JobPayloads {
  [SimulationJobName.Run]: RunSimulationPayload;
}

export class InvalidJobPayloadError extends Error {
  constructor(reason: string) {
    super(`invalid run job payload: ${reason}`);
    this.name = 'InvalidJobPayloadError';
  }
}

/** Jobs come from Redis, i.e. from outside the type system: check before trusting. */
export function parseRunSimulationPayload(data: unknown): RunSimulationPayload {
  const candidate = data as Partial<RunSimulationPayload> | null;
  if (!candidate || typeof candidate !== 'object')
    throw new InvalidJobPayloadError('not an object');
  const { simulationId, machineId } = candidate;
  if (!Number.isInteger(simulationId) || (simulationId as number) <= 0) {
    throw new InvalidJobPayloadError('simulationId must be a positive integer');
  }
  if (!Number.isInteger(machineId) || (machineId as number) <= 0) {
    throw new InvalidJobPayloadError('machineId must be a positive integer');
  }
  return { simulationId: simulationId as number, machineId: machineId as number };
}
