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
 */
export function jsonShapeProblem(
  body: unknown,
  arrayItems: number = MAX_JSON_ARRAY_ITEMS,
): string | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [
    { value: body, path: '$', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string' && value.includes(NUL))
      return `request body has a NUL character (\\u0000) in the text at ${path}; text may not hold it`;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH)
      return `request body is nested deeper than ${MAX_JSON_DEPTH} levels at ${path}`;
    if (Array.isArray(value)) {
      if (value.length > arrayItems)
        return `request body has an array of ${value.length} items at ${path}; at most ${arrayItems}`;
      value.forEach((item, index) =>
        stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }),
      );
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_JSON_OBJECT_KEYS)
      return `request body has an object of ${keys.length} fields at ${path}; at most ${MAX_JSON_OBJECT_KEYS}`;
    for (const key of keys) {
      const at = /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}.${key}`
        : `${path}[${JSON.stringify(key)}]`;
      if (PROTOTYPE_KEYS.has(key))
        return `request body may not have a field named "${key}" (at ${at})`;
      if (key.includes(NUL))
        return `request body has a NUL character (\\u0000) in a field name at ${path}; names may not hold it`;
      stack.push({ value: (value as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return undefined;
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
