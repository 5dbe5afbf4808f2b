import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * One request header by its lower-case name, like Nest's @Headers(name) but
 * taking pipes: `@RequestHeader('idempotency-key', IdempotencyKeyPipe)`, so
 * a header is checked where it is read and the handler gets it checked.
 */
export const RequestHeader = createParamDecorator(
  (name: string, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[
      name
    ];
    return typeof value === 'string' ? value : undefined;
  },
);
