import { SIMULATION_STATUSES, SimulationStatus } from '@app/domain';
import { JSON_NUMBER_SCHEMA, NonFinite } from '../common/json-number';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SAMPLE_POINTS } from './dto/converge.query';
import {
  CURVE_AGGREGATIONS,
  CURVE_SCALES,
  CurveAggregation,
  CurveScale,
} from './dto/converge.query';

export class ConvergencePointResponse {
  @ApiProperty({
    example: 10,
    description: 'Simulated seconds since the run started (the mean of a bucket with agg=mean).',
  })
  seconds: number;

  @ApiProperty({
    ...JSON_NUMBER_SCHEMA,
    example: 0.042,
    description: 'A number; "NaN", "Infinity" or "-Infinity" where an external run reported one.',
  })
  loss: number | NonFinite;

  @ApiPropertyOptional({
    ...JSON_NUMBER_SCHEMA,
    example: 0.041,
    description: "agg=minmax: the lowest loss in this point's bucket.",
  })
  loss_min?: number | NonFinite;

  @ApiPropertyOptional({
    ...JSON_NUMBER_SCHEMA,
    example: 0.043,
    description: "agg=minmax: the highest loss in this point's bucket.",
  })
  loss_max?: number | NonFinite;
}

export class CurveWindowResponse {
  @ApiProperty({ type: Number, nullable: true, example: null })
  from: number | null;

  @ApiProperty({ type: Number, nullable: true, example: null })
  to: number | null;
}

export class ConvergenceMetaResponse {
  @ApiProperty({ example: 1, description: 'The attempt whose curve this is (the current one).' })
  attempt: number;

  @ApiProperty({ enum: SIMULATION_STATUSES, example: 'finished' })
  status: SimulationStatus;

  @ApiProperty({ example: 10, description: 'Points in the whole curve.' })
  total_points: number;

  @ApiProperty({ example: 10, description: 'Points inside the window.' })
  window_points: number;

  @ApiProperty({ example: 10, description: 'Points in `data`.' })
  returned_points: number;

  @ApiProperty({ example: false, description: 'True when `data` is sampled from the window.' })
  downsampled: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: 'Buckets sampled into; null when the window came back whole.',
  })
  buckets: number | null;

  @ApiProperty({ enum: CURVE_SCALES, example: 'log' })
  scale: CurveScale;

  @ApiProperty({ enum: CURVE_AGGREGATIONS, example: 'last' })
  agg: CurveAggregation;

  @ApiProperty({ type: CurveWindowResponse, description: 'The window asked for (null: open).' })
  window: CurveWindowResponse;
}

export class ConvergenceResponse {
  @ApiProperty({
    type: [ConvergencePointResponse],
    // Sampled, the window's first and last points come on top of the buckets.
    maxItems: MAX_SAMPLE_POINTS + 2,
    description:
      'Ordered by seconds. While the run is in progress, the points written so far. ' +
      'When sampled, the first and last point of the window are always included as they are.',
  })
  data: ConvergencePointResponse[];

  @ApiProperty({ type: ConvergenceMetaResponse })
  meta: ConvergenceMetaResponse;
}
