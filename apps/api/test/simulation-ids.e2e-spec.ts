import { seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

const LARGEST = Number.MAX_SAFE_INTEGER; // 9007199254740991

describe('simulation ids: 64-bit, exact in JSON, and generated without fail', () => {
  let stack: E2eStack;
  const post = (body: object) => stack.as(Role.Operator).post('/simulation', body);
  const create = async (body: object = {}) =>
    (await post({ name: 'run', machine_id: 101, ...body }).expect(201)).body.id as number;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
  });

  afterEach(() => stack.stopWorkers());
  afterAll(() => stack.close());

  it('takes ids at both ends of the range and gives them back exactly', async () => {
    expect(await create({ simulation_id: 1 })).toBe(1);
    expect(await create({ simulation_id: LARGEST })).toBe(LARGEST);
    expect((await stack.simulation(LARGEST)).simulation_id).toBe(LARGEST);
    const { text } = await stack.as(Role.Viewer).get('/simulations').expect(200);
    expect(text).toContain(`"simulation_id":${LARGEST},`);
    const stored = await stack.db.query(
      `SELECT simulation_id::text AS id FROM simulations ORDER BY 1`,
    );
    expect(stored.map((row: { id: string }) => row.id)).toEqual(['1', '9007199254740991']);
  });

  it('answers 400 for an id above 2^53 − 1, in a body or a path', async () => {
    const message = `simulation_id must be an integer between 1 and ${LARGEST}`;
    const tooLarge = await post({ name: 'x', machine_id: 101, simulation_id: LARGEST + 1 }).expect(
      400,
    );
    expect(tooLarge.body.message).toBe(message);
    const inPath = await stack.as(Role.Viewer).get('/simulation/9007199254740992').expect(400);
    expect(inPath.body.message).toBe(message);
    await stack.as(Role.Viewer).get(`/converge/${LARGEST}`).expect(404);
  });

  it('keeps generating ids after a client chose the largest one', async () => {
    await create({ simulation_id: LARGEST });
    const generated = [await create(), await create(), await create()];
    expect(generated).toEqual([1, 2, 3]);
  });

  it('answers 503 naming the way out when no id is left to generate, and still takes chosen ids', async () => {
    await stack.db.query(`SELECT setval('simulations_simulation_id_seq', ${LARGEST})`);
    const message =
      'no simulation id is left to generate (the id sequence is at its maximum); ' +
      'create with a chosen simulation_id, or ask an operator to reset the sequence';
    expect((await post({ name: 'x', machine_id: 101 }).expect(503)).body.message).toBe(message);
    const batch = await stack
      .as(Role.Operator)
      .post('/simulations/batch', { simulations: [{ name: 'x', machine_id: 101 }] })
      .expect(503);
    expect(batch.body.message).toBe(message);
    expect(await create({ simulation_id: 7 })).toBe(7);
  });

  it('generates ids past rows that reached the table outside the API, in one jump per run', async () => {
    await stack.db.query(
      `INSERT INTO simulations (simulation_id, name, machine_id)
       SELECT i, 'restored', 101 FROM generate_series(1, 5000) i
       UNION ALL SELECT i, 'imported', 101 FROM generate_series(5002, 5100) i`,
    );
    const generated = [];
    for (let i = 0; i < 4; i++) generated.push(await create());
    expect(generated).toEqual([5001, 5101, 5102, 5103]);
    // Concurrent creates each get an id of their own, none a 500.
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => create()));
    expect(new Set(concurrent).size).toBe(20);
    expect(Math.min(...concurrent)).toBeGreaterThan(5103);
  });

  it('runs a simulation with the largest id to the end, curve included', async () => {
    await stack.startWorker({ tickMs: 10 });
    await create({ simulation_id: LARGEST });
    const finished = await stack.waitForStatus(LARGEST, 'finished');
    expect(finished).toMatchObject({ simulation_id: LARGEST, attempt: 1 });
    const curve = await stack.as(Role.Viewer).get(`/converge/${LARGEST}`).expect(200);
    expect(curve.body.data).toHaveLength(10);
    expect(curve.body.data[0]).toEqual({ seconds: 10, loss: 0.042 });
  });
});
