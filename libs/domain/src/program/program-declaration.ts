/**
 * A program a machine's operator declares for its worker to run: what to
 * execute (an argv, never a shell line), the params a run may give it and
 * their bounds, its environment, limits and GPUs. Runs name a program; they
 * never say what to execute.
 */
export interface ProgramDeclaration {
  name: string;
  description?: string;
  /** The argv; `{param}` in an element becomes that param's value, inside that one argument. */
  command: string[];
  params: Record<string, ProgramParam>;
  /** Variables the program gets besides AISIM_*; values may hold `{param}` too. */
  env: Record<string, string>;
  timeLimitSeconds: number;
  /** Between SIGTERM and SIGKILL when the run is cancelled, loses its lease or runs out of time. */
  killGraceSeconds: number;
  gpus: number;
  /** The run's directory stays after the run (for inspection) instead of being removed. */
  keepWorkdir: boolean;
  limits: ProgramLimits;
  logs: ProgramLogLimits;
}

export type ProgramParamType = 'number' | 'integer' | 'string' | 'boolean';
export type ProgramParamValue = number | string | boolean;

export interface ProgramParam {
  type: ProgramParamType;
  description?: string;
  /** Absent: the run must give it. */
  default?: ProgramParamValue;
  min?: number;
  max?: number;
  /** For strings: the values it may take. */
  choices?: string[];
}

/** Enforced by the kernel (setrlimit), each absent when the operator sets none. */
export interface ProgramLimits {
  memoryMb?: number;
  cpuSeconds?: number;
  openFiles?: number;
  fileSizeMb?: number;
  processes?: number;
}

export interface ProgramLogLimits {
  /** Log bytes kept per attempt: past it, the oldest lines go and the tail stays. */
  maxBytes: number;
  /** A longer line is cut there (and marked cut). */
  maxLineBytes: number;
}

export const PROGRAM_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const PROGRAM_NAME_RULE =
  '1 to 63 lowercase letters, digits, _ and -, not starting with _ or -';
/** Param names also name variables (AISIM_PARAM_<NAME>) and placeholders. */
export const PROGRAM_PARAM_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Bounds on a declaration, so what machines advertise stays small (and the API document bounded). */
export const PROGRAM_LIMITS = {
  programs: 100,
  params: 200,
  choices: 100,
  commandArguments: 256,
  descriptionLength: 1000,
  choiceLength: 500,
  logBytes: 2 ** 30,
  logLineBytes: 2 ** 20,
  gpus: 64,
} as const;

export const PROGRAM_DEFAULTS = {
  timeLimitSeconds: 3600,
  killGraceSeconds: 10,
  gpus: 0,
  keepWorkdir: false,
  logs: { maxBytes: 10 * 2 ** 20, maxLineBytes: 16 * 2 ** 10 },
} as const;

/** Variables a program's declaration may not set: the worker sets them for every run. */
export const RESERVED_ENV_PREFIX = 'AISIM_';

/** Why `value` cannot be this param's value, or null when it can. */
export function paramValueProblem(param: ProgramParam, value: unknown): string | null {
  switch (param.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'string':
      if (typeof value !== 'string') return 'must be a string';
      if (param.choices && !param.choices.includes(value))
        return `must be one of: ${param.choices.join(', ')}`;
      return null;
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (param.type === 'integer' && !Number.isSafeInteger(value)) return 'must be a whole number';
      if (param.min !== undefined && value < param.min) return `must be at least ${param.min}`;
      if (param.max !== undefined && value > param.max) return `must be at most ${param.max}`;
      return null;
    }
  }
}
