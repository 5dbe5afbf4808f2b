import { DomainError } from '../errors/domain-error';
import { resolveField, SqlParameters } from './filter-sql';
import { parseSortField } from './filter-syntax';

/** Where a run without the sort field goes: after every run that has it, in either direction. */
export const MISSING_RANK = 3;

/** Characters of a text a sort compares: a cursor carries the last one, and stays short. */
const SORTED_TEXT_LENGTH = 200;

/**
 * The lateral subquery giving `run`'s sort key for `orderBy` (params.<key>,
 * tags.<key>, metrics.<name>.<summary>) as (rank, number, text): a param's
 * numbers rank 0, its strings 1, its booleans 2; a tag's value ranks 1; a
 * metric summary 0. The key reaches SQL as a parameter only.
 */
export function sortKeySql(orderBy: string, parameters: SqlParameters): string {
  const field = resolveField(parseSortField(orderBy), 'order_by');
  switch (field.kind) {
    case 'param': {
      const key = parameters.add(field.key, 'text');
      return `SELECT CASE WHEN p.number IS NOT NULL THEN 0 WHEN p.text IS NOT NULL THEN 1 ELSE 2 END AS rank,
                     p.number AS number, left(COALESCE(p.text, p.flag::text), ${SORTED_TEXT_LENGTH}) AS text
              FROM run_params p WHERE p.simulation_id = run.simulation_id AND p.key = ${key}`;
    }
    case 'tag': {
      const key = parameters.add(field.key, 'text');
      return `SELECT 1 AS rank, NULL::double precision AS number, left(t.value, ${SORTED_TEXT_LENGTH}) AS text
              FROM run_tags t WHERE t.simulation_id = run.simulation_id AND t.key = ${key}`;
    }
    case 'metric': {
      const name = parameters.add(field.key, 'text');
      return `SELECT 0 AS rank, m.${field.column}::double precision AS number, NULL::text AS text
              FROM run_metrics m
              WHERE m.simulation_id = run.simulation_id AND m.attempt = run.attempt AND m.name = ${name}`;
    }
    case 'attribute':
      throw DomainError.invalid(
        `order_by must be one of: name, creation_date, update_date, or params.<key>, tags.<key>, ` +
          `metrics.<name>.(last|min|max|count); "${orderBy.slice(0, 100)}" is not`,
      );
  }
}

/**
 * A sort key as a cursor carries it: JSON of (rank, number, text), the
 * number as text so NaN and the infinities survive.
 */
export function encodeSortKey(rank: number, number: number, text: string): string {
  return JSON.stringify([rank, String(number), text]);
}

/** A cursor's sort key back as (rank, number, text); a 400 when it is not one this API made. */
export function decodeSortKey(key: string): [number, number, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    Number.isInteger(parsed[0]) &&
    parsed[0] >= 0 &&
    parsed[0] <= MISSING_RANK &&
    typeof parsed[1] === 'string' &&
    (parsed[1] === 'NaN' || !Number.isNaN(Number(parsed[1]))) &&
    typeof parsed[2] === 'string'
  )
    return [parsed[0], Number(parsed[1]), parsed[2]];
  throw DomainError.invalid(
    'cursor is not one this API made: use the X-Next-Cursor or Link of a list answer',
  );
}
