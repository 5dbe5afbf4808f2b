import { DomainError } from '../errors/domain-error';
import { SIMULATION_STATUSES } from '../simulation/simulation-status';
import {
  Comparator,
  FilterExpression,
  FilterField,
  FilterValue,
  parseFilter,
} from './filter-syntax';
import { RUN_KEY_PATTERN, RUN_KEY_RULE } from '../run-data/run-keys';

type AttributeType = 'integer' | 'text' | 'status' | 'date';

/** The run's own columns a filter may name, with their SQL column and type. */
const ATTRIBUTES: Record<string, { column: string; type: AttributeType }> = {
  simulation_id: { column: 'simulation_id', type: 'integer' },
  name: { column: 'name', type: 'text' },
  status: { column: 'status', type: 'status' },
  machine_id: { column: 'machine_id', type: 'integer' },
  attempt: { column: 'attempt', type: 'integer' },
  program: { column: 'program', type: 'text' },
  created_by: { column: 'created_by', type: 'text' },
  creation_date: { column: 'creation_date', type: 'date' },
  update_date: { column: 'update_date', type: 'date' },
  started_at: { column: 'started_at', type: 'date' },
  finished_at: { column: 'finished_at', type: 'date' },
  experiment_id: { column: 'experiment_id', type: 'integer' },
};
export const FILTER_ATTRIBUTES = Object.keys(ATTRIBUTES);

/** A metric's summaries a filter or a sort may name, with their column in run_metrics. */
const METRIC_SUMMARIES: Record<string, string> = {
  last: 'last_value',
  min: 'min_value',
  max: 'max_value',
  count: 'count',
};
export const METRIC_SUMMARY_NAMES = Object.keys(METRIC_SUMMARIES);

const SQL_COMPARATOR: Record<Comparator, string> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** The same tag-value prefix run_tags_by_value holds, so equality can walk that index. */
const TAG_INDEX_PREFIX = 200;

/** ISO 8601 dates and date-times, as the API prints them and as clients write them. */
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/**
 * What a field of a filter names: a column of the run, one of its params or
 * tags, or a summary of one of its metrics (of its current attempt).
 */
export type ResolvedField =
  | { kind: 'attribute'; name: string; column: string; type: AttributeType }
  | { kind: 'param'; key: string }
  | { kind: 'tag'; key: string }
  | { kind: 'metric'; key: string; summary: string; column: string };

/** The field a dotted name designates, or a 400 saying what the names are. */
export function resolveField({ path, at }: FilterField, what?: string): ResolvedField {
  // A filter names the character; a list of fields (columns[2]) names the field.
  const where = what ? `${what}:` : `filter: at character ${at.column}:`;
  const [root, ...rest] = path;
  const keyOf = (parts: string[], what: string) => {
    const key = parts.join('.');
    if (!RUN_KEY_PATTERN.test(key))
      throw DomainError.invalid(
        `${where} ${JSON.stringify(key)} is not a ${what} name (${RUN_KEY_RULE})`,
      );
    return key;
  };
  if (root === 'params' && rest.length) return { kind: 'param', key: keyOf(rest, 'param') };
  if (root === 'tags' && rest.length) return { kind: 'tag', key: keyOf(rest, 'tag') };
  if (root === 'metrics' && rest.length >= 2) {
    const summary = rest[rest.length - 1];
    const column = METRIC_SUMMARIES[summary];
    if (!column)
      throw DomainError.invalid(
        `${where} a metric is compared by one of its summaries: metrics.<name>.(${METRIC_SUMMARY_NAMES.join('|')}); "${summary}" is none of them`,
      );
    return { kind: 'metric', key: keyOf(rest.slice(0, -1), 'metric'), summary, column };
  }
  if (root === 'metrics')
    throw DomainError.invalid(
      `${where} name a metric and one of its summaries: metrics.<name>.(${METRIC_SUMMARY_NAMES.join('|')})`,
    );
  const attribute = rest.length === 0 ? ATTRIBUTES[root] : undefined;
  if (!attribute)
    throw DomainError.invalid(
      `${where} unknown field "${path.join('.')}"; a field is params.<key>, tags.<key>, ` +
        `metrics.<name>.<summary> or one of: ${FILTER_ATTRIBUTES.join(', ')}`,
    );
  return { kind: 'attribute', name: root, ...attribute };
}

/**
 * Collects a statement's parameters: every value a client wrote reaches SQL
 * as one of these, never as text of the statement.
 */
export class SqlParameters {
  constructor(readonly values: unknown[] = []) {}

