import { ConvergencePointRepository } from '@app/domain';
import { runDataDatesOf, seedCurve, seedMachine, seedSimulation } from '@app/domain/testing';
import { SimulationStatus } from '@app/domain';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

describe('params, tags and metric summaries of a run', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101, name: 'Machine A' });
  });
  afterAll(() => stack.close());

  const create = (body: Record<string, unknown>, as = stack.as(Role.Operator)) =>
    as.post('/simulation', { name: 'run', machine_id: 101, ...body });

  it('keeps params with their types and tags as given, shown with the run and searchable', async () => {
    const params = { lr: 0.01, optimizer: 'adam', augment: true, 'batch size': 32, note: '0.5' };
    const tags = { team: 'vision', 'stage/1': '' };
    const { body } = await create({ params, tags }).expect(201);
    const shown = (await stack.as(Role.Viewer).get(`/simulation/${body.id}`).expect(200)).body;
    expect(shown.params).toEqual(params);
    expect(shown.tags).toEqual(tags);
    const found = await stack
      .as(Role.Viewer)
      .get(
        `/simulations?filter=${encodeURIComponent("params.`batch size` >= 32 AND params.note = '0.5'")}`,
      )
      .expect(200);
    expect(found.body.map((row: { simulation_id: number }) => row.simulation_id)).toEqual([
      body.id,
    ]);
  });

  it('shows {} for a run created without them, or with null for them (the contract’s create is unchanged)', async () => {
    for (const body of [{}, { params: null, tags: null }]) {
      const { body: created } = await create(body).expect(201);
      const shown = (await stack.as(Role.Viewer).get(`/simulation/${created.id}`).expect(200)).body;
      expect(shown).toMatchObject({ params: {}, tags: {}, status: 'pending' });
    }
  });

  it('writes a batch’s params and tags with its runs, all or none', async () => {
    const { body } = await stack
      .as(Role.Operator)
      .post('/simulations/batch', {
        simulations: [0.1, 0.01, 0.001].map((lr) => ({
          name: `sweep lr=${lr}`,
          machine_id: 101,
          params: { lr, sweep: 'b1' },
          tags: { sweep: 'b1' },
        })),
      })
      .expect(201);
    const ids = body.simulations.map((s: { id: number }) => s.id);
    const found = await stack
      .as(Role.Viewer)
      .get(`/simulations?filter=${encodeURIComponent("params.sweep = 'b1' AND params.lr < 0.05")}`)
      .expect(200);
    expect(found.body.map((row: { simulation_id: number }) => row.simulation_id).sort()).toEqual(
      ids.slice(1).sort(),
    );
    const refused = await stack
      .as(Role.Operator)
      .post('/simulations/batch', {
        simulations: [
          { name: 'fine', machine_id: 101, params: { lr: 1 } },
          { name: 'bad', machine_id: 101, params: { lr: [1] } },
        ],
      })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain(
      'params.lr must be a number, a string or a boolean',
    );
    const [{ n }] = await stack.db.query(
      `SELECT count(*)::int AS n FROM simulations WHERE name = 'fine'`,
    );
    expect(n).toBe(0);
  });

  it.each([
    [{ params: [1, 2] }, 'params must be an object of key: value'],
    [{ params: { lr: { value: 1 } } }, 'params.lr must be a number, a string or a boolean'],
    [{ params: { lr: null } }, 'params.lr must be a number, a string or a boolean'],
    [{ params: { 'l\u00e9': 1 } }, 'params: "lé" is not a key'],
    [{ params: { '': 1 } }, 'params: "" is not a key'],
    [
      { params: { s: 'x'.repeat(501) } },
      'params.s is 501 characters long; at most 500 are accepted',
    ],
    [
      { params: { s: 'a\u0000b' } },
      'request body has a NUL character (\\u0000) in the text at $.params.s',
    ],
    [
      { params: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i])) },
      'params has 201 keys; at most 200 are accepted',
    ],
    [{ tags: { team: 3 } }, 'tags.team must be a string'],
    [
      { tags: { note: 'n'.repeat(5001) } },
      'tags.note is 5001 characters long; at most 5000 are accepted',
    ],
  ])('refuses %j with a 400 naming the key', async (body, message) => {
    const { body: answer } = await create(body).expect(400);
    expect(answer.message).toContain(message);
  });

  it('refuses the same Idempotency-Key with other params (422), replays it with the same', async () => {
    const key = 'params-key-1';
    const first = await create({ params: { lr: 1 } })
      .set('Idempotency-Key', key)
      .expect(201);
    const again = await create({ params: { lr: 1 } })
      .set('Idempotency-Key', key)
      .expect(201);
    expect(again.body.id).toBe(first.body.id);
    await create({ params: { lr: 2 } })
      .set('Idempotency-Key', key)
      .expect(422);
  });

  describe('PATCH /simulation/{id}/tags', () => {
    it('sets and removes tags together and answers the tags after', async () => {
      const { body } = await create({ tags: { a: '1', b: '2' } }).expect(201);
      const changed = await stack
        .as(Role.Operator)
        .patch(`/simulation/${body.id}/tags`, {
          set: { b: 'two', c: '3' },
          remove: ['a', 'missing'],
        })
        .expect(200);
      expect(changed.body).toEqual({ b: 'two', c: '3' });
      const shown = (await stack.as(Role.Viewer).get(`/simulation/${body.id}`).expect(200)).body;
      expect(shown.tags).toEqual({ b: 'two', c: '3' });
      expect(await runDataDatesOf(stack.db, body.id)).toEqual({ rows: 2, withRunDate: 2 });
    });

    it('lets an operator tag only their own runs (403), an admin any; 404 for no run', async () => {
      const { body } = await create({}).expect(201);
      const other = await stack
        .as(Role.Operator, 'someone-else')
        .patch(`/simulation/${body.id}/tags`, { set: { x: '1' } })
        .expect(403);
      expect(other.body.message).toMatch(/operators may tag only simulations they created/);
      await stack
        .as(Role.Admin)
        .patch(`/simulation/${body.id}/tags`, { set: { x: '1' } })
        .expect(200);
      await stack
        .as(Role.Viewer)
        .patch(`/simulation/${body.id}/tags`, { set: { x: '1' } })
        .expect(403);
      await stack
        .as(Role.Admin)
        .patch('/simulation/999999/tags', { set: { x: '1' } })
        .expect(404);
    });

    it('keeps the bound on tags after the change, changing nothing when it would pass it', async () => {
      const full = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`t${i}`, 'v']));
      const { body } = await create({ tags: full }).expect(201);
      const refused = await stack
        .as(Role.Operator)
        .patch(`/simulation/${body.id}/tags`, { set: { one: 'more' } })
        .expect(400);
      expect(refused.body.message).toBe(
        'tags: the run would have 201 tags; at most 200 are accepted (remove some)',
      );
      await stack
        .as(Role.Operator)
        .patch(`/simulation/${body.id}/tags`, { set: { one: 'more' }, remove: ['t0'] })
        .expect(200);
    });

    it.each([
      [{ set: { 'bad key!': 'x' } }, 'set.tags: "bad key!" is not a key'],
      [{ set: { k: 1 } }, 'set.tags.k must be a string'],
      [{ remove: 'a' }, 'remove must be an array of tag keys'],
      [{ remove: ['ok', 'no!'] }, 'remove: each key is 1 to 250 letters'],
    ])('refuses %j with a 400 naming the problem', async (change, message) => {
      const { body } = await create({}).expect(201);
      const answer = await stack
        .as(Role.Operator)
        .patch(`/simulation/${body.id}/tags`, change)
        .expect(400);
      expect(answer.body.message).toContain(message);
    });
  });

  describe('GET /simulation/{id}/metrics', () => {
    it("lists the current attempt's metrics with their summaries", async () => {
      const { simulation_id } = await seedSimulation(stack.db, {
        machine_id: 101,
        status: SimulationStatus.Running,
        attempt: 1,
      });
      await seedCurve(stack.db, stack.api.get(ConvergencePointRepository), simulation_id, [
        { seconds: 1, loss: 2 },
        { seconds: 2, loss: 0.5 },
        { seconds: 3, loss: 0.7 },
      ]);
      const { body } = await stack
        .as(Role.Viewer)
        .get(`/simulation/${simulation_id}/metrics`)
        .expect(200);
      expect(body).toEqual([
        {
          name: 'loss',
          count: 3,
          last: 0.7,
          last_seconds: 3,
          min: 0.5,
          min_seconds: 2,
          max: 2,
          last_step: null,
          min_step: null,
          by_step: false,
        },
      ]);
    });

    it('answers [] for a run with no points yet and 404 for no run', async () => {
      const { body } = await create({}).expect(201);
      await stack.as(Role.Viewer).get(`/simulation/${body.id}/metrics`).expect(200, []);
      await stack.as(Role.Viewer).get('/simulation/999999/metrics').expect(404);
    });
  });
});
