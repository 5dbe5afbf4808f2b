import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { IntegerBetween } from '../common/integer-between.decorator';

export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
/** Lines one answer holds at most; `after` pages on. */
export const MAX_LOG_LINES = 10_000;
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** `Number('')` is 0; an empty or repeated parameter must fail validation instead. */
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;

export class RunLogsQuery {
  @ApiPropertyOptional({
    description: "The attempt whose output to read; left out, the run's current one.",
  })
  @IsOptional()
  @Transform(toNumber)
  @IntegerBetween('attempt', 1, 2_147_483_647)
  attempt?: number;

  @ApiPropertyOptional({
    description: 'Only lines after this seq (the `next_after` of an earlier answer).',
  })
  @IsOptional()
  @Transform(toNumber)
  @IntegerBetween('after', 0, MAX_SEQ)
  after?: number;

  @ApiPropertyOptional({ description: 'Only the last this many lines (of those after `after`).' })
  @IsOptional()
  @Transform(toNumber)
  @IntegerBetween('tail', 1, MAX_LOG_LINES)
  tail?: number;

  @ApiPropertyOptional({ description: `Lines at most (default and most: ${MAX_LOG_LINES}).` })
  @IsOptional()
  @Transform(toNumber)
  @IntegerBetween('limit', 1, MAX_LOG_LINES)
  limit?: number;

  @ApiPropertyOptional({
    enum: LOG_FORMATS,
    default: 'json',
    description:
      '`text`: the lines alone, as the program printed them (stdout and stderr interleaved).',
  })
  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `format must be one of: ${LOG_FORMATS.join(', ')}` })
  format?: LogFormat;
}
