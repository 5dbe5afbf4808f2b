import { ApiClientRepository, DomainError } from '@app/domain';
import type { Request } from 'express';
import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { RequestBudgets } from '../common/rate-limit/request-budgets';
import { PUBLIC_ROUTE, REQUIRED_ROLE } from './access-policy.decorators';
import { AuthenticatedUser } from './authenticated-user';
import { Role, roleSatisfies } from '@app/auth';
import { ApiConfig } from '../config/api-config';
import { extractAccessToken } from './jwt.strategy';
import { VerifiedTokens } from './verified-tokens';
import { ProjectDirectory } from './project-directory';

/**
 * The one global guard: authenticates every request with the JWT strategy
 * (a token it accepted before is remembered, not verified again: VerifiedTokens),
 * charges its rate-limit budgets, then checks the role the route declared
 * with @RequireRole. A route that declares neither @Public nor @RequireRole
 * is closed to everyone, so a forgotten policy fails safe.
 *
 * The budgets are charged after authentication so that the address's and
 * the client's are charged together; a request whose token is refused is
 * still charged to its address (so a flood of bad tokens runs out of budget
 * and is answered 429, as before authentication).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(AccessGuard.name);

  private readonly verified: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    private readonly budgets: RequestBudgets,
    private readonly clients: ApiClientRepository,
    private readonly directory: ProjectDirectory,
    config: ApiConfig,
  ) {
    super();
    this.verified = new VerifiedTokens(config.jwt);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      await this.budgets.charge(context);
      return true;
    }

    const user = await this.authenticate(context).catch(async (refused) => {
      await this.budgets.charge(context);
      throw refused;
    });
    // Per request, not kept with the verified token: a project created since may be named by it.
    const access = await this.directory.accessOf(user);
    await this.budgets.charge(context, user.subject, await this.directory.budgetsOf(access));

    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    if (!required) {
      this.logger.error(
        `route ${context.getClass().name}.${context.getHandler().name} declares no access policy`,
      );
      throw DomainError.forbidden('this route has no access policy');
    }
    if (!roleSatisfies(user.role, required)) {
      throw DomainError.forbidden(`requires the ${required} role; this token has ${user.role}`);
    }
    // Admin routes act on the whole installation (machines, service accounts, the queues):
    // an admin of some projects is not an admin of it.
    if (required === Role.Admin && user.projects)
      throw DomainError.forbidden(
        'requires an admin token without project scope; this token is scoped to projects',
      );
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    request.user = { ...user, access };
    return true;
  }

  /**
   * The request's user: from a token verified before (VerifiedTokens), else
   * verified now by the JWT strategy and remembered.
   */
  private async authenticate(context: ExecutionContext): Promise<AuthenticatedUser> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const token = extractAccessToken(request);
    const known = token ? this.verified.recall(token) : undefined;
    if (known) {
      if (known.clientId !== undefined && !(await this.clients.isActive(known.clientId)))
        throw DomainError.unauthenticated('this client is disabled or deleted');
      request.user = known.user;
      return known.user;
    }
    await super.canActivate(context);
    const user = request.user!;
    if (token) this.verified.remember(token, user);
    return user;
  }

  override handleRequest<TUser = AuthenticatedUser>(
    error: unknown,
    user: TUser | false,
    info: unknown,
  ): TUser {
    if (error) {
      const ours = error instanceof DomainError && error.code === 'unauthenticated';
      throw ours ? error : DomainError.unauthenticated('invalid token');
    }
    if (!user) throw DomainError.unauthenticated(describeRejection(info));
    return user;
  }
}

function describeRejection(info: unknown): string {
  if (info instanceof Error) {
    if (info.message === 'No auth token')
      return 'missing bearer token: send Authorization: Bearer <token>';
    if (info.name === 'TokenExpiredError') return 'token expired';
    if (info.name === 'NotBeforeError') return 'token not yet valid';
    // jsonwebtoken appends the expected value ("jwt issuer invalid. expected: …"); keep the reason only.
    return `invalid token: ${info.message.split('.')[0]}`;
  }
  return 'invalid token';
}
