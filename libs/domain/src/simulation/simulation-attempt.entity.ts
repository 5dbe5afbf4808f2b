import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AttemptOutcome } from './simulation-status';

/** One attempt at running a simulation: who ran it, when, and how it ended. */
@Entity({ name: 'simulation_attempts' })
export class SimulationAttempt {
  @PrimaryColumn({ name: 'simulation_id', type: 'bigint' })
  simulationId: number;

  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  @Column({ name: 'worker_id', type: 'varchar', length: 200 })
  workerId: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: AttemptOutcome;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The GPUs it was given, by index; null when it needed none. */
  @Column({ type: 'text', array: true, nullable: true })
  gpus: string[] | null;
}
