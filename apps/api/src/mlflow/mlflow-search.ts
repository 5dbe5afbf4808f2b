import {
  type FilterExpression,
  type FilterField,
  type FilterValue,
  type ListPosition,
  parseFilter,
  SIMULATION_STATUSES,
  type SimulationListQuery,
  type SimulationStatus,
} from '@app/domain';
import { MlflowError } from './mlflow-error';
import { MLFLOW_STATUS } from './mlflow-shapes';

/**
 * runs/search's filter and order_by (MLflow's grammar, mlflow/utils/search_utils.py)
 * said in our search language (docs/search.md), which holds MLflow's: its
 * expression is parsed by our parser and each field named our way. What
 * MLflow says differently:
 * - `metrics.<key>` is the metric's last value: ours is `metrics.<key>.last`;
 * - `attributes.` (or `attribute.`, `attr.`, `run.`) names a run's column by
 *   MLflow's name: run_id, run_name, status, user_id, start_time (or
 *   created), end_time;
 * - a param's value is text in MLflow; ours is a number when it reads as one
 *   (paramOf), so a quoted value that reads as a number is compared as one.
 */

const TYPE_ALIASES: Record<string, 'metrics' | 'params' | 'tags' | 'attributes'> = {
  metric: 'metrics',
  metrics: 'metrics',
  param: 'params',
  params: 'params',
  parameter: 'params',
  parameters: 'params',
  tag: 'tags',
  tags: 'tags',
  attribute: 'attributes',
  attributes: 'attributes',
  attr: 'attributes',
  run: 'attributes',
};

/** MLflow's run attributes, as our columns; `date` ones take epoch milliseconds. */
const ATTRIBUTES: Record<string, { column: string; kind: 'id' | 'text' | 'status' | 'date' }> = {
  run_id: { column: 'simulation_id', kind: 'id' },
  run_name: { column: 'name', kind: 'text' },
  'run name': { column: 'name', kind: 'text' },
  status: { column: 'status', kind: 'status' },
  user_id: { column: 'created_by', kind: 'text' },
  start_time: { column: 'started_at', kind: 'date' },
  created: { column: 'started_at', kind: 'date' },
  end_time: { column: 'finished_at', kind: 'date' },
};

/** order_by's attributes, as the columns our lists sort by. */
const SORT_ATTRIBUTES: Record<string, string> = {
  start_time: 'creation_date',
  created: 'creation_date',
  run_name: 'name',
  'run name': 'name',
};

const STATUS_OF_NAME = new Map<string, SimulationStatus>(
  SIMULATION_STATUSES.map((status) => [MLFLOW_STATUS[status], status]),
);

/** The most runs one page of runs/search holds, whatever max_results asks (the client pages on). */
export const MAX_RUNS_PER_PAGE = 1000;
/** MLflow's own bound on max_results (SEARCH_MAX_RESULTS_THRESHOLD). */
export const MAX_RESULTS_THRESHOLD = 50_000;

export interface RunSearch {
  experimentIds: number[];
  filter?: string;
  orderBy: string[];
  maxResults: number;
  pageToken?: string;
}

/** The list query a runs/search is, or a 400 saying what MLflow's filter asked that we cannot. */
export function listQueryOf(search: RunSearch): SimulationListQuery {
  if (search.maxResults < 1 || search.maxResults > MAX_RESULTS_THRESHOLD)
    throw MlflowError.invalid(
      `Invalid value ${search.maxResults} for parameter 'max_results' supplied: it must be at most ${MAX_RESULTS_THRESHOLD} and at least 1.`,
    );
  const experiments = `experiment_id IN (${search.experimentIds.join(', ')})`;
  const filter = search.filter?.trim()
    ? `${experiments} AND (${printExpression(translate(parseMlflowFilter(search.filter)))})`
    : experiments;
  const { orderBy, order } = sortOf(search.orderBy);
  return {
    filter,
    orderBy,
    order,
    limit: Math.min(search.maxResults, MAX_RUNS_PER_PAGE),
    ...(search.pageToken !== undefined && { after: positionOf(search.pageToken) }),
  };
}

