import { seedMachine } from '@app/domain/testing';
import { machineQueueName, runJobId } from '@app/queue';
import request from 'supertest';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

describe('POST /simulations/batch: a sweep in one request, all or nothing', () => {
  let stack: E2eStack;
  const post = (body: unknown, headers: Record<string, string> = {}) => {
    const call = stack.as(Role.Operator).post('/simulations/batch', body as object);
    for (const [name, value] of Object.entries(headers)) call.set(name, value);
    return call;
  };
  const sweep = (n: number, machine: object = { machine_id: 101 }) => ({
    simulations: Array.from({ length: n }, (_, i) => ({ name: `sweep ${i}`, ...machine })),
  });
  const count = async (sql = 'SELECT count(*)::int AS n FROM simulations') =>
    (await stack.db.query(sql))[0].n as number;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101, name: 'Machine A' });
  });

  afterAll(() => stack.close());

  it('creates 1,000 simulations in order, each pending with its job queued', async () => {
    const { body } = await post(sweep(1_000)).expect(201);
    expect(body.simulations).toHaveLength(1_000);
    expect(body.simulations[0]).toEqual({ id: expect.any(Number), status: 'pending' });
    const ids = body.simulations.map((item: { id: number }) => item.id);
    // Drawn in the order sent, as 1,000 single creates would have drawn them.
    expect(ids).toEqual([...ids].sort((a: number, b: number) => a - b));
    expect(new Set(ids).size).toBe(1_000);
    const rows = await stack.db.query(
      `SELECT simulation_id, name, status FROM simulations ORDER BY simulation_id`,
    );
    expect(rows).toHaveLength(1_000);
    const nameOf = new Map(
      rows.map((row: { simulation_id: string; name: string }) => [
        Number(row.simulation_id),
        row.name,
      ]),
    );
    ids.forEach((id: number, index: number) => expect(nameOf.get(id)).toBe(`sweep ${index}`));
    expect(new Set(rows.map((row: { status: string }) => row.status))).toEqual(
      new Set(['pending']),
    );
    const queued = await stack.redis.keys(`bull:${machineQueueName(101)}:simulation-*`);
    expect(queued).toHaveLength(1_000);
    expect(await stack.redis.exists(`bull:${machineQueueName(101)}:${runJobId(ids[999], 0)}`)).toBe(
      1,
    );
    // Each is an ordinary simulation afterwards.
    await stack.as(Role.Viewer).get(`/simulation/${ids[500]}`).expect(200);
  });

  it('registers new machines named in it, spreads the jobs over their queues, and takes chosen ids', async () => {
    const { body } = await post({
      simulations: [
        { name: 'on A', machine_id: 101 },
        { name: 'on B', machine: { machine_id: 202, name: 'Machine B' } },
        { name: 'on B again', machine_id: 202 },
        { simulation_id: 9_000, name: 'chosen', machine_id: 101, attempt_budget: 5 },
      ],
    }).expect(201);
    expect(body.simulations.map((item: { id: number }) => item.id)).toEqual([1, 2, 3, 9_000]);
    const machines = await stack.db.query(
      `SELECT machine_id, name FROM machines ORDER BY machine_id`,
    );
    expect(machines).toEqual([
      { machine_id: 101, name: 'Machine A' },
      { machine_id: 202, name: 'Machine B' },
    ]);
    expect(await stack.redis.keys(`bull:${machineQueueName(202)}:simulation-*`)).toHaveLength(2);
    const chosen = await stack.as(Role.Viewer).get('/simulation/9000').expect(200);
    expect(chosen.body).toMatchObject({ name: 'chosen', attempt_budget: 5 });
  });

  it('refuses the whole batch, naming each bad item by index, and writes nothing', async () => {
    const invalid = await post({
      simulations: [
        { name: 'fine', machine_id: 101 },
        { name: '', machine_id: 101 },
        { name: 'fine too', machine_id: 101 },
        { name: 'x', machine_id: 101, colour: 'red' },
      ],
    }).expect(400);
    expect(invalid.body.details).toEqual([
      'simulations[1].name must be 1 to 255 characters',
      'property simulations[3].colour should not exist',
    ]);
    const disagree = await post({
      simulations: [
        { name: 'a', machine_id: 101 },
        { name: 'b', machine_id: 101, machine: { machine_id: 102, name: 'B' } },
        { name: 'c', simulation_id: 7, machine_id: 101 },
        { name: 'd', simulation_id: 7, machine_id: 101 },
      ],
    }).expect(400);
    expect(disagree.body.details).toEqual([
      'simulations[1]: machine_id (101) and machine.machine_id (102) disagree',
      "simulations[3]: simulation_id 7 is also simulations[2]'s",
    ]);
    const unknown = await post({
      simulations: [
        { name: 'a', machine_id: 101 },
        { name: 'b', machine_id: 555 },
        { name: 'c', machine_id: 555 },
        { name: 'd', machine: { machine_id: 303, name: 'New' } },
      ],
    }).expect(404);
    expect(unknown.body.message).toBe(
      'simulations[1], simulations[2]: machine 555 not found; send machine.name to register it',
    );
    await post({ simulations: [{ name: 'taken', simulation_id: 40, machine_id: 101 }] }).expect(
      201,
    );
    const taken = await post({
      simulations: [
        { name: 'a', machine_id: 101 },
        { name: 'b', simulation_id: 40, machine_id: 101 },
      ],
    }).expect(409);
    expect(taken.body.message).toBe('simulations[1]: simulation 40 already exists');
    // All or nothing: of all these, only the one accepted batch was written, and no machine 303.
    expect(await count()).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM machines WHERE machine_id = 303`)).toBe(0);
  });

  it('answers 400 for an empty batch, one over 1,000, and items that are not objects', async () => {
    expect((await post({ simulations: [] }).expect(400)).body.message).toBe(
      'simulations must hold at least one simulation',
    );
    // The shape guard's bound on every array is the batch's bound too; it answers first.
    expect((await post(sweep(1_001)).expect(400)).body.message).toBe(
      'request body has an array of 1001 items at $.simulations; at most 1000',
    );
    expect((await post({ simulations: [1, 'two'] }).expect(400)).body.message).toMatch(
      /simulations/,
    );
    expect((await post({}).expect(400)).body.message).toMatch(/simulations/);
    expect(await count()).toBe(0);
  });

  it('takes a body up to 4 MiB there, and still 1 MiB on POST /simulation', async () => {
    const long = { name: 'n'.repeat(255), machine_id: 101 };
    const big = { simulations: Array.from({ length: 1_000 }, () => long) };
    expect(JSON.stringify(big).length).toBeGreaterThan(200_000);
    await post(big).expect(201);
    const tooBig = await post({ simulations: [{ name: 'x'.repeat(4_300_000), machine_id: 101 }] });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.message).toBe('request body is larger than the 4 MiB limit');
    await stack
      .as(Role.Operator)
      .post('/simulation', { name: 'n'.repeat(255), machine_id: 101, pad: 'x'.repeat(1_100_000) })
      .expect(413, {
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'request body is larger than the 1 MiB limit',
      });
  });

  it('answers a repeat with the same Idempotency-Key with the first answer, and a different body with 422', async () => {
    const first = await post(sweep(3), { 'Idempotency-Key': 'sweep-1' }).expect(201);
    const again = await post(sweep(3), { 'Idempotency-Key': 'sweep-1' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await post(sweep(4), { 'Idempotency-Key': 'sweep-1' }).expect(422);
    expect(other.body.message).toBe(
      'Idempotency-Key "sweep-1" was already used with a different request body',
    );
    expect(await count()).toBe(3);
  });

  it('applies the pending cap to the whole batch', async () => {
    const app = await stack.createApi({ MAX_PENDING_PER_CLIENT: '10' });
    try {
      const send = (n: number) =>
        request(app.getHttpServer())
          .post('/simulations/batch')
          .set('Authorization', `Bearer ${stack.token(Role.Operator, 600, 'sweeper')}`)
          .send(sweep(n));
      await send(6).expect(201);
      const refused = await send(5).expect(429);
      expect(refused.body.message).toBe(
        'this client has 6 pending simulations; 5 more would make 11, over the most it may have (10); ' +
          'wait for some to start, or cancel some, or send fewer',
      );
      await send(4).expect(201);
      expect(await count()).toBe(10);
    } finally {
      await app.close();
    }
  });
});
