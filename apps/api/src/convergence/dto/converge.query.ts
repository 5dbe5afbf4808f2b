import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { CurveAxis } from '@app/domain';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export const CURVE_SCALES = ['linear', 'log'] as const;
export type CurveScale = (typeof CURVE_SCALES)[number];
export const CURVE_AGGREGATIONS = ['last', 'mean', 'minmax'] as const;
export type CurveAggregation = (typeof CURVE_AGGREGATIONS)[number];
export const CURVE_FORMATS = ['json', 'csv', 'ndjson'] as const;
export type CurveFormat = (typeof CURVE_FORMATS)[number];

export const MAX_SAMPLE_POINTS = 10_000;
/** Without `points`, curves up to this long come back whole… */
export const WHOLE_CURVE_LIMIT = 10_000;
/** …and longer ones are sampled to this many buckets. */
export const DEFAULT_SAMPLE_POINTS = 1_000;

/** `Number('')` is 0; an empty or repeated parameter must fail validation instead. */
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;

const pointsMessage = `points must be an integer between 1 and ${MAX_SAMPLE_POINTS}`;

export class ConvergeQuery {
  @ApiPropertyOptional({
    enum: CURVE_SCALES,
    default: 'log',
    description: 'How bucket edges are spaced in seconds: evenly, or evenly on a logarithmic axis.',
  })
  @IsOptional()
  @IsIn(CURVE_SCALES, { message: `scale must be one of: ${CURVE_SCALES.join(', ')}` })
  scale?: CurveScale;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_SAMPLE_POINTS,
    description:
      'Buckets to sample into. A window holding no more points than this comes back whole. ' +
      `Without it, up to ${WHOLE_CURVE_LIMIT} points come back whole and longer curves are ` +
      `sampled into ${DEFAULT_SAMPLE_POINTS} logarithmic buckets.`,
  })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: pointsMessage })
  @Min(1, { message: pointsMessage })
  @Max(MAX_SAMPLE_POINTS, { message: pointsMessage })
  points?: number;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Keep only points at or after this many seconds (applied before sampling).',
  })
  @IsOptional()
  @Transform(toNumber)
  @Min(0, { message: 'from must not be negative' })
  // Validators run bottom-up, stopping at the first failure: the type is checked first.
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'from must be a number' })
  from?: number;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Keep only points at or before this many seconds (applied before sampling).',
  })
  @IsOptional()
  @Transform(toNumber)
  @Min(0, { message: 'to must not be negative' })
  // Validators run bottom-up, stopping at the first failure: the type is checked first.
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'to must be a number' })
  to?: number;

  @ApiPropertyOptional({
    enum: CURVE_AGGREGATIONS,
    default: 'last',
    description:
      "What stands for a bucket: its last point, its mean (of seconds and of loss), or its last point with the bucket's lowest and highest loss (`loss_min`, `loss_max`).",
  })
  @IsOptional()
  @IsIn(CURVE_AGGREGATIONS, {
    message: `agg must be one of: ${CURVE_AGGREGATIONS.join(', ')}`,
  })
  agg?: CurveAggregation;

  @ApiPropertyOptional({
    enum: CURVE_FORMATS,
    default: 'json',
    description:
      'csv and ndjson stream every point of the window (no sampling), for export. ' +
      '`points`, `scale` and `agg` apply to JSON only.',
  })
  @IsOptional()
  @IsIn(CURVE_FORMATS, { message: `format must be one of: ${CURVE_FORMATS.join(', ')}` })
  format?: CurveFormat;
}

export const CURVE_AXES = ['seconds', 'step'] as const;

/** A named metric's read: everything /converge/{id} takes, and the axis to read it along. */
export class MetricCurveQuery extends ConvergeQuery {
  @ApiPropertyOptional({
    enum: CURVE_AXES,
    default: 'seconds',
    description:
      'The x-axis: seconds, or the steps the run gave. With `step`, `from`/`to` and the bucket ' +
      'edges are steps (log buckets are spaced over step + 1, as steps start at 0) and `agg=mean` ' +
      'is refused. Only a metric whose every point gave a step, none lower than the one before, ' +
      'can be read by step (`by_step` in its summary); another is a 409.',
  })
  @IsOptional()
  @IsIn(CURVE_AXES, { message: `x must be one of: ${CURVE_AXES.join(', ')}` })
  x?: CurveAxis;
}
