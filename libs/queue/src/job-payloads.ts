import { isValidRequestId } from '@app/runtime';
import { SimulationJobName } from './queue.constants';

export interface RunSimulationPayload {
  simulationId: number;
  machineId: number;
  /** Attempts already started when this job was added; names the job (see runJobId). */
  attempt: number;
  /** The id of the HTTP request that queued the run, so the worker's log lines carry it too. */
  requestId?: string;
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

const isPositiveInteger = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) > 0;

/** Jobs come from Redis, i.e. from outside the type system: check before trusting. */
export function parseRunSimulationPayload(data: unknown): RunSimulationPayload {
  const candidate = data as Partial<RunSimulationPayload> | null;
  if (!candidate || typeof candidate !== 'object')
    throw new InvalidJobPayloadError('not an object');
  const { simulationId, machineId, attempt } = candidate;
  if (!isPositiveInteger(simulationId))
    throw new InvalidJobPayloadError('simulationId must be a positive integer');
  if (!isPositiveInteger(machineId))
    throw new InvalidJobPayloadError('machineId must be a positive integer');
  if (!Number.isInteger(attempt) || (attempt as number) < 0) {
    throw new InvalidJobPayloadError('attempt must be a non-negative integer');
  }
  // A bad request id is no reason to refuse the run: it is only left out of the logs.
  const requestId = isValidRequestId(candidate.requestId) ? candidate.requestId : undefined;
  return { simulationId, machineId, attempt: attempt as number, ...(requestId && { requestId }) };
}
