import { RUN_KEY_PATTERN, type CurveAxis } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JSON_NUMBER_SCHEMA, NonFinite } from '../common/json-number';
import { ConvergenceMetaResponse } from './convergence.response';
import { CURVE_AXES, MAX_SAMPLE_POINTS } from './dto/converge.query';

export class MetricPointResponse {
  @ApiProperty({
    example: 10,
    description: 'Seconds since the run started (the mean of a bucket with agg=mean).',
  })
  seconds: number;

  @ApiProperty({
    ...JSON_NUMBER_SCHEMA,
    example: 0.31,
    description:
      "The metric's value (a bucket's mean of its finite values with agg=mean): a number, or " +
      '"NaN", "Infinity", "-Infinity" where the run reported one.',
  })
  value: number | NonFinite;

  @ApiPropertyOptional({
    example: 1200,
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description:
      'The step the run reported with this point; absent where it gave none, and for a mean.',
  })
  step?: number;

  @ApiPropertyOptional({
    ...JSON_NUMBER_SCHEMA,
    example: 0.3,
    description: "agg=minmax: the bucket's lowest value (NaN only where it holds nothing else).",
  })
  value_min?: number | NonFinite;

  @ApiPropertyOptional({
    ...JSON_NUMBER_SCHEMA,
    example: 0.33,
    description: "agg=minmax: the bucket's highest value (NaN only where it holds nothing else).",
  })
  value_max?: number | NonFinite;
}

export class MetricCurveMetaResponse extends ConvergenceMetaResponse {
  @ApiProperty({ example: 'val_loss', pattern: RUN_KEY_PATTERN.source, maxLength: 250 })
  metric: string;

  @ApiProperty({
    enum: CURVE_AXES,
    example: 'seconds',
    description: 'The axis read along (`x`): buckets and the window are in its units.',
  })
  x: CurveAxis;
}

export class MetricCurveResponse {
  @ApiProperty({
    type: [MetricPointResponse],
    maxItems: MAX_SAMPLE_POINTS + 2,
    description:
      'Ordered by seconds (and so by step, with x=step). While the run is in progress, the ' +
      'points reported so far. ' +
      'When sampled, the first and last point of the window are always included as they are.',
  })
  data: MetricPointResponse[];

  @ApiProperty({ type: MetricCurveMetaResponse })
  meta: MetricCurveMetaResponse;
}
