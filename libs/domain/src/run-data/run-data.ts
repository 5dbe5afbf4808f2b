import { RUN_DATA_LIMITS, RUN_KEY_PATTERN, RUN_KEY_RULE } from './run-keys';

/** A run's params: typed scalars, written once. A number compares as a number in search. */
export type RunParams = Record<string, number | string | boolean>;

/** A run's tags: strings, set and removed at will. */
export type RunTags = Record<string, string>;

/**
 * Every problem with a run's params and tags, each naming its field and key
 * (`params.lr: …`); none when they can be stored as given.
 */
export function runDataProblems(params: unknown, tags: unknown, prefix = ''): string[] {
  return [
    ...entriesProblems(`${prefix}params`, params, RUN_DATA_LIMITS.maxParams, paramValueProblem),
    ...entriesProblems(`${prefix}tags`, tags, RUN_DATA_LIMITS.maxTags, tagValueProblem),
  ];
}

function entriesProblems(
  field: string,
  value: unknown,
  most: number,
  valueProblem: (value: unknown) => string | undefined,
): string[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [`${field} must be an object of key: value`];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > most)
    return [`${field} has ${entries.length} keys; at most ${most} are accepted`];
  const problems: string[] = [];
  for (const [key, entry] of entries) {
    if (!RUN_KEY_PATTERN.test(key)) {
      problems.push(
        `${field}: ${JSON.stringify(key.slice(0, 300))} is not a key (${RUN_KEY_RULE})`,
      );
      continue;
    }
    const problem = valueProblem(entry);
    if (problem) problems.push(`${field}.${key} ${problem}`);
  }
  return problems;
}

function paramValueProblem(value: unknown): string | undefined {
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : 'must be a finite number';
  if (typeof value === 'string') return textProblem(value, RUN_DATA_LIMITS.maxParamTextLength);
  return 'must be a number, a string or a boolean';
}

function tagValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  return textProblem(value, RUN_DATA_LIMITS.maxTagValueLength);
}

function textProblem(text: string, most: number): string | undefined {
  if (text.length > most) return `is ${text.length} characters long; at most ${most} are accepted`;
  if (text.includes('\0')) return 'must not contain a NUL character';
  return undefined;
}
