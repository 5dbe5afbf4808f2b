import { DomainError } from '@app/domain';
import type { NextFunction, Request, Response } from 'express';
import { isReportRoute, MAX_NDJSON_REPORT_POINTS } from './body-limit';

/** Far deeper than any body this API reads (a batch's items' machine: four levels). */
export const MAX_JSON_DEPTH = 16;
/** As many items as the largest array a body may hold (a batch of simulations). */
export const MAX_JSON_ARRAY_ITEMS = 1_000;
/** Far more fields than any object of a body has; the rest is refused before validation. */
export const MAX_JSON_OBJECT_KEYS = 256;
/** Keys that mean something to JavaScript objects: never data, whatever the route. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NUL = '\u0000';

/**
 * What is wrong with the shape of a parsed JSON body, before any route's
 * validation walks it: nested too deep, too wide, holding a
 * key that means something to JavaScript objects, or text with a NUL
 * character (Postgres text cannot hold one). Answers the first problem, with
 * where it is (`$.machine.name`), or undefined. Iterative, so no input can
 * exhaust the stack.
 *
 * A report's body holds up to 100,000 points: the walk keeps each object it
 * has yet to read as an index into flat arrays, and writes a path only for
 * the problem it answers (a string and an entry per value were most of a
 * report's garbage).
 */
export function jsonShapeProblem(
  body: unknown,
  arrayItems: number = MAX_JSON_ARRAY_ITEMS,
): string | undefined {
  // Every object or array met: its value, depth, and the entry and key it was found under.
  const values: object[] = [];
  const depths: number[] = [];
  const parents: number[] = [];
  const keys: Array<string | number> = [];
  const pending: number[] = [];
  const pathOf = (entry: number, key?: string | number): string => {
    const parts: Array<string | number> = key === undefined ? [] : [key];
    for (let at = entry; at > 0; at = parents[at]) parts.push(keys[at]);
    return parts.reduceRight<string>((path, part) => path + step(part), '$');
  };
  /** A value found under `key` of entry `parent` (-1: the body itself); a problem, or undefined. */
  const meet = (value: unknown, parent: number, key: string | number): string | undefined => {
    if (typeof value === 'string') {
      if (value.includes(NUL))
        return `request body has a NUL character (\\u0000) in the text at ${parent < 0 ? '$' : pathOf(parent, key)}; text may not hold it`;
      return undefined;
    }
    if (value === null || typeof value !== 'object') return undefined;
    values.push(value);
    depths.push(parent < 0 ? 0 : depths[parent] + 1);
    parents.push(parent);
    keys.push(key);
    pending.push(values.length - 1);
    return undefined;
  };
  let problem = meet(body, -1, '');
  while (problem === undefined && pending.length > 0) {
    const entry = pending.pop()!;
    const value = values[entry];
    if (depths[entry] >= MAX_JSON_DEPTH)
      return `request body is nested deeper than ${MAX_JSON_DEPTH} levels at ${pathOf(entry)}`;
    if (Array.isArray(value)) {
      if (value.length > arrayItems)
        return `request body has an array of ${value.length} items at ${pathOf(entry)}; at most ${arrayItems}`;
      for (let index = value.length - 1; index >= 0 && problem === undefined; index--)
        problem = meet(value[index], entry, index);
      continue;
    }
    const fields = Object.keys(value);
    if (fields.length > MAX_JSON_OBJECT_KEYS)
      return `request body has an object of ${fields.length} fields at ${pathOf(entry)}; at most ${MAX_JSON_OBJECT_KEYS}`;
    for (let index = fields.length - 1; index >= 0 && problem === undefined; index--) {
      const key = fields[index];
      if (PROTOTYPE_KEYS.has(key))
        return `request body may not have a field named "${key}" (at ${pathOf(entry, key)})`;
      if (key.includes(NUL))
        return `request body has a NUL character (\\u0000) in a field name at ${pathOf(entry)}; names may not hold it`;
      problem = meet((value as Record<string, unknown>)[key], entry, key);
    }
  }
  return problem;
}

/** One step of a path: `[3]`, `.name`, or `["odd key"]`. */
function step(part: string | number): string {
  if (typeof part === 'number') return `[${part}]`;
  return /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
}

/** Every body this API reads is one JSON object (a batch too: `{"simulations": [...]}`). */
function topLevelProblem(body: unknown): string | undefined {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return undefined;
  const what = Array.isArray(body) ? 'an array' : body === null ? 'null' : `a ${typeof body}`;
  return `request body must be a JSON object, not ${what}`;
}

/** Refuses, with a 400 naming the problem, a parsed body whose shape no route could want. */
export function guardJsonShape(request: Request, _response: Response, next: NextFunction): void {
  const body: unknown = request.body;
  // A run's report holds its points in one array: as many as its route takes (it checks them itself).
  const arrayItems = isReportRoute(request) ? MAX_NDJSON_REPORT_POINTS : undefined;
  const problem =
    body === undefined ? undefined : (topLevelProblem(body) ?? jsonShapeProblem(body, arrayItems));
  next(problem ? DomainError.invalid(problem) : undefined);
}
