import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';

/** An integer field in [min, max], refused with one message naming the field and the range. */
export const IntegerBetween = (field: string, min: number, max: number) => {
  const message = `${field} must be an integer between ${min} and ${max}`;
  return applyDecorators(Max(max, { message }), Min(min, { message }), IsInt({ message }));
};
