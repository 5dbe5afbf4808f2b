import type { ValueTransformer } from 'typeorm';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A `date` column as the day Postgres stores (YYYY-MM-DD). node-postgres
 * turns a date into a Date at local midnight, so its local fields are the
 * stored day whatever the process's time zone; a string passes through.
 */
export const DAY_COLUMN: ValueTransformer = {
  from: (value: Date | string | null) =>
    value instanceof Date
      ? `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
      : value,
  to: (value: string | null | undefined) => value,
};
