import { SimulationStatus } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RUN_DATA_LIMITS, RUN_KEY_PATTERN } from '@app/domain';
import { PARAM_VALUE_SCHEMA, TAG_VALUE_SCHEMA } from '../simulations/dto/run-data.schema';
import { MAX_NDJSON_REPORT_POINTS } from '../common/body-limit';
import { MAX_REPORT_POINTS } from './run-report-body';
import { JSON_NUMBER_SCHEMA, NonFinite } from '../common/json-number';

const ENDS = [SimulationStatus.Finished, SimulationStatus.Failed] as const;

export class RunEndDto {
  @ApiProperty({ enum: ENDS, example: 'finished' })
  @IsIn(ENDS, { message: `status must be one of: ${ENDS.join(', ')}` })
  status: SimulationStatus.Finished | SimulationStatus.Failed;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: -2147483648,
    maximum: 2147483647,
    example: 0,
    description: "The program's exit code, if it has one.",
  })
  @IsOptional()
  @Max(2147483647, { message: 'exit_code must be a 32-bit integer' })
  @Min(-2147483648, { message: 'exit_code must be a 32-bit integer' })
  @IsInt({ message: 'exit_code must be a 32-bit integer' })
  exit_code?: number;

  @ApiPropertyOptional({
    maxLength: 1000,
    example: 'CUDA out of memory',
    description: 'Why it failed, as the run says; shown in its attempt history.',
  })
  @IsOptional()
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  @IsString({ message: 'reason must be a string' })
  reason?: string;
}

export class ReportedPointDto {
  @ApiProperty({ example: 'val_loss', pattern: RUN_KEY_PATTERN.source, maxLength: 250 })
  metric: string;

  @ApiProperty({
    ...JSON_NUMBER_SCHEMA,
    example: 0.42,
    description: 'A number, or "NaN", "Infinity", "-Infinity" (JSON has no such numbers).',
  })
  value: number | NonFinite;

  @ApiPropertyOptional({
    example: 12.5,
    exclusiveMinimum: true,
    minimum: 0,
    description:
      "Seconds since the run started (the curves' x-axis). Left out, the time the report arrives; " +
      "a metric's points must go forward in time.",
  })
  seconds?: number;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 1200,
  })
  step?: number;
}

export class RunReportDto {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 1,
    description:
      'Numbers this report among the run’s reports (per attempt). The same report sent again ' +
      '(a retry after a lost answer) is stored once; another report under a used number is a 409.',
  })
  sequence: number;

  @ApiPropertyOptional({ type: [ReportedPointDto], maxItems: MAX_REPORT_POINTS })
  points?: ReportedPointDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: PARAM_VALUE_SCHEMA,
    maxProperties: RUN_DATA_LIMITS.maxParams,
    example: { lr: 0.01 },
    description: 'Params to add; written once (the same value again is fine, another a 409).',
  })
  params?: Record<string, number | string | boolean>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: TAG_VALUE_SCHEMA,
    maxProperties: RUN_DATA_LIMITS.maxTags,
    example: { stage: 'training' },
    description: 'Tags to set.',
  })
  tags?: Record<string, string>;
}

export class RunReportResponse {
  @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
  sequence: number;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    // An NDJSON report holds more than a JSON one.
    maximum: MAX_NDJSON_REPORT_POINTS,
    example: 1000,
    description: 'Points in the report.',
  })
  points: number;

  @ApiProperty({
    example: false,
    description: 'True when this report was stored before (sent again): nothing changed.',
  })
  duplicate: boolean;
}
