import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DAY_COLUMN } from '../database/day-column';

/** One sample of one attempt's loss curve; at most one per second value. */
@Entity({ name: 'convergence_points' })
export class ConvergencePoint {
  @PrimaryColumn({ name: 'simulation_id', type: 'bigint' })
  simulationId: number;

  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  /** The partition it lives in: its simulation's curve_day when it was written. */
  @PrimaryColumn({ name: 'curve_day', type: 'date', transformer: DAY_COLUMN })
  curveDay: string;

  @PrimaryColumn({ type: 'double precision' })
  seconds: number;

  @Column({ type: 'double precision' })
  loss: number;

  /** Position in the attempt's curve, from 0. */
  @Column({ type: 'integer' })
  seq: number;

  /** Sum of loss over the curve up to and including this point. */
  @Column({ name: 'cum_loss', type: 'double precision' })
  cumLoss: number;

  /** Sum of seconds over the curve up to and including this point. */
  @Column({ name: 'cum_seconds', type: 'double precision' })
  cumSeconds: number;
}