export function pageTokenOf(position: ListPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function positionOf(token: string): ListPosition {
  try {
    const position = JSON.parse(Buffer.from(token, 'base64url').toString()) as ListPosition;
    if (typeof position.key === 'string' && Number.isSafeInteger(position.simulationId))
      return position;
  } catch {
    // Said below.
  }
  throw MlflowError.invalid(`Invalid page token: ${JSON.stringify(token.slice(0, 100))}`);
}

function parseMlflowFilter(filter: string): FilterExpression {
  // MLflow quotes a key with spaces or dots in backquotes or double quotes; ours takes backquotes.
  const text = filter.replace(
    /\.(["'])([^"'`]*)\1(?=\s*(?:=|!=|<>|<|>|LIKE|ILIKE|IN|NOT)\b|\s*[<>=!])/gi,
    '.`$2`',
  );
  if (/\bILIKE\b/i.test(text))
    throw MlflowError.invalid(
      'ILIKE is not supported in filters: LIKE matches case-sensitively (docs/mlflow.md)',
    );
  try {
    return parseFilter(text);
  } catch (error) {
    throw MlflowError.invalid(`Invalid filter string: ${(error as Error).message}`);
  }
}

function translate(expression: FilterExpression): FilterExpression {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return { kind: expression.kind, of: expression.of.map(translate) };
    case 'not':
      return { kind: 'not', of: translate(expression.of) };
    case 'compare': {
      const { field, value } = fieldOf(expression.field, [expression.value]);
      return { ...expression, field, value: value[0] };
    }
    case 'in': {
      const { field, value } = fieldOf(expression.field, expression.values);
      return { ...expression, field, values: value };
    }
    case 'like': {
      const { field } = fieldOf(expression.field, []);
      return { ...expression, field };
    }
  }
}

/** A field of MLflow's filter as ours, and its values as ours compare them. */
function fieldOf(
  field: FilterField,
  values: FilterValue[],
): { field: FilterField; value: FilterValue[] } {
  const [root, ...rest] = field.path;
  const type = rest.length ? TYPE_ALIASES[root.toLowerCase()] : 'attributes';
  const key = rest.length ? rest.join('.') : root;
  const at = field.at;
  if (type === 'metrics') return { field: { path: ['metrics', key, 'last'], at }, value: values };
  if (type === 'params')
    return { field: { path: ['params', key], at }, value: values.map(paramValueOf) };
  if (type === 'tags') return { field: { path: ['tags', key], at }, value: values };
  const attribute = type === 'attributes' ? ATTRIBUTES[key] : undefined;
  if (!attribute)
    throw MlflowError.invalid(
      `Invalid attribute key '${field.path.join('.')}' specified. Valid keys are ${Object.keys(ATTRIBUTES).join(', ')}, ` +
        'or metrics.<key>, params.<key>, tags.<key>',
    );
  return {
    field: { path: [attribute.column], at },
    value: values.map((value) => attributeValue(key, attribute.kind, value)),
  };
}

function attributeValue(
  key: string,
  kind: 'id' | 'text' | 'status' | 'date',
  value: FilterValue,
): FilterValue {
  if (kind === 'id') {
    const id = Number(value);
    // An id that is not one of ours names no run.
    return typeof value === 'string' && /^\d{1,15}$/.test(value) ? id : -1;
  }
  if (kind === 'status') {
    const status = STATUS_OF_NAME.get(String(value).toUpperCase());
    if (!status)
      throw MlflowError.invalid(
        `Invalid status ${JSON.stringify(value)}: one of ${[...STATUS_OF_NAME.keys()].join(', ')}`,
      );
    return status;
  }
  if (kind === 'date') {
    if (typeof value !== 'number')
      throw MlflowError.invalid(
        `Expected numeric value type for ${key} (milliseconds since the epoch)`,
      );
    return new Date(value).toISOString();
  }
  return value;
}

/** A quoted param value that reads as a number is the number (paramOf stores it as one). */
function paramValueOf(value: FilterValue): FilterValue {
  return typeof value === 'string' && String(Number(value)) === value ? Number(value) : value;
}

function sortOf(orderBy: string[]): Pick<SimulationListQuery, 'orderBy' | 'order'> {
  if (orderBy.length === 0) return { orderBy: 'creation_date', order: 'desc' };
  if (orderBy.length > 1)
    throw MlflowError.invalid(
      `order_by holds ${orderBy.length} clauses; one is supported (docs/mlflow.md)`,
    );
  const match = /^\s*(.+?)(?:\s+(ASC|DESC))?\s*$/i.exec(orderBy[0]);
  if (!match) throw MlflowError.invalid(`Invalid order_by clause '${orderBy[0]}'`);
  const order = match[2]?.toLowerCase() === 'desc' ? 'desc' : 'asc';
  const path = splitField(match[1]);
  const [root, ...rest] = path;
  const type = rest.length ? TYPE_ALIASES[root.toLowerCase()] : 'attributes';
  const key = rest.length ? rest.join('.') : root;
  if (type === 'metrics') return { orderBy: printField(['metrics', key, 'last']), order };
  if (type === 'params' || type === 'tags') return { orderBy: printField([type, key]), order };
  const column = type === 'attributes' ? SORT_ATTRIBUTES[key] : undefined;
  if (!column)
    throw MlflowError.invalid(
      `Invalid order_by clause '${orderBy[0]}': order by metrics.<key>, params.<key>, tags.<key>, ` +
        `or one of ${Object.keys(SORT_ATTRIBUTES).join(', ')}`,
    );
  return { orderBy: column, order };
}

/** `type.key` with MLflow's quoting of the key (backquotes or double quotes), split once. */
function splitField(text: string): string[] {
  const quoted = /^(\w+)\.[`"](.+)[`"]$/.exec(text.trim());
  if (quoted) return [quoted[1], quoted[2]];
  const dot = text.indexOf('.');
  return dot < 0 ? [text.trim()] : [text.slice(0, dot).trim(), text.slice(dot + 1).trim()];
}

function printExpression(expression: FilterExpression): string {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return expression.of
        .map((part) => `(${printExpression(part)})`)
        .join(` ${expression.kind.toUpperCase()} `);
    case 'not':
      return `NOT (${printExpression(expression.of)})`;
    case 'compare':
      return `${printField(expression.field.path)} ${expression.comparator} ${printValue(expression.value)}`;
    case 'in':
      return `${printField(expression.field.path)} ${expression.negated ? 'NOT ' : ''}IN (${expression.values.map(printValue).join(', ')})`;
    case 'like':
      return `${printField(expression.field.path)} ${expression.negated ? 'NOT ' : ''}LIKE ${printValue(expression.pattern)}`;
  }
}

function printField(path: string[]): string {
  return path.map((part) => (/^[A-Za-z0-9_\-:/]+$/.test(part) ? part : `\`${part}\``)).join('.');
}

function printValue(value: FilterValue): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}
