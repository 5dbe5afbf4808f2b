import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DAY_COLUMN } from '../database/day-column';

/**
 * One point of one metric of one attempt: at most one per metric and second.
 * `loss` holds the metric's value (the contract's one metric named it).
 */
@Entity({ name: 'convergence_points' })
export class ConvergencePoint {
  @PrimaryColumn({ name: 'simulation_id', type: 'bigint' })
  simulationId: number;

  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  /** The partition it lives in: its simulation's curve_day when it was written. */
  @PrimaryColumn({ name: 'curve_day', type: 'date', transformer: DAY_COLUMN })
  curveDay: string;

  /** The metric: 0 is `loss`; others are numbered in run_metrics as they first arrive. */
  @PrimaryColumn({ name: 'metric_id', type: 'smallint' })
  metricId: number;

  @PrimaryColumn({ type: 'double precision' })
  seconds: number;

  /** The step the run gave with the point, if any. */
  @Column({ type: 'bigint', nullable: true })
  step: number | null;

  @Column({ type: 'double precision' })
  loss: number;

  /** Position in the attempt's curve, from 0. */
  @Column({ type: 'integer' })
  seq: number;

  /** Sum of the finite values over the curve up to and including this point. */
  @Column({ name: 'cum_loss', type: 'double precision' })
  cumLoss: number;

  /**
   * Finite values up to and including this point; stored null while all
   * were, and read as seq + 1 then (every read selects it that way).
   */
  @Column({ name: 'cum_finite', type: 'integer', nullable: true })
  cumFinite: number;

  /** Sum of seconds over the curve up to and including this point. */
  @Column({ name: 'cum_seconds', type: 'double precision' })
  cumSeconds: number;
}
