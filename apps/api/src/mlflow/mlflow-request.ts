import { numberFromJson } from '../common/json-number';
import { MlflowError } from './mlflow-error';

/**
 * Reading a request as MLflow's client sends it: a JSON body for a POST, the
 * query string for a GET (a repeated key is a list). The rules are its
 * server's (mlflow/server/handlers.py): a missing or empty required field
 * has its "Missing value" message, an int64 comes as a number or a numeric
 * string, a double as a number or "NaN"/"Infinity"/"-Infinity".
 */
export type MlflowInput = Record<string, unknown>;

export function inputOf(body: unknown): MlflowInput {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw MlflowError.invalid('the request body must be a JSON object');
  return body as MlflowInput;
}

export function requiredString(input: MlflowInput, field: string): string {
  const value = optionalString(input, field);
  if (value === undefined || value === '')
    throw MlflowError.invalid(
      `Missing value for required parameter '${field}'. See the API docs for more information about request parameters.`,
    );
  return value;
}

export function optionalString(input: MlflowInput, field: string): string | undefined {
  const value = single(input, field);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, value, 'a string');
  return value;
}

/** An int64 field: a JSON number, or a string of digits (protobuf's own JSON form). */
export function optionalInt64(input: MlflowInput, field: string): number | undefined {
  const value = single(input, field);
  if (value === undefined || value === null || value === '') return undefined;
  const number =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number)) throw wrongType(field, value, 'a whole number');
  return number;
}

export function requiredInt64(input: MlflowInput, field: string): number {
  const value = optionalInt64(input, field);
  if (value === undefined)
    throw MlflowError.invalid(
      `Missing value for required parameter '${field}'. See the API docs for more information about request parameters.`,
    );
  return value;
}

/** A double: a number, or the name of a value JSON cannot write (as MLflow's client sends NaN). */
export function requiredDouble(input: MlflowInput, field: string): number {
  const value = single(input, field);
  if (value === undefined || value === null)
    throw MlflowError.invalid(
      `Missing value for required parameter '${field}'. See the API docs for more information about request parameters.`,
    );
  const number =
    typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? Number(value)
      : numberFromJson(value);
  if (number === undefined)
    throw wrongType(field, value, 'a number, or "NaN", "Infinity" or "-Infinity"');
  return number;
}

/** A repeated field: a list in a JSON body, one or more keys in a query string. */
export function stringList(input: MlflowInput, field: string): string[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  for (const item of list)
    if (typeof item !== 'string') throw wrongType(field, value, 'a list of strings');
  return list as string[];
}

export function objectList(input: MlflowInput, field: string): MlflowInput[] {
  const value = input[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw wrongType(field, value, 'a list of objects');
  return value.map((item, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      throw MlflowError.invalid(`${field}[${index}] must be an object`);
    return item as MlflowInput;
  });
}

/** `[{key, value}]`, MLflow's form of params and tags, as an object; a key given twice keeps its last value. */
export function keyValues(input: MlflowInput, field: string): Record<string, string> {
  const entries: Record<string, string> = {};
  objectList(input, field).forEach((item, index) => {
    const key = requiredString(item, 'key');
    const value = item.value ?? '';
    if (typeof value !== 'string')
      throw MlflowError.invalid(`${field}[${index}].value must be a string`);
    entries[key] = value;
  });
  return entries;
}

/** The run a request names: `run_id`, or the older `run_uuid` its client still sends beside it. */
export function runIdOf(input: MlflowInput): string {
  const runId = optionalString(input, 'run_id') || optionalString(input, 'run_uuid');
  return runId || requiredString(input, 'run_id');
}

function single(input: MlflowInput, field: string): unknown {
  const value = input[field];
  // A query string's key given twice: its first value, as Flask's request.args.get reads it.
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : value;
}

function wrongType(field: string, value: unknown, expected: string): MlflowError {
  const shown = JSON.stringify(value) ?? String(value);
  return MlflowError.invalid(
    `Invalid value ${shown.slice(0, 200)} for parameter '${field}' supplied: it must be ${expected}.`,
  );
}
