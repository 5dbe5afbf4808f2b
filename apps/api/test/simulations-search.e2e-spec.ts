import { seedMachine, seedRunData, seedSimulation } from '@app/domain/testing';
import { SimulationStatus } from '@app/domain';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
const LONG_NOTE = `${'n'.repeat(300)}-end`;

describe('GET /simulations?filter=: the search language', () => {
  let stack: E2eStack;

  /** The ids a filter matches, in id order, and the total the answer reported. */
  const search = async (filter: string, extra = '') => {
    const { body, headers } = await stack
      .as(Role.Viewer)
      .get(`/simulations?order_by=creation_date&filter=${encodeURIComponent(filter)}${extra}`)
      .expect(200);
    return {
      ids: (body as Array<{ simulation_id: number }>)
        .map((row) => row.simulation_id)
        .sort((a, b) => a - b),
      total: Number(headers['x-total-count']),
    };
  };
  const ids = async (filter: string) => (await search(filter)).ids;
  const refusal = async (filter: string) =>
    (
      await stack
        .as(Role.Viewer)
        .get(`/simulations?filter=${encodeURIComponent(filter)}`)
        .expect(400)
    ).body.message as string;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101, name: 'Machine A' });
    await seedMachine(stack.db, { machine_id: 102, name: 'Machine B' });
    const runs = [
      {
        id: 1,
        name: 'sweep-a',
        machine: 101,
        status: SimulationStatus.Finished,
        lr: 0.1,
        optimizer: 'adam',
        augment: true,
        team: 'vision',
        valLoss: 0.31,
      },
      {
        id: 2,
        name: 'sweep-b',
        machine: 101,
        status: SimulationStatus.Finished,
        lr: 0.01,
        optimizer: 'sgd',
        augment: false,
        team: 'vision',
        valLoss: 0.22,
      },
      {
        id: 3,
        name: 'sweep-c',
        machine: 102,
        status: SimulationStatus.Failed,
        lr: 0.2,
        optimizer: 'adamw',
        augment: true,
        team: 'speech',
        valLoss: 0.9,
      },
      {
        id: 4,
        name: 'sweep-d',
        machine: 102,
        status: SimulationStatus.Running,
        lr: 0.001,
        optimizer: 'adam',
        augment: false,
        team: 'speech',
        valLoss: 0.05,
      },
      { id: 5, name: 'baseline', machine: 101, status: SimulationStatus.Pending },
    ];
    for (const run of runs) {
      await seedSimulation(stack.db, {
        simulation_id: run.id,
        name: run.name,
        machine_id: run.machine,
        status: run.status,
        attempt: run.status === SimulationStatus.Pending ? 0 : 1,
        creation_date: at(run.id),
      });
      if (run.lr === undefined) continue;
      await seedRunData(stack.db, run.id, {
        params: { lr: run.lr, optimizer: run.optimizer, augment: run.augment },
        tags: { team: run.team, note: run.id === 2 ? LONG_NOTE : 'short' },
        metrics: { val_loss: { last: run.valLoss + 0.01, min: run.valLoss, max: 2, count: 10 } },
      });
    }
    // A metric of an attempt that is no longer current: it must not match.
    await seedRunData(stack.db, 3, {
      metrics: { stale: { last: 0, min: 0, max: 0, count: 1, attempt: 0 } },
    });
    // A param typed as a string on one run: numbers never compare with it.
    await seedSimulation(stack.db, {
      simulation_id: 6,
      name: 'odd',
      machine_id: 101,
      attempt: 1,
      status: SimulationStatus.Finished,
      creation_date: at(6),
    });
    await seedRunData(stack.db, 6, { params: { lr: '0.001' } });
  });

  afterAll(() => stack.close());

  it('compares numeric params as numbers (0.1 is not between 0.01 and 0.2 as text would have it)', async () => {
    expect(await ids('params.lr < 0.05')).toEqual([2, 4]);
    expect(await ids('params.lr >= 0.1')).toEqual([1, 3]);
    expect(await ids('params.lr = 1e-3')).toEqual([4]);
    expect(await ids("params.lr = '0.001'")).toEqual([6]);
  });

  it('compares string and boolean params, with IN and LIKE', async () => {
    expect(await ids("params.optimizer = 'adam'")).toEqual([1, 4]);
    expect(await ids("params.optimizer IN ('sgd', 'adamw')")).toEqual([2, 3]);
    expect(await ids("params.optimizer LIKE 'adam%'")).toEqual([1, 3, 4]);
    expect(await ids('params.augment = true')).toEqual([1, 3]);
    expect(await ids('params.augment != true')).toEqual([2, 4]);
  });

  it('matches tags, long values included', async () => {
    expect(await ids("tags.team = 'speech'")).toEqual([3, 4]);
    expect(await ids(`tags.note = '${LONG_NOTE}'`)).toEqual([2]);
    expect(await ids(`tags.note = '${LONG_NOTE.slice(0, -1)}'`)).toEqual([]);
    expect(await ids("tags.note LIKE '%-end'")).toEqual([2]);
    expect(await ids("tags.note LIKE '%\\\\'")).toEqual([]);
  });

  it("filters on a metric's summaries of the current attempt only", async () => {
    expect(await ids('metrics.val_loss.min <= 0.22')).toEqual([2, 4]);
    expect(await ids('metrics.val_loss.last > 0.5')).toEqual([3]);
    expect(await ids('metrics.val_loss.count = 10')).toEqual([1, 2, 3, 4]);
    expect(await ids('metrics.stale.min = 0')).toEqual([]);
  });

  it('joins with AND, OR, NOT and parentheses; NOT also matches runs without the param', async () => {
    expect(await ids("params.optimizer = 'adam' OR tags.team = 'speech'")).toEqual([1, 3, 4]);
    expect(
      await ids("(params.optimizer = 'adam' OR tags.team = 'speech') AND params.lr > 0.01"),
    ).toEqual([1, 3]);
    expect(await ids("NOT params.optimizer = 'adam'")).toEqual([2, 3, 5, 6]);
    expect(await ids("params.optimizer NOT IN ('adam')")).toEqual([2, 3, 5, 6]);
  });

  it('filters on the run’s own fields', async () => {
    expect(await ids("status IN ('failed', 'running')")).toEqual([3, 4]);
    expect(await ids("name LIKE 'sweep-%' AND machine_id = 102")).toEqual([3, 4]);
    expect(
      await ids("creation_date >= '2026-01-04' AND creation_date < '2026-01-06T00:00:00Z'"),
    ).toEqual([4, 5]);
    expect(await ids("program = 'emulate' AND simulation_id > 4")).toEqual([5, 6]);
  });

  it('reports the total of the filtered list and pages it with a cursor pinned to the filter', async () => {
    const filter = "name LIKE 'sweep-%'";
    const first = await stack
      .as(Role.Viewer)
      .get(`/simulations?limit=3&filter=${encodeURIComponent(filter)}`)
      .expect(200);
    expect(first.headers['x-total-count']).toBe('4');
    const cursor = first.headers['x-next-cursor'];
    const next = new URL(/<([^>]+)>/.exec(first.headers.link)![1], 'http://api');
    expect(next.searchParams.get('filter')).toBe(filter);
    const second = await stack
      .as(Role.Viewer)
      .get(`/simulations?limit=3&filter=${encodeURIComponent(filter)}&cursor=${cursor}`)
      .expect(200);
    expect(second.body.map((row: { simulation_id: number }) => row.simulation_id)).toEqual([4]);
    const other = await stack
      .as(Role.Viewer)
      .get(
        `/simulations?limit=3&filter=${encodeURIComponent("name LIKE 'sweep%'")}&cursor=${cursor}`,
      )
      .expect(400);
    expect(other.body.message).toMatch(/filter as they were on the first page/);
  });

  describe('order_by a param, a tag or a metric summary', () => {
    const ordered = async (query: string) =>
      (
        (await stack.as(Role.Viewer).get(`/simulations?${query}`).expect(200)).body as Array<{
          simulation_id: number;
        }>
      ).map((row) => row.simulation_id);

    it("sorts a param's numbers numerically, then its strings, runs without it last either way", async () => {
      expect(await ordered('order_by=params.lr')).toEqual([4, 2, 1, 3, 6, 5]);
      expect(await ordered('order_by=params.lr&order=desc')).toEqual([3, 1, 2, 4, 6, 5]);
    });

    it('sorts by a metric summary and by a tag, with a filter', async () => {
      expect(await ordered('order_by=metrics.val_loss.min')).toEqual([4, 2, 1, 3, 5, 6]);
      expect(
        await ordered(
          `order_by=metrics.val_loss.last&order=desc&filter=${encodeURIComponent("tags.team = 'vision'")}`,
        ),
      ).toEqual([1, 2]);
      expect(await ordered('order_by=tags.team&order=desc')).toEqual([2, 1, 4, 3, 6, 5]);
    });

    it('pages by cursor through the same order, every run once', async () => {
      for (const order of ['asc', 'desc']) {
        const whole = await ordered(`order_by=params.lr&order=${order}`);
        const paged: number[] = [];
        let cursor: string | undefined;
        do {
          const answer = await stack
            .as(Role.Viewer)
            .get(
              `/simulations?order_by=params.lr&order=${order}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            )
            .expect(200);
          paged.push(...answer.body.map((row: { simulation_id: number }) => row.simulation_id));
          cursor = answer.headers['x-next-cursor'];
        } while (cursor);
        expect(paged).toEqual(whole);
      }
    });

    it.each([
      ['order_by=status', /^order_by must be one of: name, creation_date, update_date, or params/],
      ['order_by=params.lr&offset=2', /^offset pages the name and date orders only/],
      ['order_by=params.', /^order_by: at character 7: expected a field/],
      ['order_by=metrics.val_loss', /name a metric and one of its summaries/],
      [`order_by=${encodeURIComponent('params.`é`')}`, /is not a param name/],
    ])('refuses %s with a 400', async (query, message) => {
      const { body } = await stack.as(Role.Viewer).get(`/simulations?${query}`).expect(400);
      expect(body.message).toMatch(message);
    });
  });

  describe('columns: params, tags and metric summaries beside each run', () => {
    it('carries each column asked for with its value, typed, null where a run has none', async () => {
      const { body } = await stack
        .as(Role.Viewer)
        .get(
          `/simulations?order_by=params.lr&columns=${encodeURIComponent('params.lr, params.augment,tags.team,metrics.val_loss.min,metrics.val_loss.count')}`,
        )
        .expect(200);
      const byId = new Map(
        body.map((row: { simulation_id: number; columns: unknown }) => [
          row.simulation_id,
          row.columns,
        ]),
      );
      expect(byId.get(2)).toEqual({
        'params.lr': 0.01,
        'params.augment': false,
        'tags.team': 'vision',
        'metrics.val_loss.min': 0.22,
        'metrics.val_loss.count': 10,
      });
      expect(byId.get(6)).toEqual({
        'params.lr': '0.001',
        'params.augment': null,
        'tags.team': null,
        'metrics.val_loss.min': null,
        'metrics.val_loss.count': null,
      });
      const plain = await stack.as(Role.Viewer).get('/simulations').expect(200);
      expect(plain.body[0]).not.toHaveProperty('columns');
    });

    it.each([
      ['columns=status', /^columns\[1\] is a field every run has already/],
      [
        'columns=params.lr,metrics.val_loss',
        /^columns\[2\]: name a metric and one of its summaries/,
      ],
      ['columns=%20,%20', /columns is empty/],
      [`columns=${Array.from({ length: 21 }, (_, i) => `params.k${i}`).join(',')}`, /at most 20/],
    ])('refuses %s with a 400', async (query, message) => {
      const { body } = await stack.as(Role.Viewer).get(`/simulations?${query}`).expect(400);
      expect(body.message).toMatch(message);
    });
  });

  it('combines with status and machine_id', async () => {
    expect((await search("params.optimizer = 'adam'", '&status=running')).ids).toEqual([4]);
  });

  it('keeps what a client wrote out of the SQL: quotes and keywords are data', async () => {
    expect(await ids("name = 'x''; DROP TABLE simulations; --'")).toEqual([]);
    expect(await ids("tags.team = 'vision''); DELETE FROM run_params; --'")).toEqual([]);
    expect(await refusal("params.`lr'); DELETE FROM run_params; --` = 1")).toMatch(
      /is not a param name/,
    );
    expect(await ids('params.lr < 0.05')).toEqual([2, 4]);
  });

  it.each([
    ['params.lr <', /^filter: at character 12: expected a value/],
    [
      "status = 'done'",
      /^filter: at character 1: status is one of: pending, running, finished, failed, cancelled/,
    ],
    ['colour = 1', /^filter: at character 1: unknown field "colour"/],
    ['metrics.val_loss = 1', /^filter: at character 1: name a metric and one of its summaries/],
    ['metrics.val_loss.mean < 1', /"mean" is none of them/],
    ["metrics.val_loss.min < 'low'", /is a number: compare it with a number/],
    ['machine_id < 1.5', /machine_id is a whole number/],
    ["creation_date > 'yesterday'", /creation_date is a date/],
    ['tags.team = 1', /tags are strings/],
    ['params.augment < true', /true and false compare with = and != only/],
    ["machine_id LIKE '1%'", /LIKE matches text fields only/],
    ["tags.team LIKE 'speech\\'", /LIKE 'speech\\' ends in a backslash that escapes nothing/],
    ['params.`é` = 1', /is not a param name/],
  ])('refuses %s with a 400 naming the problem', async (filter, message) => {
    expect(await refusal(filter)).toMatch(message);
  });

  it('refuses a filter given twice', async () => {
    const { body } = await stack
      .as(Role.Viewer)
      .get('/simulations?filter=a%3D1&filter=b%3D2')
      .expect(400);
    expect(body.message).toMatch(/filter must be a string/);
  });
});
