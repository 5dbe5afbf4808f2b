import type { CurveEmulation } from './curve-emulation';
import { SimulationAttempt } from './simulation-attempt.entity';
import { Simulation } from './simulation.entity';
import { AttemptOutcome, SimulationStatus } from './simulation-status';

/** A `simulations` row as Postgres returns it. */
export interface SimulationRow {
  simulation_id: number;
  name: string;
  machine_id: number;
  status: SimulationStatus;
  failure_reason: string | null;
  creation_date: Date;
  update_date: Date;
  started_at: Date | null;
  finished_at: Date | null;
  attempt: number;
  attempt_budget: number;
  max_attempts: number;
  heartbeat_at: Date | null;
  worker_id: string | null;
  created_by: string | null;
  emulation: CurveEmulation;
}

export function toSimulation(row: SimulationRow): Simulation {
  return Object.assign(new Simulation(), {
    simulationId: row.simulation_id,
    name: row.name,
    machineId: row.machine_id,
    status: row.status,
    failureReason: row.failure_reason,
    creationDate: row.creation_date,
    updateDate: row.update_date,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    attempt: row.attempt,
    attemptBudget: row.attempt_budget,
    maxAttempts: row.max_attempts,
    heartbeatAt: row.heartbeat_at,
    workerId: row.worker_id,
    createdBy: row.created_by,
    emulation: row.emulation,
  });
}

export interface SimulationAttemptRow {
  simulation_id: number;
  attempt: number;
  worker_id: string;
  started_at: Date;
  ended_at: Date | null;
  outcome: AttemptOutcome;
  reason: string | null;
}

export function toSimulationAttempt(row: SimulationAttemptRow): SimulationAttempt {
  return Object.assign(new SimulationAttempt(), {
    simulationId: row.simulation_id,
    attempt: row.attempt,
    workerId: row.worker_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    reason: row.reason,
  });
}
