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
    ? messages.map((message) => `${message} (got ${JSON.stringify(error.value)})`)
    : [`${error.property} is invalid`];
}
