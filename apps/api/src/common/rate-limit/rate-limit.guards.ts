import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';

/** Throttler names: one budget per IP, one per authenticated client, and a strict one for /auth/token. */
export const IP_BUDGET = 'ip';
export const CLIENT_BUDGET = 'client';
export const TOKEN_BUDGET = 'token';

const WHO: Record<string, string> = {
  [IP_BUDGET]: 'from this address',
  [CLIENT_BUDGET]: 'for this client',
  [TOKEN_BUDGET]: 'for token requests from this address',
};

/**
 * Shared by both guards: answers 429 with a plain `Retry-After` (whole
 * seconds) and a message saying which budget ran out.
 */
abstract class RateLimitGuard extends ThrottlerGuard {
  protected abstract handles(throttlerName: string): boolean;

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (!this.handles(request.throttler.name ?? '')) return true;
    return super.handleRequest(request);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const response = context.switchToHttp().getResponse<Response>();
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    response.setHeader('Retry-After', String(retryAfter));
    const name = Object.keys(WHO).find((budget) => detail.key.startsWith(`${budget}:`)) ?? '';
    throw new HttpException(
      `too many requests ${WHO[name] ?? ''}: at most ${detail.limit} per ${detail.ttl / 1000} s; retry in ${retryAfter} s`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /** One budget per tracker across all routes (the default key is per route). */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }
}

/** Runs before authentication, so failed attempts count against their address too. */
@Injectable()
export class AddressRateLimitGuard extends RateLimitGuard {
  protected handles(name: string): boolean {
    return name === IP_BUDGET || name === TOKEN_BUDGET;
  }
}

/** Runs after authentication: the budget of the client the token names. */
@Injectable()
export class ClientRateLimitGuard extends RateLimitGuard {
  protected handles(name: string): boolean {
    return name === CLIENT_BUDGET;
  }

  protected override async getTracker(request: Request): Promise<string> {
    const user = (request as Request & { user?: { subject: string } }).user;
    return user ? user.subject : `anonymous:${request.ip}`;
  }
}
