/**
 * JSON has no NaN or infinity (JSON.stringify would print null). A run may
 * report them (a diverged loss is worth seeing), so they travel as these
 * strings, both ways; every other value is a plain JSON number.
 */
export const NON_FINITE = ['NaN', 'Infinity', '-Infinity'] as const;
export type NonFinite = (typeof NON_FINITE)[number];

/** A value as JSON carries it: the number, or its name when it is not finite. */
export function jsonNumber(value: number): number | NonFinite {
  if (Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

/** A value as a client may send it: a finite number, or one of NON_FINITE; undefined otherwise. */
export function numberFromJson(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return undefined;
}

/** The OpenAPI schema of such a value. */
export const JSON_NUMBER_SCHEMA = {
  oneOf: [{ type: 'number' }, { type: 'string', enum: [...NON_FINITE] }],
};
