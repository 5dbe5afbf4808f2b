import { Program } from './program';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DAY_COLUMN } from '../database/day-column';
import { Machine } from '../machine/machine.entity';
import {
  CurveEmulation,
  DEFAULT_EMULATION,
  EmulationSettings,
  fromEmulationSettings,
  toEmulationSettings,
} from './curve-emulation';
import { SimulationStatus } from './simulation-status';

/**
 * Automatic attempts a run request is granted when it names none. The
 * migrated columns default to the same (the schema spec checks), for rows
 * inserted without it.
 */
export const DEFAULT_ATTEMPT_BUDGET = 3;

@Entity({ name: 'simulations' })
export class Simulation {
  /** Client-chosen when given, otherwise drawn from a sequence (see the initial migration). */
  @PrimaryColumn({ name: 'simulation_id', type: 'bigint' })
  simulationId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ name: 'machine_id', type: 'integer' })
  machineId: number;

  @ManyToOne(() => Machine, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'machine_id' })
  machine?: Machine;

  @Column({ type: 'varchar', length: 16 })
  status: SimulationStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ name: 'creation_date', type: 'timestamptz' })
  creationDate: Date;

  /** Set by a database trigger on every update, so no writer can forget it. */
  @Column({ name: 'update_date', type: 'timestamptz' })
  updateDate: Date;

  /**
   * The UTC day its current run was requested (at creation, and again on a
   * retry by hand): its current curve lives in that day's partition.
   */
  @Column({ name: 'curve_day', type: 'date', transformer: DAY_COLUMN })
  curveDay: string;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** Attempts started so far; 0 until a worker first claims it. Curve points belong to an attempt. */
  @Column({ type: 'integer' })
  attempt: number;

  /** Automatic attempts granted per run request (at creation, and again on each manual retry). */
  @Column({ name: 'attempt_budget', type: 'integer' })
  attemptBudget: number;

  /**
   * The attempt whose failure is final: attempts started before this run
   * request plus its budget (a hand-back at shutdown moves it one further).
   */
  @Column({ name: 'final_attempt', type: 'integer' })
  finalAttempt: number;

  /** Last sign of life from the worker running it; only meaningful while running. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  /** The worker process holding the current attempt, while running. */
  @Column({ name: 'worker_id', type: 'varchar', length: 200, nullable: true })
  workerId: string | null;

  /** How its convergence curve is emulated; resolved at creation. */
  @Column({ type: 'jsonb', transformer: { from: storedEmulation, to: toEmulationSettings } })
  emulation: CurveEmulation;

  /** The token subject that created it. */
  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy: string | null;

  /**
   * What runs it: `emulate` (the contract's run, by a worker), `external` (a
   * run reporting from anywhere), or a program its machine's worker declared.
   */
  @Column({ type: 'varchar', length: 100, default: Program.Emulate })
  program: string;

  /** How the run said it ended, when it reported an exit code. */
  @Column({ name: 'exit_code', type: 'integer', nullable: true })
  exitCode: number | null;

  /** The experiment it belongs to (docs/mlflow.md); 0, MLflow's default, unless made through the MLflow subset. */
  @Column({ name: 'experiment_id', type: 'bigint', default: 0 })
  experimentId: number;

  /** The project it belongs to (docs/projects.md): who may see and change it follows from it. */
  @Column({ name: 'project_id', type: 'integer', default: 1 })
  projectId: number;

  /** Its own lease, for a run whose client sends no heartbeats; null: the worker's LEASE_MS. */
  @Column({ name: 'lease_ms', type: 'integer', nullable: true })
  leaseMs: number | null;
}

/** The column keeps the settings by their edge names (snake_case); a missing one is its default. */
function storedEmulation(settings: EmulationSettings): CurveEmulation {
  return { ...DEFAULT_EMULATION, ...fromEmulationSettings(settings) };
}
