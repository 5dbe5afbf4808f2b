import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BODY_LIMIT_BYTES } from './body-limit';
import { MAX_LISTED_PROBLEMS } from '@app/domain';

/** A message names at most what a body can hold, and a little more of our own words. */
const ERROR_MESSAGE_MAX_LENGTH = 4 * BODY_LIMIT_BYTES;

/** The body of every error answer. */
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found', maxLength: 64 })
  error: string;

  // Messages may quote what was sent (a field's name, a key), so the body limit bounds them.
  @ApiProperty({ example: 'simulation 42 not found', maxLength: ERROR_MESSAGE_MAX_LENGTH })
  message: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', maxLength: ERROR_MESSAGE_MAX_LENGTH },
    maxItems: MAX_LISTED_PROBLEMS,
    description: 'Every problem found, when validation found more than one.',
    example: ['name must be 1 to 255 characters', 'property colour should not exist'],
  })
  details?: string[];
}