  /** `$n` of `value`, cast to `type` so Postgres never has to guess it. */
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * The WHERE condition of `filter` on simulations aliased `run`, its values
 * added to `parameters`. Params, tags and metrics are probed with EXISTS on
 * their own indexed tables: `params.lr < 0.01` is a range of
 * run_params_by_number, a metric summary reads one row of run_metrics.
 *
 * A probe that is a term of the filter's top-level AND is left for the
 * planner to join, from whichever side its statistics find smaller. A probe
 * under OR or NOT cannot become a join: the planner would hash everything it
 * matches on every request (it costs that subplan as if the whole table were
 * read, not the page), so it is fenced (OFFSET 0) into a probe per run, whose
 * cost follows the runs a page walks.
 */
export function filterCondition(filter: string, parameters: SqlParameters): string {
  return conditionOf(parseFilter(filter), parameters, false);
}

/** Whether `filter` names a param, a tag or a metric: each match then costs a probe to count. */
export function filterProbesRunData(filter: string): boolean {
  const probes = (expression: FilterExpression): boolean => {
    switch (expression.kind) {
      case 'and':
      case 'or':
        return expression.of.some(probes);
      case 'not':
        return probes(expression.of);
      default:
        return ['params', 'tags', 'metrics'].includes(expression.field.path[0]);
    }
  };
  return probes(parseFilter(filter));
}

/**
 * The equality that leads a list in creation order, and the rest of the
 * filter. Filtered by `params.dataset = 'x'`, a list walked the runs by
 * date and probed each, so a page read as many runs as the filter's share
 * asks (at a million runs, 200 per match for a 0.5 % filter); walking that
 * equality's own index in creation order (migration RunDataInCreationOrder)
 * reads about one entry per run shown, at any size.
 *
 * The lead is the first term of the filter's top-level AND that compares a
 * param's text or number or a tag with `=`. `join` joins its row as `lead`
 * (whose creation_date and simulation_id are the run's, the list's order);
 * `rest` is the condition of the other terms ('' when there are none).
 * Null when no term can lead.
 */
export interface CreationOrderLead {
  join: string;
  rest: string;
}

export function creationOrderLead(
  filter: string,
  parameters: SqlParameters,
): CreationOrderLead | null {
  const expression = parseFilter(filter);
  const terms = expression.kind === 'and' ? expression.of : [expression];
  const leading = terms.find(canLead);
  if (!leading) return null;
  // The terms in the filter's order, so a bad one is the same 400 the plain condition gives.
  let join = '';
  const rest: string[] = [];
  for (const term of terms)
    if (term === leading) join = leadJoin(leading, parameters);
    else rest.push(conditionOf(term, parameters, false));
  return { join, rest: rest.join(' AND ') };
}

type Comparison = Extract<FilterExpression, { kind: 'compare' }>;

/** An equality on a param's text or number, or on a tag: never a 400 (a bad term is not one). */
function canLead(term: FilterExpression): term is Comparison {
  if (term.kind !== 'compare' || term.comparator !== '=') return false;
  let kind: ResolvedField['kind'];
  try {
    kind = resolveField(term.field).kind;
  } catch {
    return false;
  }
  const { value } = term;
  return (
    (kind === 'param' && (typeof value === 'string' || typeof value === 'number')) ||
    (kind === 'tag' && typeof value === 'string')
  );
}

function leadJoin({ field, value }: Comparison, parameters: SqlParameters): string {
  const { key, kind } = resolveField(field) as Extract<ResolvedField, { key: string }>;
  const on = (table: string, condition: string) =>
    `JOIN ${table} AS lead ON lead.simulation_id = run.simulation_id AND ${condition}`;
  if (kind === 'tag')
    return on('run_tags', tagValue('lead', key, '=', value as string, parameters));
  return typeof value === 'number'
    ? on('run_params', numberPointRange(paramNumberPoint('lead'), key, '=', value, parameters))
    : on('run_params', paramText('lead', key, '=', value as string, parameters));
}

function conditionOf(
  expression: FilterExpression,
  parameters: SqlParameters,
  fenced: boolean,
): string {
  switch (expression.kind) {
    case 'and':
      return `(${expression.of.map((part) => conditionOf(part, parameters, fenced)).join(' AND ')})`;
    case 'or':
      return `(${expression.of.map((part) => conditionOf(part, parameters, true)).join(' OR ')})`;
    case 'not':
      return `(NOT ${conditionOf(expression.of, parameters, true)})`;
    case 'compare':
      return comparison(resolveField(expression.field), expression, parameters, fenced);
    case 'in': {
      const field = resolveField(expression.field);
      const fencedAny = fenced || expression.negated || expression.values.length > 1;
      const any = expression.values
        .map((value) =>
          comparison(field, { ...expression, comparator: '=', value }, parameters, fencedAny),
        )
        .join(' OR ');
      return expression.negated ? `(NOT (${any}))` : `(${any})`;
    }
    case 'like': {
      const field = resolveField(expression.field);
      const like = textMatch(field, expression, parameters, fenced || expression.negated);
      return expression.negated ? `(NOT ${like})` : like;
    }
  }
}

interface Comparing {
  field: FilterField;
  comparator: Comparator;
  value: FilterValue;
}

function comparison(
  field: ResolvedField,
  { field: { at }, comparator, value }: Comparing,
  parameters: SqlParameters,
  fenced: boolean,
): string {
  const where = `filter: at character ${at.column}:`;
  const op = SQL_COMPARATOR[comparator];
  const named = fieldName(field);
  switch (field.kind) {
    case 'attribute':
      return `run.${field.column} ${op} ${attributeValue(field, value, where, parameters)}`;
    case 'param': {
      if (typeof value === 'number')
        return paramProbe(
          numberPointRange(PARAM_NUMBER_POINT, field.key, comparator, value, parameters),
          fenced,
        );
      if (typeof value === 'boolean') {
        if (comparator !== '=' && comparator !== '!=')
          throw DomainError.invalid(
            `${where} ${named} ${comparator} ${value}: true and false compare with = and != only`,
          );
        const key = `p.key = ${parameters.add(field.key, 'text')}`;
        return paramProbe(`${key} AND p.flag ${op} ${parameters.add(value, 'boolean')}`, fenced);
      }
      return paramProbe(paramText('p', field.key, op, value, parameters), fenced);
    }
    case 'tag': {
      if (typeof value !== 'string')
        throw DomainError.invalid(
          `${where} ${named} is a tag: tags are strings, compare with a quoted string`,
        );
      return tagProbe(tagValue('t', field.key, comparator, value, parameters), fenced);
    }
    case 'metric': {
      if (typeof value !== 'number')
        throw DomainError.invalid(`${where} ${named} is a number: compare it with a number`);
      return metricProbe(
        field.summary === 'count'
          ? `m.name = ${parameters.add(field.key, 'text')} AND m.count ${op} ${parameters.add(value, 'double precision')}`
          : numberPointRange(metricPoint(field.column), field.key, comparator, value, parameters),
        fenced,
      );
    }
  }
}

function textMatch(
  field: ResolvedField,
  { field: { at }, pattern }: { field: FilterField; pattern: string },
  parameters: SqlParameters,
  fenced: boolean,
): string {
  const where = `filter: at character ${at.column}:`;
  if (endsInLoneEscape(pattern))
    throw DomainError.invalid(
      `${where} LIKE ${quoteForMessage(pattern)} ends in a backslash that escapes nothing: write \\\\ for a literal backslash`,
    );
  const like = (column: string) => `${column} LIKE ${parameters.add(pattern, 'text')}`;
  switch (field.kind) {
    case 'attribute':
      if (field.type !== 'text' && field.type !== 'status')
        throw DomainError.invalid(
          `${where} ${field.name} is not text: LIKE matches text fields only`,
        );
      return like(`run.${field.column}`);
    case 'param':
      return paramProbe(
        `p.key = ${parameters.add(field.key, 'text')} AND ${like('p.text')}`,
        fenced,
      );
    case 'tag':
      return tagProbe(
        `t.key = ${parameters.add(field.key, 'text')} AND ${like('t.value')}`,
        fenced,
      );
    case 'metric':
      throw DomainError.invalid(
        `${where} ${fieldName(field)} is a number: LIKE matches text fields only`,
      );
  }
}

/** Postgres refuses a LIKE pattern whose last backslash has no character to make literal. */
function endsInLoneEscape(pattern: string): boolean {
  const trailing = pattern.length - pattern.replace(/\\+$/, '').length;
  return trailing % 2 === 1;
}

const quoteForMessage = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A param's (key, number) as run_params_by_number holds it, on the row aliased `alias`. */
const paramNumberPoint = (alias: string) => `ROW(${alias}.key, ${alias}.number)::run_number_point`;
export const PARAM_NUMBER_POINT = paramNumberPoint('p');

/** A metric's (name, summary) as run_metrics_by_<summary> holds it. */
export function metricPoint(column: string): string {
  return `ROW(m.name, m.${column})::run_number_point`;
}

/**
 * A run_number_point value, as Postgres reads it from text: bound as one
 * parameter, it is a constant the planner finds in the index's histogram.
 * Keys cannot hold a quote or a backslash (RUN_KEY_PATTERN).
 */
export function numberPoint(key: string, number: number): string {
  return `("${key}",${String(number)})`;
}

/**
 * `point` (a run_number_point expression) within `key`, compared with
 * `value`. Only the point is named, never the key apart: the histogram of
 * points already counts one key's share, and the planner would multiply in
 * the key's share again. Within a key, points run from -Infinity to NaN
 * (Postgres orders NaN above every number); a missing number sorts after.
 */
export function numberPointRange(
  point: string,
  key: string,
  comparator: Comparator,
  value: number,
  parameters: SqlParameters,
): string {
  const at = (number: number) => parameters.add(numberPoint(key, number), 'run_number_point');
  const given = at(value);
  switch (comparator) {
    case '=':
      return `${point} = ${given}`;
    case '<':
    case '<=':
      return `${point} >= ${at(-Infinity)} AND ${point} ${SQL_COMPARATOR[comparator]} ${given}`;
    case '>':
    case '>=':
      return `${point} ${SQL_COMPARATOR[comparator]} ${given} AND ${point} <= ${at(NaN)}`;
    case '!=':
      return `${numberPointsOfKey(point, key, parameters)} AND ${point} <> ${given}`;
  }
}

/** Every number of `key`: the points a sort by it walks, in order. */
export function numberPointsOfKey(point: string, key: string, parameters: SqlParameters): string {
  const at = (number: number) => parameters.add(numberPoint(key, number), 'run_number_point');
  return `${point} >= ${at(-Infinity)} AND ${point} <= ${at(NaN)}`;
}

/** A param's text compared, on the run_params row aliased `alias`. */
function paramText(
  alias: string,
  key: string,
  op: string,
  value: string,
  parameters: SqlParameters,
): string {
  return `${alias}.key = ${parameters.add(key, 'text')} AND ${alias}.text ${op} ${parameters.add(value, 'text')}`;
}

/** A tag's value compared, on the run_tags row aliased `alias`. */
function tagValue(
  alias: string,
  key: string,
  comparator: Comparator,
  value: string,
  parameters: SqlParameters,
): string {
  const text = parameters.add(value, 'text');
  const column = `${alias}.value`;
  // Equality walks the value's indexed prefix; the whole value is compared
  // only where it is longer than that prefix (a second condition on the
  // same value would halve the planner's estimate of the first).
  const condition =
    comparator !== '='
      ? `${column} ${SQL_COMPARATOR[comparator]} ${text}`
      : value.length < TAG_INDEX_PREFIX
        ? `left(${column}, ${TAG_INDEX_PREFIX}) = ${text}`
        : `left(${column}, ${TAG_INDEX_PREFIX}) = left(${text}, ${TAG_INDEX_PREFIX}) AND ${column} = ${text}`;
  return `${alias}.key = ${parameters.add(key, 'text')} AND ${condition}`;
}

const fence = (fenced: boolean) => (fenced ? ' OFFSET 0' : '');

function paramProbe(condition: string, fenced: boolean): string {
  return `EXISTS (SELECT 1 FROM run_params p WHERE p.simulation_id = run.simulation_id AND ${condition}${fence(fenced)})`;
}

function tagProbe(condition: string, fenced: boolean): string {
  return `EXISTS (SELECT 1 FROM run_tags t WHERE t.simulation_id = run.simulation_id AND ${condition}${fence(fenced)})`;
}

function metricProbe(condition: string, fenced: boolean): string {
  return `EXISTS (SELECT 1 FROM run_metrics m WHERE m.simulation_id = run.simulation_id AND m.attempt = run.attempt AND ${condition}${fence(fenced)})`;
}

function attributeValue(
  field: Extract<ResolvedField, { kind: 'attribute' }>,
  value: FilterValue,
  where: string,
  parameters: SqlParameters,
): string {
  switch (field.type) {
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw DomainError.invalid(`${where} ${field.name} is a whole number: compare it with one`);
      return parameters.add(value, 'bigint');
    case 'text':
      if (typeof value !== 'string')
        throw DomainError.invalid(
          `${where} ${field.name} is text: compare it with a quoted string`,
        );
      return parameters.add(value, 'text');
    case 'status':
      if (typeof value !== 'string' || !(SIMULATION_STATUSES as readonly string[]).includes(value))
        throw DomainError.invalid(
          `${where} status is one of: ${SIMULATION_STATUSES.join(', ')} (quoted); ${JSON.stringify(value)} is not`,
        );
      return parameters.add(value, 'text');
    case 'date':
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))
        throw DomainError.invalid(
          `${where} ${field.name} is a date: compare it with an ISO 8601 date in quotes, e.g. '2026-01-31' or '2026-01-31T12:00:00Z'`,
        );
      return parameters.add(value, 'timestamptz');
  }
}

function fieldName(field: ResolvedField): string {
  switch (field.kind) {
    case 'attribute':
      return field.name;
    case 'param':
      return `params.${field.key}`;
    case 'tag':
      return `tags.${field.key}`;
    case 'metric':
      return `metrics.${field.key}.${field.summary}`;
  }
}
