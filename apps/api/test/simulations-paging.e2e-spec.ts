import { seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

type Row = { simulation_id: number; name: string; creation_date: string; update_date: string };

/**
 * Rows with random names and dates spread over one day, a few of them sharing
 * every sort key (ties broken by id). `from` numbers the ids.
 */
const insertRows = (stack: E2eStack, from: number, count: number) =>
  stack.db.query(
    `INSERT INTO simulations (simulation_id, name, machine_id, status, creation_date, update_date)
     SELECT i, CASE WHEN i % 7 = 0 THEN 'same name' ELSE md5(i::text || random()::text) END,
            CASE WHEN i % 2 = 0 THEN 101 ELSE 102 END,
            CASE WHEN i % 3 = 0 THEN 'finished' ELSE 'pending' END,
            t, t + (random() * interval '1 hour')
     FROM generate_series($1::bigint, $1::bigint + $2 - 1) AS i,
          LATERAL (SELECT CASE WHEN i % 11 = 0 THEN timestamptz '2026-01-01 12:00'
                       ELSE timestamptz '2026-01-01' + random() * interval '1 day' END AS t) AS times`,
    [from, count],
  );

describe('GET /simulations: keyset paging by cursor', () => {
  let stack: E2eStack;
  const get = (path: string) => stack.as(Role.Viewer).get(path);

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    await seedMachine(stack.db, { machine_id: 102 });
  });

  afterAll(() => stack.close());

  /** Follows the Link rel="next" headers from `first` to the end; inserts rows before each page. */
  async function pageThrough(first: string, insertBetweenPages: boolean) {
    const seen: Row[] = [];
    let next: string | null = first;
    let nextId = 10_000;
    let pages = 0;
    while (next) {
      const response = await get(next).expect(200);
      seen.push(...response.body);
      const link = response.headers.link as string | undefined;
      const cursor = response.headers['x-next-cursor'] as string | undefined;
      if (link) {
        const match = /^<([^>]+)>; rel="next"$/.exec(link);
        expect(match).not.toBeNull();
        expect(match?.[1]).toContain(`cursor=${encodeURIComponent(cursor as string)}`);
        next = (match as RegExpExecArray)[1];
      } else {
        expect(cursor).toBeUndefined();
        next = null;
      }
      if (insertBetweenPages) {
        await insertRows(stack, nextId, 15);
        nextId += 15;
      }
      pages++;
      expect(pages).toBeLessThan(100);
    }
    return seen;
  }

  const orders = ['name', 'creation_date', 'update_date'].flatMap((orderBy) =>
    ['asc', 'desc'].map((order) => [orderBy, order] as const),
  );

  it.each(orders)(
    'by %s %s: every row that existed is seen once, in order, while rows are created meanwhile',
    async (orderBy, order) => {
      await insertRows(stack, 1, 200);
      const existing = (await stack.db.query(`SELECT simulation_id FROM simulations`)).map(
        (row: { simulation_id: number }) => row.simulation_id,
      );
      const seen = await pageThrough(
        `/simulations?order_by=${orderBy}&order=${order}&limit=23`,
        true,
      );
      const ids = seen.map((row) => row.simulation_id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(existing));
      // In order by the key, ties by id, both in the requested direction (as Postgres sorts).
      const sorted = (
        await stack.db.query(
          `SELECT simulation_id FROM simulations WHERE simulation_id = ANY($1::bigint[])
         ORDER BY ${orderBy} ${order}, simulation_id ${order}`,
          [ids],
        )
      ).map((row: { simulation_id: number }) => row.simulation_id);
      expect(ids).toEqual(sorted);
    },
  );

  it('pages filtered lists too, and the cursor keeps the filter', async () => {
    await insertRows(stack, 1, 120);
    const seen = await pageThrough(
      '/simulations?order_by=update_date&order=desc&status=pending&machine_id=101&limit=7',
      false,
    );
    const expected = (
      await stack.db.query(
        `SELECT simulation_id FROM simulations WHERE status = 'pending' AND machine_id = 101
       ORDER BY update_date DESC, simulation_id DESC`,
      )
    ).map((row: { simulation_id: number }) => row.simulation_id);
    expect(seen.map((row) => row.simulation_id)).toEqual(expected);
  });

  it('refuses a cursor for another listing, a made-up one, and one with offset', async () => {
    await insertRows(stack, 1, 30);
    const first = await get('/simulations?order_by=name&limit=10').expect(200);
    const cursor = first.headers['x-next-cursor'];
    expect(typeof cursor).toBe('string');
    const other = await get(`/simulations?order_by=creation_date&limit=10&cursor=${cursor}`).expect(
      400,
    );
    expect(other.body.message).toBe(
      'cursor belongs to another listing: keep order_by, order, status, machine_id and filter as they were on the first page',
    );
    const madeUp = await get('/simulations?cursor=bm90LWpzb24').expect(400);
    expect(madeUp.body.message).toBe(
      'cursor is not one this API made: use the X-Next-Cursor or Link of a list answer',
    );
    const both = await get(`/simulations?order_by=name&limit=10&offset=5&cursor=${cursor}`).expect(
      400,
    );
    expect(both.body.message).toBe(
      'cursor and offset cannot be combined: a cursor already says where the page starts',
    );
  });

  it('counts exactly up to 10,000 matches and says when the total is an estimate', async () => {
    await insertRows(stack, 1, 10_000);
    const exact = await get('/simulations?limit=1').expect(200);
    expect(exact.headers['x-total-count']).toBe('10000');
    expect(exact.headers['x-total-count-exact']).toBe('true');

    await insertRows(stack, 10_001, 2_000);
    await stack.db.query('ANALYZE simulations');
    const estimated = await get('/simulations?limit=1').expect(200);
    expect(estimated.headers['x-total-count-exact']).toBe('false');
    const count = Number(estimated.headers['x-total-count']);
    expect(count).toBeGreaterThan(10_000);
    expect(Math.abs(count - 12_000) / 12_000).toBeLessThan(0.05);

    const filtered = await get('/simulations?limit=1&status=finished&machine_id=102').expect(200);
    const truth = (
      await stack.db.query(
        `SELECT count(*)::int AS n FROM simulations WHERE status = 'finished' AND machine_id = 102`,
      )
    )[0].n;
    expect(filtered.headers['x-total-count']).toBe(String(truth));
    expect(filtered.headers['x-total-count-exact']).toBe('true');
  });

  it('counts a filter on params exactly up to 1,000 matches, and beyond estimates it per key', async () => {
    await insertRows(stack, 1, 3_000);
    // lr in 0…1 and batch in 100…1000 share one number column: a histogram of
    // the column alone would put lr < 0.9 at about half of what it matches.
    await stack.db.query(
      `INSERT INTO run_params (simulation_id, key, number, creation_date)
       SELECT simulation_id, 'lr', simulation_id / 3000.0, creation_date FROM simulations
       UNION ALL
       SELECT simulation_id, 'batch', 100 + simulation_id * 0.3, creation_date FROM simulations`,
    );
    await stack.db.query('ANALYZE simulations, run_params');
    const total = async (filter: string) => {
      const { headers } = await get(
        `/simulations?limit=1&filter=${encodeURIComponent(filter)}`,
      ).expect(200);
      return { count: Number(headers['x-total-count']), exact: headers['x-total-count-exact'] };
    };
    expect(await total('params.lr < 0.2')).toEqual({ count: 599, exact: 'true' });
    expect(await total('params.batch >= 1000')).toEqual({ count: 1, exact: 'true' });
    const broad = await total('params.lr < 0.9');
    expect(broad.exact).toBe('false');
    expect(Math.abs(broad.count - 2_699) / 2_699).toBeLessThan(0.1);
  });

  it('counts exactly what a first page holds whole, however stale the statistics', async () => {
    await insertRows(stack, 1, 3_000);
    await stack.db.query(
      `INSERT INTO run_params (simulation_id, key, number, creation_date)
       SELECT simulation_id, 'lr', simulation_id / 3000.0, creation_date FROM simulations`,
    );
    await stack.db.query('ANALYZE simulations, run_params');
    // The statistics go on counting 3,000 runs: nothing re-reads them while this runs.
    await stack.db.query(
      'ALTER TABLE simulations SET (autovacuum_enabled = false); ' +
        'ALTER TABLE run_params SET (autovacuum_enabled = false)',
    );
    try {
      await stack.db.query('DELETE FROM simulations WHERE simulation_id > 5');
      const filter = encodeURIComponent('params.lr < 0.9');
      const first = await get(`/simulations?limit=10&filter=${filter}`).expect(200);
      expect(first.body).toHaveLength(5);
      expect(first.headers['x-total-count']).toBe('5');
      expect(first.headers['x-total-count-exact']).toBe('true');
      // A first page with more behind it cannot tell: the estimate answers.
      const partial = await get(`/simulations?limit=2&filter=${filter}`).expect(200);
      expect(partial.headers['x-total-count-exact']).toBe('false');
    } finally {
      await stack.db.query(
        'ALTER TABLE simulations RESET (autovacuum_enabled); ' +
          'ALTER TABLE run_params RESET (autovacuum_enabled)',
      );
    }
  });
});
