import { DomainError } from '../errors/domain-error';
import { resolveField, SqlParameters } from './filter-sql';
import { parseSortField } from './filter-syntax';

/** Where a run without the sort field goes: after every run that has it, in either direction. */
export const MISSING_RANK = 3;

/** Characters of a tag's value a sort compares: what run_tags_by_value holds, and a cursor carries. */
const SORTED_TAG_LENGTH = 200;

/**
 * The runs at one rank of a sort by a param, a tag or a metric, as a FROM
 * clause joining `run` (so a list's filters apply), the key's number and
 * text, and the order of an index that walks them: a page reads as many
 * index entries as it needs, whatever the table's size.
 */
export interface SortRank {
  rank: number;
  from: string;
  number: string;
  text: string;
  /** The expression the walk is ordered by (the index's) before the run's id; none for the missing rank. */
  key?: { expression: string; type: 'double precision' | 'text' | 'boolean' };
  /** The run's id as the index holds it, the last column of the order. */
  id: string;
}

/**
 * The ranks of a sort by `orderBy`, in order: a param's numbers (0), its
 * strings (1), its booleans (2); a tag's values (1); a metric summary (0);
 * then the runs without the field (MISSING_RANK), by id. Keys reach SQL as
 * parameters only.
 */
export function sortRanks(orderBy: string, parameters: SqlParameters): SortRank[] {
  const field = resolveField(parseSortField(orderBy), 'order_by');
  switch (field.kind) {
    case 'param': {
      const key = parameters.add(field.key, 'text');
      const param = (column: string) =>
        `run_params p JOIN simulations run ON run.simulation_id = p.simulation_id
         WHERE p.key = ${key} AND p.${column} IS NOT NULL`;
      const present = `EXISTS (SELECT 1 FROM run_params p WHERE p.simulation_id = run.simulation_id AND p.key = ${key})`;
      return [
        {
          rank: 0,
          from: param('number'),
          number: 'p.number',
          text: "''",
          key: { expression: 'p.number', type: 'double precision' },
          id: 'p.simulation_id',
        },
        {
          rank: 1,
          from: param('text'),
          number: '0',
          text: 'p.text',
          key: { expression: 'p.text', type: 'text' },
          id: 'p.simulation_id',
        },
        {
          rank: 2,
          from: param('flag'),
          number: '0',
          text: 'p.flag::text',
          key: { expression: 'p.flag', type: 'boolean' },
          id: 'p.simulation_id',
        },
        missingRank(present),
      ];
    }
    case 'tag': {
      const key = parameters.add(field.key, 'text');
      const value = `left(t.value, ${SORTED_TAG_LENGTH})`;
      return [
        {
          rank: 1,
          from: `run_tags t JOIN simulations run ON run.simulation_id = t.simulation_id WHERE t.key = ${key}`,
          number: '0',
          text: value,
          key: { expression: value, type: 'text' },
          id: 't.simulation_id',
        },
        missingRank(
          `EXISTS (SELECT 1 FROM run_tags t WHERE t.simulation_id = run.simulation_id AND t.key = ${key})`,
        ),
      ];
    }
    case 'metric': {
      const name = parameters.add(field.key, 'text');
      return [
        {
          rank: 0,
          from: `run_metrics m JOIN simulations run
                   ON run.simulation_id = m.simulation_id AND run.attempt = m.attempt
                 WHERE m.name = ${name}`,
          number: `m.${field.column}::double precision`,
          text: "''",
          key: { expression: `m.${field.column}`, type: 'double precision' },
          id: 'm.simulation_id',
        },
        missingRank(
          `EXISTS (SELECT 1 FROM run_metrics m WHERE m.simulation_id = run.simulation_id
                     AND m.attempt = run.attempt AND m.name = ${name})`,
        ),
      ];
    }
    case 'attribute':
      throw DomainError.invalid(
        `order_by must be one of: name, creation_date, update_date, or params.<key>, tags.<key>, ` +
          `metrics.<name>.(last|min|max|count); "${orderBy.slice(0, 100)}" is not`,
      );
  }
}

function missingRank(present: string): SortRank {
  return {
    rank: MISSING_RANK,
    from: `simulations run WHERE NOT ${present}`,
    number: '0',
    text: "''",
    id: 'run.simulation_id',
  };
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
