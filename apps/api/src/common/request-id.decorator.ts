import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * The request's id (from X-Request-Id, or made up by the request logger), to
 * hand on to work it starts elsewhere, such as a queued run.
 */
export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<{ id?: string }>().id,
);
