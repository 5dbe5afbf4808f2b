import { DomainError } from '../errors/domain-error';
import {
  metricPoint,
  numberPoint,
  numberPointsOfKey,
  PARAM_NUMBER_POINT,
  resolveField,
  SqlParameters,
} from './filter-sql';
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
  /**
   * The expression the walk is ordered by (the index's) before the run's id,
   * its SQL type, and its value at a cursor's (number, text); none for the
   * missing rank.
   */
  key?: { expression: string; type: string; at: (number: number, text: string) => unknown };
  /** The run's id as the index holds it, the last column of the order. */
  id: string;
  /** The list filter's values, then this rank's own (a statement must use every value it is sent). */
  parameters: SqlParameters;
}

/**
 * The ranks of a sort by `orderBy`, in order: a param's numbers (0), its
 * strings (1), its booleans (2); a tag's values (1); a metric summary (0);
 * then the runs without the field (MISSING_RANK), by id. `filterValues` are
 * the values the list's filter was given; keys reach SQL as parameters only.
 */
export function sortRanks(orderBy: string, filterValues: readonly unknown[]): SortRank[] {
  const field = resolveField(parseSortField(orderBy), 'order_by');
  const own = () => new SqlParameters([...filterValues]);
  switch (field.kind) {
    case 'param': {
      const numbers = own();
      const param = (column: string, parameters: SqlParameters) =>
        `run_params p JOIN simulations run ON run.simulation_id = p.simulation_id
         WHERE p.key = ${parameters.add(field.key, 'text')} AND p.${column} IS NOT NULL`;
      const [strings, flags, missing] = [own(), own(), own()];
      return [
        {
          rank: 0,
          from: `run_params p JOIN simulations run ON run.simulation_id = p.simulation_id
                 WHERE ${numberPointsOfKey(PARAM_NUMBER_POINT, field.key, numbers)}`,
          number: 'p.number',
          text: "''",
          key: {
            expression: PARAM_NUMBER_POINT,
            type: 'run_number_point',
            at: (number) => numberPoint(field.key, number),
          },
          id: 'p.simulation_id',
          parameters: numbers,
        },
        {
          rank: 1,
          from: param('text', strings),
          number: '0',
          text: 'p.text',
          key: { expression: 'p.text', type: 'text', at: (_, text) => text },
          id: 'p.simulation_id',
          parameters: strings,
        },
        {
          rank: 2,
          from: param('flag', flags),
          number: '0',
          text: 'p.flag::text',
          key: { expression: 'p.flag', type: 'boolean', at: (_, text) => text },
          id: 'p.simulation_id',
          parameters: flags,
        },
        missingRank(
          `EXISTS (SELECT 1 FROM run_params p WHERE p.simulation_id = run.simulation_id AND p.key = ${missing.add(field.key, 'text')})`,
          missing,
        ),
      ];
    }
    case 'tag': {
      const [values, missing] = [own(), own()];
      const value = `left(t.value, ${SORTED_TAG_LENGTH})`;
      return [
        {
          rank: 1,
          from: `run_tags t JOIN simulations run ON run.simulation_id = t.simulation_id WHERE t.key = ${values.add(field.key, 'text')}`,
          number: '0',
          text: value,
          key: { expression: value, type: 'text', at: (_, text) => text },
          id: 't.simulation_id',
          parameters: values,
        },
        missingRank(
          `EXISTS (SELECT 1 FROM run_tags t WHERE t.simulation_id = run.simulation_id AND t.key = ${missing.add(field.key, 'text')})`,
          missing,
        ),
      ];
    }
    case 'metric': {
      const [summaries, missing] = [own(), own()];
      const point = metricPoint(field.column);
      const count = field.summary === 'count';
      return [
        {
          rank: 0,
          from: `run_metrics m JOIN simulations run
                   ON run.simulation_id = m.simulation_id AND run.attempt = m.attempt
                 WHERE ${
                   count
                     ? `m.name = ${summaries.add(field.key, 'text')}`
                     : numberPointsOfKey(point, field.key, summaries)
                 }`,
          number: `m.${field.column}::double precision`,
          text: "''",
          key: count
            ? { expression: 'm.count', type: 'integer', at: (number) => number }
            : {
                expression: point,
                type: 'run_number_point',
                at: (number) => numberPoint(field.key, number),
              },
          id: 'm.simulation_id',
          parameters: summaries,
        },
        missingRank(
          `EXISTS (SELECT 1 FROM run_metrics m WHERE m.simulation_id = run.simulation_id
                     AND m.attempt = run.attempt AND m.name = ${missing.add(field.key, 'text')})`,
          missing,
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

function missingRank(present: string, parameters: SqlParameters): SortRank {
  return {
    parameters,
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
