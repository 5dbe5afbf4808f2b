import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RUN_KEY_PATTERN, RUN_KEY_RULE } from '@app/domain';
import { CURVE_SCALES, CurveScale } from '../convergence/dto/converge.query';

/** Runs one comparison takes at most. */
export const MAX_COMPARED_RUNS = 100;
export const DEFAULT_COMPARE_POINTS = 200;
export const MAX_COMPARE_POINTS = 1_000;

const idsMessage = `ids must be 1 to ${MAX_COMPARED_RUNS} simulation ids, comma-separated`;
const pointsMessage = `points must be an integer between 2 and ${MAX_COMPARE_POINTS}`;

export class CompareQuery {
  @ApiProperty({
    type: String,
    example: '1,2,3',
    maxLength: 2000,
    description: `The runs to compare: 1 to ${MAX_COMPARED_RUNS} simulation ids, comma-separated.`,
  })
  @MaxLength(2000, { message: idsMessage })
  @Matches(/^\d{1,16}(,\d{1,16})*$/, { message: idsMessage })
  @IsString({ message: idsMessage })
  ids: string;

  @ApiPropertyOptional({
    type: String,
    default: 'loss',
    example: 'val_loss',
    pattern: RUN_KEY_PATTERN.source,
    maxLength: 250,
    description:
      'The metric whose curves are overlaid (any named metric); a run that has not reported it ' +
      'has an empty curve, marked `reported: false`.',
  })
  @IsOptional()
  @Matches(RUN_KEY_PATTERN, { message: `metric must be a metric name (${RUN_KEY_RULE})` })
  @IsString({ message: `metric must be a metric name (${RUN_KEY_RULE})` })
  metric?: string;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 2,
    maximum: MAX_COMPARE_POINTS,
    default: DEFAULT_COMPARE_POINTS,
    description:
      'Points each curve is sampled to (the last value of each bucket), the same for every run.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: pointsMessage })
  @Min(2, { message: pointsMessage })
  @Max(MAX_COMPARE_POINTS, { message: pointsMessage })
  points?: number;

  @ApiPropertyOptional({
    enum: CURVE_SCALES,
    default: 'log',
    description: 'Bucket scale of the seconds axis.',
  })
  @IsOptional()
  @IsIn(CURVE_SCALES, { message: `scale must be one of: ${CURVE_SCALES.join(', ')}` })
  scale?: CurveScale;
}
