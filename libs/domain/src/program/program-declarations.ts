import {
  PROGRAM_DEFAULTS,
  PROGRAM_LIMITS,
  PROGRAM_NAME_PATTERN,
  PROGRAM_NAME_RULE,
  PROGRAM_PARAM_PATTERN,
  ProgramDeclaration,
  ProgramLimits,
  ProgramParam,
  ProgramParamType,
  ProgramParamValue,
  RESERVED_ENV_PREFIX,
  paramValueProblem,
} from './program-declaration';
import { placeholdersIn } from './program-command';
import { PROGRAMS } from '../simulation/program';

/** Where in the document a problem is (keys and indexes from its root), and what it is. */
export interface DeclarationProblem {
  path: Array<string | number>;
  message: string;
}

export interface ReadDeclarations {
  programs: ProgramDeclaration[];
  problems: DeclarationProblem[];
}

const PARAM_TYPES: readonly ProgramParamType[] = ['number', 'integer', 'string', 'boolean'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LIMIT_KEYS: Record<keyof ProgramLimits, string> = {
  memoryMb: 'memory_mb',
  cpuSeconds: 'cpu_seconds',
  openFiles: 'open_files',
  fileSizeMb: 'file_size_mb',
  processes: 'processes',
};

/**
 * A programs document as parsed from YAML or JSON (`{programs: {<name>: …}}`),
 * checked whole: every problem is reported with its path, none stops the
 * others being found, and only a document without problems declares anything.
 */
export function readProgramDeclarations(document: unknown): ReadDeclarations {
  const reader = new Reader();
  const root = reader.object(document, []);
  const programs: ProgramDeclaration[] = [];
  if (root) {
    reader.onlyKeys(root, [], ['programs']);
    const declared = reader.object(root.programs, ['programs']);
    if (declared && Object.keys(declared).length > PROGRAM_LIMITS.programs)
      reader.problem(['programs'], `at most ${PROGRAM_LIMITS.programs} programs`);
    if (declared)
      for (const [name, value] of Object.entries(declared)) {
        const program = readProgram(reader, name, value);
        if (program) programs.push(program);
      }
  }
  return reader.problems.length
    ? { programs: [], problems: reader.problems }
    : { programs, problems: [] };
}

function readProgram(reader: Reader, name: string, value: unknown): ProgramDeclaration | null {
  const path = ['programs', name];
  if (!PROGRAM_NAME_PATTERN.test(name))
    reader.problem(path, `a program's name is ${PROGRAM_NAME_RULE}`);
  if ((PROGRAMS as readonly string[]).includes(name))
    reader.problem(path, `"${name}" is built in and cannot be declared`);
  const spec = reader.object(value, path);
  if (!spec) return null;
  reader.onlyKeys(spec, path, [
    'description',
    'command',
    'params',
    'env',
    'time_limit_seconds',
    'kill_grace_seconds',
    'gpus',
    'keep_workdir',
    'limits',
    'logs',
  ]);
  const params = readParams(reader, spec.params, [...path, 'params']);
  const command = readCommand(reader, spec.command, [...path, 'command'], params);
  const env = readEnv(reader, spec.env, [...path, 'env'], params);
  const logs = reader.optionalObject(spec.logs, [...path, 'logs']) ?? {};
  reader.onlyKeys(logs, [...path, 'logs'], ['max_bytes', 'max_line_bytes']);
  return {
    name,
    ...(spec.description !== undefined && {
      description: reader.text(
        spec.description,
        [...path, 'description'],
        PROGRAM_LIMITS.descriptionLength,
      ),
    }),
    command,
    params,
    env,
    timeLimitSeconds:
      reader.positive(spec.time_limit_seconds, [...path, 'time_limit_seconds']) ??
      PROGRAM_DEFAULTS.timeLimitSeconds,
    killGraceSeconds:
      reader.positive(spec.kill_grace_seconds, [...path, 'kill_grace_seconds'], true) ??
      PROGRAM_DEFAULTS.killGraceSeconds,
    gpus:
      reader.whole(spec.gpus, [...path, 'gpus'], 0, PROGRAM_LIMITS.gpus) ?? PROGRAM_DEFAULTS.gpus,
    keepWorkdir:
      reader.flag(spec.keep_workdir, [...path, 'keep_workdir']) ?? PROGRAM_DEFAULTS.keepWorkdir,
    limits: readLimits(reader, spec.limits, [...path, 'limits']),
    logs: {
      maxBytes:
        reader.whole(
          logs.max_bytes,
          [...path, 'logs', 'max_bytes'],
          1024,
          PROGRAM_LIMITS.logBytes,
        ) ?? PROGRAM_DEFAULTS.logs.maxBytes,
      maxLineBytes:
        reader.whole(
          logs.max_line_bytes,
          [...path, 'logs', 'max_line_bytes'],
          80,
          PROGRAM_LIMITS.logLineBytes,
        ) ?? PROGRAM_DEFAULTS.logs.maxLineBytes,
    },
  };
}

function readParams(
  reader: Reader,
  value: unknown,
  path: Array<string | number>,
): Record<string, ProgramParam> {
  const params: Record<string, ProgramParam> = {};
  const declared = reader.optionalObject(value, path);
  if (!declared) return params;
  if (Object.keys(declared).length > PROGRAM_LIMITS.params)
    reader.problem(path, `at most ${PROGRAM_LIMITS.params} params`);
  for (const [name, spec] of Object.entries(declared)) {
    const at = [...path, name];
    if (!PROGRAM_PARAM_PATTERN.test(name))
      reader.problem(at, 'a param is named with letters, digits and _, not starting with a digit');
    const param = readParam(reader, spec, at);
    if (param) params[name] = param;
  }
  return params;
}

function readParam(
  reader: Reader,
  value: unknown,
  path: Array<string | number>,
): ProgramParam | null {
  const spec = reader.object(value, path);
  if (!spec) return null;
  reader.onlyKeys(spec, path, ['type', 'description', 'default', 'min', 'max', 'choices']);
  const type = spec.type as ProgramParamType;
  if (!PARAM_TYPES.includes(type)) {
    reader.problem([...path, 'type'], `type is one of: ${PARAM_TYPES.join(', ')}`);
    return null;
  }
  const param: ProgramParam = { type };
  if (spec.description !== undefined)
    param.description = reader.text(
      spec.description,
      [...path, 'description'],
      PROGRAM_LIMITS.descriptionLength,
    );
  const numeric = type === 'number' || type === 'integer';
  for (const bound of ['min', 'max'] as const) {
    if (spec[bound] === undefined) continue;
    if (!numeric) reader.problem([...path, bound], `${bound} bounds numbers only`);
    else param[bound] = reader.number(spec[bound], [...path, bound]);
  }
  if (param.min !== undefined && param.max !== undefined && param.min > param.max)
    reader.problem([...path, 'max'], `max (${param.max}) is below min (${param.min})`);
  if (spec.choices !== undefined) {
    if (type !== 'string') reader.problem([...path, 'choices'], 'choices are for strings only');
    else {
      const choices = reader.list(spec.choices, [...path, 'choices']);
      if (choices?.length === 0) reader.problem([...path, 'choices'], 'choices must not be empty');
      if ((choices?.length ?? 0) > PROGRAM_LIMITS.choices)
        reader.problem([...path, 'choices'], `at most ${PROGRAM_LIMITS.choices} choices`);
      param.choices = (choices ?? []).map((choice, index) =>
        reader.text(choice, [...path, 'choices', index], PROGRAM_LIMITS.choiceLength),
      );
    }
  }
  if (spec.default !== undefined) {
    const problem = paramValueProblem(param, spec.default);
    if (problem) reader.problem([...path, 'default'], `default ${problem}`);
    else param.default = spec.default as ProgramParamValue;
  }
  return param;
}

function readCommand(
  reader: Reader,
  value: unknown,
  path: Array<string | number>,
  params: Record<string, ProgramParam>,
): string[] {
  const list = reader.list(value, path);
  if (!list) return [];
  if (list.length === 0) reader.problem(path, 'command must name what to run: a list of arguments');
  if (list.length > PROGRAM_LIMITS.commandArguments)
    reader.problem(path, `at most ${PROGRAM_LIMITS.commandArguments} arguments`);
  return list.map((element, index) => {
    const argument = reader.text(element, [...path, index]);
    checkPlaceholders(reader, argument, [...path, index], params);
    if (index === 0 && argument.includes('{'))
      reader.problem([...path, index], 'the program itself cannot come from a param');
    return argument;
  });
}

function readEnv(
  reader: Reader,
  value: unknown,
  path: Array<string | number>,
  params: Record<string, ProgramParam>,
): Record<string, string> {
  const env: Record<string, string> = {};
  const declared = reader.optionalObject(value, path);
  if (!declared) return env;
  for (const [name, raw] of Object.entries(declared)) {
    const at = [...path, name];
    if (!ENV_NAME.test(name)) reader.problem(at, 'a variable is named with letters, digits and _');
    if (name.toUpperCase().startsWith(RESERVED_ENV_PREFIX))
      reader.problem(at, `variables starting with ${RESERVED_ENV_PREFIX} are set by the worker`);
    const text =
      typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : reader.text(raw, at);
    checkPlaceholders(reader, text, at, params);
    env[name] = text;
  }
  return env;
}

function readLimits(reader: Reader, value: unknown, path: Array<string | number>): ProgramLimits {
  const limits: ProgramLimits = {};
  const declared = reader.optionalObject(value, path);
  if (!declared) return limits;
  reader.onlyKeys(declared, path, Object.values(LIMIT_KEYS));
  for (const [key, name] of Object.entries(LIMIT_KEYS) as Array<[keyof ProgramLimits, string]>) {
    const limit = reader.whole(declared[name], [...path, name], 1);
    if (limit !== undefined) limits[key] = limit;
  }
  return limits;
}

function checkPlaceholders(
  reader: Reader,
  text: string,
  path: Array<string | number>,
  params: Record<string, ProgramParam>,
) {
  try {
    for (const name of placeholdersIn(text))
      if (!(name in params))
        reader.problem(
          path,
          `{${name}} is not a declared param (declared: ${Object.keys(params).join(', ') || 'none'})`,
        );
  } catch (error) {
    reader.problem(path, (error as Error).message);
  }
}

/** Reads values of expected shapes, noting each mismatch at its path. */
class Reader {
  readonly problems: DeclarationProblem[] = [];

  problem(path: Array<string | number>, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: unknown, path: Array<string | number>): Record<string, unknown> | null {
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
    this.problem(
      path,
      value === undefined ? 'is required' : 'must be a mapping of names to values',
    );
    return null;
  }

  optionalObject(value: unknown, path: Array<string | number>): Record<string, unknown> | null {
    return value === undefined || value === null ? null : this.object(value, path);
  }

  onlyKeys(object: Record<string, unknown>, path: Array<string | number>, known: string[]): void {
    for (const key of Object.keys(object))
      if (!known.includes(key))
        this.problem([...path, key], `unknown key "${key}" (known: ${known.join(', ')})`);
  }

  list(value: unknown, path: Array<string | number>): unknown[] | null {
    if (Array.isArray(value)) return value;
    this.problem(path, value === undefined ? 'is required' : 'must be a list');
    return null;
  }

  text(value: unknown, path: Array<string | number>, maxLength?: number): string {
    if (typeof value !== 'string') {
      this.problem(path, 'must be a string');
      return '';
    }
    if (maxLength !== undefined && value.length > maxLength)
      this.problem(path, `at most ${maxLength} characters`);
    return value;
  }

  number(value: unknown, path: Array<string | number>): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.problem(path, 'must be a number');
    return undefined;
  }

  positive(value: unknown, path: Array<string | number>, zeroAllowed = false): number | undefined {
    if (value === undefined) return undefined;
    const number = this.number(value, path);
    if (number !== undefined && (number < 0 || (!zeroAllowed && number === 0)))
      this.problem(path, zeroAllowed ? 'must not be negative' : 'must be more than 0');
    return number;
  }

  whole(
    value: unknown,
    path: Array<string | number>,
    least: number,
    most = Number.MAX_SAFE_INTEGER,
  ): number | undefined {
    if (value === undefined) return undefined;
    if (
      typeof value !== 'number' ||
      !Number.isSafeInteger(value) ||
      value < least ||
      value > most
    ) {
      this.problem(
        path,
        most === Number.MAX_SAFE_INTEGER
          ? `must be a whole number of at least ${least}`
          : `must be a whole number from ${least} to ${most}`,
      );
      return undefined;
    }
    return value;
  }

  flag(value: unknown, path: Array<string | number>): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    this.problem(path, 'must be true or false');
    return undefined;
  }
}
