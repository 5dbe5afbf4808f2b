import { DomainError } from '@app/domain';
import { ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { normalizeIp, ThrottlerStorage } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { ApiConfig } from '../../config/api-config';
import { MLFLOW_BUDGETS, STRICT_TOKEN_LIMIT } from './strict-token-limit.decorator';

/** Budget names: per address, per authenticated client, and the strict one for /auth/token. */
export const IP_BUDGET = 'ip';
export const CLIENT_BUDGET = 'client';
export const TOKEN_BUDGET = 'token';
export const MLFLOW_IP_BUDGET = 'mlflow-ip';
export const MLFLOW_CLIENT_BUDGET = 'mlflow-client';
export const PROJECT_BUDGET = 'project';

/** A project's own budget (projects.rate_per_minute): every request by tokens scoped to it, together. */
export interface ProjectBudget {
  projectId: number;
  name: string;
  perMinute: number;
}

/** The counters (SettlingCounters: shared through Redis, failing open); provided by RateLimitModule. */
export const BUDGET_STORAGE = Symbol('BUDGET_STORAGE');

const UNMETERED = 'rate-limit:unmetered';
/** Leaves a route out of every budget (health probes, metrics scrapes). */
export const Unmetered = () => SetMetadata(UNMETERED, true);

const WINDOW_MS = 60_000;

const WHO: Record<string, string> = {
  [IP_BUDGET]: 'from this address',
  [CLIENT_BUDGET]: 'for this client',
  [TOKEN_BUDGET]: 'for token requests from this address',
  [MLFLOW_IP_BUDGET]: 'to the MLflow routes from this address',
  [MLFLOW_CLIENT_BUDGET]: 'to the MLflow routes for this client',
};

interface Charge {
  name: string;
  limit: number;
  key: string;
  /** Whose budget, in the 429's message. */
  who: string;
}

const charge = (name: string, limit: number, key: string): Charge => ({
  name,
  limit,
  key,
  who: WHO[name],
});

/**
 * A request's rate-limit budgets, charged together: its address's (with, on
 * routes marked @StrictTokenLimit, the strict one for credential checks)
 * and, once its token is verified, its client's, counted in this process
 * and settled with Redis in the background (SettlingCounters), so a request
 * does not wait for Redis. A budget spent answers 429 with
 * Retry-After and names the budget; every answer metered carries the
 * `RateLimit-Policy` and `RateLimit` headers of the budget closest to running
 * out (IETF draft-ietf-httpapi-ratelimit-headers).
 */
@Injectable()
export class RequestBudgets {
  constructor(
    private readonly config: ApiConfig,
    private readonly reflector: Reflector,
    @Inject(BUDGET_STORAGE) private readonly storage: ThrottlerStorage,
  ) {}

  /**
   * Charges the request; `client` is the verified token's subject, when there
   * is one, and `projects` the budgets of the projects its token is scoped to.
   */
  async charge(
    context: ExecutionContext,
    client?: string,
    projects: readonly ProjectBudget[] = [],
  ): Promise<void> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(UNMETERED, targets)) return;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const limits = this.config.rateLimits;
    const address = normalizeIp(request.ip ?? '');
    const mlflow = this.reflector.getAllAndOverride<boolean>(MLFLOW_BUDGETS, targets);
    const charges: Charge[] = mlflow
      ? [charge(MLFLOW_IP_BUDGET, limits.mlflowPerClient, address)]
      : [charge(IP_BUDGET, limits.perAddress, address)];
    if (this.reflector.getAllAndOverride<boolean>(STRICT_TOKEN_LIMIT, targets))
      charges.push(charge(TOKEN_BUDGET, limits.tokenPerAddress, address));
    if (client !== undefined)
      charges.push(
        mlflow
          ? charge(MLFLOW_CLIENT_BUDGET, limits.mlflowPerClient, client)
          : charge(CLIENT_BUDGET, limits.perClient, client),
      );
    for (const project of projects)
      charges.push({
        name: PROJECT_BUDGET,
        limit: project.perMinute,
        key: String(project.projectId),
        who: `in project "${project.name}"`,
      });

    const records = await Promise.all(
      charges.map(({ name, limit, key }) =>
        this.storage.increment(`${name}:${key}`, WINDOW_MS, limit, WINDOW_MS, name),
      ),
    );
    const tightest = records
      .map((record, index) => ({ ...charges[index], ...record }))
      .sort((a, b) => b.totalHits / b.limit - a.totalHits / a.limit)[0];
    // Redis away (nothing is counted and requests pass): no budget to speak of.
    if (tightest.totalHits === 0) return;
    response.setHeader('RateLimit-Policy', `"${tightest.name}";q=${tightest.limit};w=60`);
    response.setHeader(
      'RateLimit',
      `"${tightest.name}";r=${Math.max(0, tightest.limit - tightest.totalHits)};t=${tightest.timeToExpire}`,
    );
    const spent = records.findIndex((record) => record.isBlocked);
    if (spent < 0) return;
    const { who, limit } = charges[spent];
    const retryAfter = Math.max(1, Math.ceil(records[spent].timeToBlockExpire));
    response.setHeader('Retry-After', String(retryAfter));
    throw DomainError.tooMany(
      `too many requests ${who}: at most ${limit} per ${WINDOW_MS / 1000} s; retry in ${retryAfter} s`,
    );
  }
}
