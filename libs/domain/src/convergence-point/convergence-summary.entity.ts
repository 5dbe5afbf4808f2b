import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DAY_COLUMN } from '../database/day-column';

/** The lowest and highest value of one block of SUMMARY_FANOUT^level consecutive points of a metric. */
@Entity({ name: 'convergence_summaries' })
export class ConvergenceSummary {
  @PrimaryColumn({ name: 'simulation_id', type: 'bigint' })
  simulationId: number;

  @PrimaryColumn({ type: 'integer' })
  attempt: number;

  /** The partition it lives in: its simulation's curve_day when it was written. */
  @PrimaryColumn({ name: 'curve_day', type: 'date', transformer: DAY_COLUMN })
  curveDay: string;

  @PrimaryColumn({ name: 'metric_id', type: 'smallint' })
  metricId: number;

  @PrimaryColumn({ type: 'smallint' })
  level: number;

  /** Block b of a level holds the points with seq in [b · size, (b + 1) · size). */
  @PrimaryColumn({ type: 'integer' })
  block: number;

  @Column({ name: 'min_loss', type: 'double precision' })
  minLoss: number;

  @Column({ name: 'max_loss', type: 'double precision' })
  maxLoss: number;
}
