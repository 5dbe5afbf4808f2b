import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { ApiConfig } from '../../config/api-config';
import { RequestBudgets } from './request-budgets';
import { MLFLOW_BUDGETS, STRICT_TOKEN_LIMIT } from './strict-token-limit.decorator';

/** A storage whose answers wait until the test releases them, so overlapping calls show. */
class HeldStorage implements ThrottlerStorage {
  readonly keys: string[] = [];
  private readonly held: Array<() => void> = [];

  increment(key: string, _ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    this.keys.push(key);
    return new Promise((resolve) =>
      this.held.push(() =>
        resolve({ totalHits: 1, timeToExpire: 60, isBlocked: limit < 1, timeToBlockExpire: 60 }),
      ),
    );
  }

  get pending(): number {
    return this.held.length;
  }

  release(): void {
    this.held.splice(0).forEach((answer) => answer());
  }
}

function contextFor(handler: () => void): ExecutionContext {
  const headers: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (headers[name] = value) };
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({
      getRequest: () => ({ ip: '203.0.113.7' }),
      getResponse: () => response,
    }),
  } as unknown as ExecutionContext;
}

describe('RequestBudgets', () => {
  const config = Object.assign(new ApiConfig(), {
    rateLimits: { perAddress: 100, perClient: 50, tokenPerAddress: 0, mlflowPerClient: 0 },
  });
  let storage: HeldStorage;
  let budgets: RequestBudgets;

  beforeEach(() => {
    storage = new HeldStorage();
    budgets = new RequestBudgets(config, new Reflector(), storage);
  });

  it('sends the address’s and the client’s counters together, before either answers', async () => {
    const charged = budgets.charge(
      contextFor(() => undefined),
      'client-a',
    );
    // Both increments are issued in the same turn: on an auto-pipelined connection, one write.
    expect(storage.pending).toBe(2);
    expect(storage.keys).toEqual(['ip:203.0.113.7', 'client:client-a']);
    storage.release();
    await charged;
  });

  it('charges an unauthenticated request to its address alone', async () => {
    const charged = budgets.charge(contextFor(() => undefined));
    expect(storage.keys).toEqual(['ip:203.0.113.7']);
    storage.release();
    await charged;
  });

  it('adds the strict token budget on routes that ask for it, and answers 429 when it is spent', async () => {
    const route = () => undefined;
    Reflect.defineMetadata(STRICT_TOKEN_LIMIT, true, route);
    const charged = budgets.charge(contextFor(route));
    expect(storage.pending).toBe(2);
    expect(storage.keys).toEqual(['ip:203.0.113.7', 'token:203.0.113.7']);
    storage.release();
    await expect(charged).rejects.toThrow(
      /^too many requests for token requests from this address: at most 0 per 60 s; retry in 60 s$/,
    );
  });

  it('counts the MLflow routes in budgets of their own, and answers 429 naming them when spent', async () => {
    const route = () => undefined;
    Reflect.defineMetadata(MLFLOW_BUDGETS, true, route);
    const charged = budgets.charge(contextFor(route), 'client-a');
    expect(storage.keys).toEqual(['mlflow-ip:203.0.113.7', 'mlflow-client:client-a']);
    storage.release();
    await expect(charged).rejects.toThrow(
      /^too many requests to the MLflow routes from this address/,
    );
  });
});
