import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedUser } from './authenticated-user';
import type { ProjectAccess } from './project-access';

/** The bearer of the request's token, as the access guard verified it. */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest().user,
);

/** What the request's caller may do in which project (ProjectAccess), as the access guard found it. */
export const CallerAccess = createParamDecorator(
  (_: unknown, context: ExecutionContext): ProjectAccess => {
    const access = (context.switchToHttp().getRequest().user as AuthenticatedUser | undefined)
      ?.access;
    // Set on every request the guard lets through; a public route has none to give.
    if (!access) throw new Error('CallerAccess on a route without an authenticated caller');
    return access;
  },
);
