import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

const INT32_MAX = 2_147_483_647;

/**
 * An integer field in [min, max], refused with one message naming the field
 * and the range, and documented as what it is: an integer of that range (a
 * TypeScript `number` alone would be documented as any number). An
 * @ApiProperty or @ApiPropertyOptional above it adds the rest (example,
 * description, whether it is required).
 */
export const IntegerBetween = (field: string, min: number, max: number) => {
  const message = `${field} must be an integer between ${min} and ${max}`;
  return applyDecorators(
    Max(max, { message }),
    Min(min, { message }),
    IsInt({ message }),
    ApiProperty({
      type: 'integer',
      format: min >= -INT32_MAX - 1 && max <= INT32_MAX ? 'int32' : 'int64',
      minimum: min,
      maximum: max,
    }),
  );
};
