import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
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
    enum: ['loss'],
    default: 'loss',
    example: 'loss',
    description:
      'The metric whose curves are overlaid. Only `loss` has curves until runs report others.',
  })
  @IsOptional()
  @IsIn(['loss'], { message: 'metric must be loss: runs have no other curve yet' })
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
