import {
  RUN_DATA_LIMITS,
  RUN_KEY_PATTERN,
  RUN_KEY_RULE,
  runDataProblems,
  RunTags,
} from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { RUN_KEY_SCHEMA, TAG_VALUE_SCHEMA } from './run-data.schema';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateBy } from 'class-validator';

/** PATCH /simulation/{id}/tags: tags to set (added or replaced) and keys to remove. */
export class ChangeTagsDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: TAG_VALUE_SCHEMA,
    maxProperties: RUN_DATA_LIMITS.maxTags,
    example: { stage: 'reviewed' },
    description: 'Tags to add, or to replace when the key is there already.',
  })
  @IsOptional()
  @ValidateBy({
    name: 'validTags',
    validator: {
      validate: (value) => runDataProblems(undefined, value, 'set.').length === 0,
      defaultMessage: (args) => runDataProblems(undefined, args?.value, 'set.').join('; '),
    },
  })
  set?: RunTags;

  @ApiPropertyOptional({
    type: 'array',
    items: RUN_KEY_SCHEMA,
    maxItems: RUN_DATA_LIMITS.maxTags,
    example: ['draft'],
    description: 'Keys of tags to remove; a key the run does not have is no error.',
  })
  // class-validator runs these bottom-up and stops at the first failure.
  @Matches(RUN_KEY_PATTERN, { each: true, message: `remove: each key is ${RUN_KEY_RULE}` })
  @ArrayMaxSize(RUN_DATA_LIMITS.maxTags, {
    message: `remove names at most ${RUN_DATA_LIMITS.maxTags} keys`,
  })
  @IsArray({ message: 'remove must be an array of tag keys' })
  @IsOptional()
  remove?: string[];
}
