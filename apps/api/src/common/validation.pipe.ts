import { DomainError, summarizeProblems } from '@app/domain';
import { ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * Validates bodies and queries against their DTOs. Unknown fields are refused
 * by name rather than stripped, so a misspelt field never goes silently unread.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
