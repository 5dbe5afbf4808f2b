import { PROJECT_NAME_PATTERN, PROJECT_NAME_RULE } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IntegerBetween } from '../common/integer-between.decorator';
import { MAX_MACHINE_ID } from '../common/parse-id.pipe';

/** The most machines one project may be limited to: a bound on what one check reads. */
export const MAX_PROJECT_MACHINES = 1000;
const MAX_DESCRIPTION = 2000;
/** The bounds of a project's settings, as the requests and the answers document them. */
export const MAX_RETENTION_DAYS = 36500;
export const MAX_PROJECT_QUOTA = 10_000_000;
export const MACHINE_IDS_SCHEMA = {
  type: 'array' as const,
  items: { type: 'integer', format: 'int32', minimum: 1, maximum: MAX_MACHINE_ID },
  maxItems: MAX_PROJECT_MACHINES,
  nullable: true,
  example: [101, 102],
};

/** What may change about a project (all but its name); null clears a bound back to the global setting. */
export class UpdateProjectDto {
  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION, example: 'Image models of the vision team' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION, {
    message: `description must be at most ${MAX_DESCRIPTION} characters`,
  })
  @IsString({ message: 'description must be a string' })
  description?: string;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_RETENTION_DAYS,
    example: 90,
    description: 'Days the curves of its ended runs are kept; null: HISTORY_RETENTION_DAYS.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IntegerBetween('retention_days', 1, MAX_RETENTION_DAYS)
  retention_days?: number | null;

  @ApiPropertyOptional({
    ...MACHINE_IDS_SCHEMA,
    description: 'The machines its runs may use; null: any machine.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Max(MAX_MACHINE_ID, {
    each: true,
    message: `machine_ids must be machine ids (1 to ${MAX_MACHINE_ID})`,
  })
  @Min(1, { each: true, message: `machine_ids must be machine ids (1 to ${MAX_MACHINE_ID})` })
  @IsInt({ each: true, message: `machine_ids must be machine ids (1 to ${MAX_MACHINE_ID})` })
  @ArrayMaxSize(MAX_PROJECT_MACHINES, {
    message: `machine_ids holds at most ${MAX_PROJECT_MACHINES} machines`,
  })
  @IsArray({ message: 'machine_ids must be an array of machine ids, or null' })
  machine_ids?: number[] | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_PROJECT_QUOTA,
    example: 500,
    description:
      'Pending runs the project may have at once, all its clients together; null: no bound of its own.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IntegerBetween('max_pending', 1, MAX_PROJECT_QUOTA)
  max_pending?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_PROJECT_QUOTA,
    example: 6000,
    description:
      'Requests per minute in the project, all its clients together; null: no budget of its own.',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IntegerBetween('rate_per_minute', 1, MAX_PROJECT_QUOTA)
  rate_per_minute?: number | null;
}

export class CreateProjectDto extends UpdateProjectDto {
  @ApiProperty({ pattern: PROJECT_NAME_PATTERN.source, maxLength: 63, example: 'vision' })
  @Matches(PROJECT_NAME_PATTERN, { message: `name is ${PROJECT_NAME_RULE}` })
  @IsString({ message: 'name must be a string' })
  @IsDefined({ message: 'name is required' })
  name: string;
}
