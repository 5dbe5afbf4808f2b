import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A worker process, as it last reported itself. */
@Entity({ name: 'workers' })
export class Worker {
  @PrimaryColumn({ name: 'worker_id', type: 'varchar', length: 200 })
  workerId: string;

  /** The machine it serves; null for a pool worker, which serves every machine. */
  @Column({ name: 'machine_id', type: 'integer', nullable: true })
  machineId: number | null;

  /** Simulations it runs at once. */
  @Column({ type: 'integer' })
  capacity: number;

  /** Simulations it was running at its last heartbeat. */
  @Column({ type: 'integer' })
  running: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** Counted as alive until then; each heartbeat moves it one lease ahead. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
