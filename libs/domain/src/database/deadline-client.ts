import { Client } from 'pg';

const READ_TIMEOUT = 'Query read timeout';

/**
 * A pg client that gives up its connection when a statement outlives
 * `query_timeout`. pg fails that statement but keeps the connection, with the
 * statement still waiting on it, so every later statement on the same client
 * (the rest of a transaction, its ROLLBACK, the next request's) queues behind
 * it and times out in turn. Closed instead, they fail at once and the pool
 * opens a fresh connection.
 */
export class DeadlineClient extends Client {
  override query(...args: unknown[]): any {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | undefined, ...rest: unknown[]) => {
        if (error?.message === READ_TIMEOUT) this.abandon();
        return (last as (...a: unknown[]) => unknown)(error, ...rest);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise)
      return result.catch((error: Error) => {
        if (error?.message === READ_TIMEOUT) this.abandon();
        throw error;
      });
    return result;
  }

  private abandon(): void {
    (
      this as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();
  }
}
