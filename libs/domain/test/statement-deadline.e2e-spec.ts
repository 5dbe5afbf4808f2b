import { DataSource } from 'typeorm';
import { postgresOptions } from '../src/database/data-source-options';
import { isConnectionError } from '../src/database/connection-errors';
import { ENV } from '../../../test/test-services';

/** Catches what `promise` rejects with, and how long it took. */
async function settle(promise: Promise<unknown>): Promise<{ error?: Error; ms: number }> {
  const started = Date.now();
  try {
    await promise;
    return { ms: Date.now() - started };
  } catch (error) {
    return { error: error as Error, ms: Date.now() - started };
  }
}

describe('a statement deadline (queryTimeoutMs)', () => {
  const server = process.env[ENV.postgresServer] as string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource(
      postgresOptions({ url: `${server}/postgres`, poolSize: 1, queryTimeoutMs: 300 }),
    );
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('fails a statement that outlives it as a connection error, and the rest of its transaction at once', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    const slow = await settle(runner.query('SELECT pg_sleep(3)'));
    expect(slow.error?.message).toMatch(/Query read timeout/);
    expect(isConnectionError(slow.error)).toBe(true);
    expect(slow.ms).toBeLessThan(2_000);
    // Without the deadline client this would wait behind the sleeping statement.
    const next = await settle(runner.query('SELECT 1'));
    expect(next.error).toBeDefined();
    expect(next.ms).toBeLessThan(1_000);
    await settle(runner.rollbackTransaction());
    await runner.release();
  });

  it('leaves the pool a working connection for the next caller', async () => {
    const started = Date.now();
    expect(await dataSource.query('SELECT 41 + 1 AS answer')).toEqual([{ answer: 42 }]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
