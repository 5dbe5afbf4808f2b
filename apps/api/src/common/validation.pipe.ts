import { DomainError, summarizeProblems } from '@app/domain';
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Validates bodies and queries against their DTOs. Unknown fields are refused
 * by name rather than stripped, so a misspelt field never goes silently unread.
 */
export function createValidationPipe(): ValidationPipe {
  return new EmptyQueryRememberingPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = errors.flatMap((error) => messagesOf(error));
      return DomainError.invalid(summarizeProblems(details), details);
    },
  });
}

/** `simulations[3].name`: array items by index, as the messages about a batch name them. */
function pathOf(parentPath: string, property: string): string {
  if (!parentPath) return property;
  return /^\d+$/.test(property) ? `${parentPath}[${property}]` : `${parentPath}.${property}`;
}

function messagesOf(error: ValidationError, parentPath = ''): string[] {
  const path = pathOf(parentPath, error.property);
  // class-validator names only the leaf property; name the whole path so
  // `machine.name` is not reported as a bare `name`.
  const own = Object.values(error.constraints ?? {}).map((message) => {
    if (!parentPath) return message;
    if (message.startsWith(`${error.property} `)) return `${parentPath}.${message}`;
    return message.replace(`property ${error.property} `, `property ${path} `);
  });
  const nested = (error.children ?? []).flatMap((child) => messagesOf(child, path));
  return [...own, ...nested];
}

/**
 * Most reads send no query parameters at all (a whole curve, a simulation's
 * attempts). What an empty query becomes, or that it is refused, depends only
 * on its DTO's decorators, so it is worked out once per DTO and each request
 * gets its own copy, instead of class-transformer and class-validator walking
 * the DTO's metadata on every request. A DTO that refuses `{}` (a required
 * parameter) is not remembered and refuses every time.
 */
class EmptyQueryRememberingPipe extends ValidationPipe {
  private readonly emptyQueries = new WeakMap<object, object>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Path parameters have pipes of their own (ParseIdPipe): converted here first, "1e3",
    // "+1" or "00001" would reach them as numbers and pass as 1000 and 1.
    if (metadata.type === 'param') return value;
    const { metatype } = metadata;
    if (metadata.type !== 'query' || !metatype || !isEmptyObject(value))
      return super.transform(value, metadata);
    let answer = this.emptyQueries.get(metatype);
    if (!answer) {
      const transformed: unknown = await super.transform(value, metadata);
      if (!transformed || typeof transformed !== 'object') return transformed;
      answer = transformed;
      this.emptyQueries.set(metatype, answer);
    }
    return Object.assign(Object.create(Object.getPrototypeOf(answer) as object | null), answer);
  }
}

function isEmptyObject(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}
