import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** An integer environment variable within bounds; the message names the variable and the bounds. */
export function IntegerSetting(min: number, max?: number): PropertyDecorator {
  const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
  const message = `$property must be an integer ${range}`;
  return applyDecorators(
    Type(() => Number),
    IsInt({ message }),
    Min(min, { message }),
    ...(max === undefined ? [] : [Max(max, { message })]),
  );
}
