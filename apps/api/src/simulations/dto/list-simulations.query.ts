import {
  FILTER_ATTRIBUTES,
  MAX_FILTER_LENGTH,
  MAX_LIST_COLUMNS,
  METRIC_SUMMARY_NAMES,
  SIMULATION_SORT_KEYS,
  SIMULATION_STATUSES,
  SimulationSortKey,
  SimulationStatus,
  SortDirection,
} from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { MAX_MACHINE_ID } from '../../common/parse-id.pipe';
import { ProjectNameQuery } from '../../projects/project-query';

export const MAX_PAGE_SIZE = 1000;

const SORT_KEY_MESSAGE =
  `order_by must be one of: ${SIMULATION_SORT_KEYS.join(', ')}, ` +
  'or params.<key>, tags.<key>, metrics.<name>.(last|min|max|count)';

export class ListSimulationsQuery {
  @ApiPropertyOptional({
    type: String,
    default: 'creation_date',
    maxLength: 300,
    example: 'metrics.val_loss.min',
    description:
      `The sort key: ${SIMULATION_SORT_KEYS.join(', ')}, or \`params.<key>\` (numbers first, numerically, ` +
      'then strings, then booleans), `tags.<key>` or `metrics.<name>.(last|min|max|count)`; runs ' +
      'without it come last either way. Ties by simulation_id, in the same direction.',
  })
  @IsOptional()
  @ValidateBy({
    name: 'sortKey',
    validator: {
      validate: (value) =>
        typeof value === 'string' &&
        value.length <= 300 &&
        ((SIMULATION_SORT_KEYS as readonly string[]).includes(value) ||
          /^(params|tags|metrics)\./.test(value)),
      defaultMessage: () => SORT_KEY_MESSAGE,
    },
  })
  order_by: SimulationSortKey = 'creation_date';

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    default: 'asc',
    description: "Ascending (the original service's order) or descending (newest first).",
  })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order: SortDirection = 'asc';

  @ApiPropertyOptional({
    type: String,
    maxLength: 2048,
    description:
      'The next page: the `X-Next-Cursor` (or the `Link` rel="next") of the page before. ' +
      'Made for one listing: order_by, order, status, machine_id and filter must stay as they were. ' +
      'Each page costs the same however deep it is; not together with `offset`.',
  })
  @IsOptional()
  @IsString({ message: 'cursor must be a string' })
  @MaxLength(2048, {
    message: 'cursor is not one this API made: use the X-Next-Cursor or Link of a list answer',
  })
  cursor?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_FILTER_LENGTH,
    example: "params.lr < 0.01 AND (tags.team = 'vision' OR metrics.val_loss.min <= 0.3)",
    description:
      'Only the runs this expression matches: comparisons (`= != < <= > >=`, `IN (…)`, `LIKE`) on ' +
      `${FILTER_ATTRIBUTES.join(', ')}, \`params.<key>\` (numbers compare as numbers), ` +
      `\`tags.<key>\` and \`metrics.<name>.(${METRIC_SUMMARY_NAMES.join('|')})\`, joined with ` +
      '`AND`, `OR`, `NOT` and parentheses. Strings in single or double quotes. A malformed filter ' +
      'is a 400 naming the character where it goes wrong. The reference: docs/search.md.',
  })
  @IsOptional()
  @IsString({ message: 'filter must be a string (give it once)' })
  filter?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: MAX_FILTER_LENGTH,
    example: 'params.lr,metrics.val_loss.min',
    description:
      `Up to ${MAX_LIST_COLUMNS} params, tags or metric summaries, comma-separated and named as in ` +
      '`filter`: each run of the page then carries `columns` with their values (null where it has none).',
  })
  @IsOptional()
  @IsString({ message: 'columns must be a string (give it once)' })
  @MaxLength(MAX_FILTER_LENGTH, {
    message: `columns must be at most ${MAX_FILTER_LENGTH} characters`,
  })
  columns?: string;

  @ApiPropertyOptional({ enum: SIMULATION_STATUSES })
  @IsOptional()
  @IsIn(SIMULATION_STATUSES, {
    message: `status must be one of: ${SIMULATION_STATUSES.join(', ')}`,
  })
  status?: SimulationStatus;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: MAX_MACHINE_ID,
    example: 101,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}` })
  @Min(1, { message: `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}` })
  @Max(MAX_MACHINE_ID, { message: `machine_id must be an integer between 1 and ${MAX_MACHINE_ID}` })
  machine_id?: number;

  @ProjectNameQuery(
    'Only the runs of this project (docs/projects.md); left out, every project the caller sees. ' +
      'A project the caller does not see is not found.',
  )
  project?: string;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: MAX_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer between 1 and ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `limit must be an integer between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `limit must be an integer between 1 and ${MAX_PAGE_SIZE}` })
  limit: number = MAX_PAGE_SIZE;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: 0,
    maximum: MAX_MACHINE_ID,
    default: 0,
    description:
      'Skips this many matches first: kept for compatibility, and its cost grows with the offset ' +
      '(Postgres walks every skipped row). Page with `cursor` instead.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `offset must be an integer between 0 and ${MAX_MACHINE_ID}` })
  @Min(0, { message: `offset must be an integer between 0 and ${MAX_MACHINE_ID}` })
  @Max(MAX_MACHINE_ID, { message: `offset must be an integer between 0 and ${MAX_MACHINE_ID}` })
  offset?: number;
}
