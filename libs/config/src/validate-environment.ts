import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/**
 * Turns raw environment variables into a validated instance of `schema`.
 * Throws one error that names every wrong or missing variable, so an operator
 * fixes them all in one go instead of one restart per variable.
 */
export function validateEnvironment<T extends object>(
  schema: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const instance = plainToInstance(schema, present, { enableImplicitConversion: true });
  const errors = validateSync(instance, {
    whitelist: false,
    forbidUnknownValues: false,
    stopAtFirstError: true,
  });
  if (errors.length > 0) {
    throw new InvalidEnvironmentError(errors.flatMap(describe));
  }
  return instance;
}

function describe(error: ValidationError): string[] {
  const messages = Object.values(error.constraints ?? {});
  return messages.length > 0
    ? messages.map((message) => `${message} (got ${shown(error.property, error.value)})`)
    : [`${error.property} is invalid`];
}

/**
 * The value as the message quotes it, without what must not reach a log: a
 * secret's value, or the password inside a URL.
 */
function shown(property: string, value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (/SECRET|PASSWORD|KEYS?$/.test(property)) return `a value of ${value.length} characters`;
  return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@'));
}
