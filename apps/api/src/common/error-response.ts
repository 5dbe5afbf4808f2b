import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every error answer. */
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found' })
  error: string;

  @ApiProperty({ example: 'simulation 42 not found' })
  message: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Every problem found, when validation found more than one.',
    example: ['name must be 1 to 255 characters', 'property colour should not exist'],
  })
  details?: string[];
}
