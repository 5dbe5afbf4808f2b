import { seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

describe('POST /simulation: validation, machines and ids', () => {
  let stack: E2eStack;
  const post = (body: unknown) => stack.as(Role.Operator).post('/simulation', body as object);

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101, name: 'Machine A' });
  });

  afterAll(() => stack.close());

  it('creates on an existing machine with a generated id', async () => {
    const { body, headers } = await post({ name: 'first', machine_id: 101 }).expect(201);
    expect(body).toEqual({ id: 1, status: 'pending' });
    expect(headers.location).toBe('/simulation/1');
  });

  it('registers an unknown machine given with a name, and keeps an existing machine its name', async () => {
    await post({ name: 'a', machine: { machine_id: 202, name: 'Machine B' } }).expect(201);
    await post({ name: 'b', machine: { machine_id: 101, name: 'Renamed?' } }).expect(201);
    const { body } = await stack.as(Role.Viewer).get('/machines').expect(200);
    expect(body.map((m: { machine_id: number; name: string }) => [m.machine_id, m.name])).toEqual([
      [101, 'Machine A'],
      [202, 'Machine B'],
    ]);
  });

  it('answers 404 naming an unknown machine given without a name', async () => {
    const { body } = await post({ name: 'x', machine_id: 555 }).expect(404);
    expect(body.message).toBe('machine 555 not found; send machine.name to register it');
    await stack.as(Role.Viewer).get('/simulations').expect(200, []);
  });

  it('answers 400 when machine_id and machine.machine_id disagree, or neither is given', async () => {
    const disagree = await post({
      name: 'x',
      machine_id: 101,
      machine: { machine_id: 102, name: 'B' },
    }).expect(400);
    expect(disagree.body.message).toBe('machine_id (101) and machine.machine_id (102) disagree');
    const neither = await post({ name: 'x' }).expect(400);
    expect(neither.body.message).toBe('machine_id or machine.machine_id is required');
  });

  it('answers 409 naming a taken simulation_id, and creates nothing', async () => {
    await post({ simulation_id: 7, name: 'first', machine_id: 101 }).expect(201);
    const { body } = await post({ simulation_id: 7, name: 'second', machine_id: 101 }).expect(409);
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'simulation 7 already exists',
    });
    const { headers } = await stack.as(Role.Viewer).get('/simulations').expect(200);
    expect(headers['x-total-count']).toBe('1');
  });

  it('never hands out a generated id that a client already chose', async () => {
    await post({ simulation_id: 1, name: 'chosen 1', machine_id: 101 }).expect(201);
    await post({ simulation_id: 3, name: 'chosen 3', machine_id: 101 }).expect(201);
    const generated = await post({ name: 'generated', machine_id: 101 }).expect(201);
    expect([1, 3]).not.toContain(generated.body.id);

    // Race generated ids against chosen ids just ahead of the generator: a
    // generated request always succeeds; a chosen id is refused only when a
    // generated one got there first; no id is handed out twice.
    const chosen = [5, 6, 7, 8, 9];
    const [chosenResults, generatedResults] = await Promise.all([
      Promise.all(
        chosen.map((id) => post({ simulation_id: id, name: `chosen ${id}`, machine_id: 101 })),
      ),
      Promise.all(
        Array.from({ length: 15 }, (_, i) => post({ name: `generated ${i}`, machine_id: 101 })),
      ),
    ]);
    expect(generatedResults.map((r) => r.status)).toEqual(generatedResults.map(() => 201));
    const generatedIds = generatedResults.map((r) => r.body.id);
    chosenResults.forEach((result, index) => {
      if (result.status === 409) expect(generatedIds).toContain(chosen[index]);
      else expect(result.body.id).toBe(chosen[index]);
    });
    const allIds = [
      ...generatedIds,
      ...chosenResults.filter((r) => r.status === 201).map((r) => r.body.id),
    ];
    expect(new Set(allIds).size).toBe(allIds.length);
    const { headers } = await stack.as(Role.Viewer).get('/simulations').expect(200);
    expect(Number(headers['x-total-count'])).toBe(allIds.length + 3);
  });

  it.each([
    [{ machine_id: 101 }, 'name is required'],
    [{ name: '', machine_id: 101 }, 'name must be 1 to 255 characters'],
    [{ name: '   ', machine_id: 101 }, 'name must not be blank'],
    [{ name: 'x'.repeat(256), machine_id: 101 }, 'name must be 1 to 255 characters'],
    [{ name: 42, machine_id: 101 }, 'name must be a string'],
    [{ name: 'x', machine_id: '101' }, 'machine_id must be an integer between 1 and 2147483647'],
    [{ name: 'x', machine_id: 0 }, 'machine_id must be an integer between 1 and 2147483647'],
    [{ name: 'x', machine_id: 2 ** 31 }, 'machine_id must be an integer between 1 and 2147483647'],
    [
      { name: 'x', machine_id: 101, simulation_id: 1.5 },
      'simulation_id must be an integer between 1 and 9007199254740991',
    ],
    [
      { name: 'x', machine_id: 101, simulation_id: 2 ** 53 },
      'simulation_id must be an integer between 1 and 9007199254740991',
    ],
    [
      { name: 'x', machine_id: 101, status: 'finished' },
      'status may only be "pending" (or left out): the server sets it',
    ],
    [
      { name: 'x', machine_id: 101, creation_date: 'yesterday' },
      'creation_date must be an ISO 8601 date',
    ],
    [{ name: 'x', machine_id: 101, colour: 'red' }, 'property colour should not exist'],
    [
      { name: 'x', machine: { machine_id: 101, colour: 'red' } },
      'property machine.colour should not exist',
    ],
    [
      { name: 'x', machine: { name: 'no id' } },
      'machine.machine_id must be an integer between 1 and 2147483647',
    ],
  ])('rejects %j with a 400 naming the problem', async (body, message) => {
    const response = await post(body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message });
  });

  it('records the emulation settings, defaults filled in and a seed drawn for a noisy curve', async () => {
    await post({ name: 'default', machine_id: 101 }).expect(201);
    expect((await stack.simulation(1)).emulation).toEqual({
      points: 10,
      span_seconds: 100,
      tick_ms: null,
      noise: 0,
      seed: 0,
      decimals: 3,
    });
    await post({
      name: 'noisy',
      machine_id: 101,
      emulation: { points: 1_000_000, span_seconds: 5.5, noise: 0.25, decimals: 6 },
    }).expect(201);
    const noisy = (await stack.simulation(2)).emulation;
    expect(noisy).toMatchObject({
      points: 1_000_000,
      span_seconds: 5.5,
      tick_ms: null,
      noise: 0.25,
    });
    expect(noisy.seed).toBeGreaterThan(0);
    await post({
      name: 'paced',
      machine_id: 101,
      emulation: { points: 100, tick_ms: 0, seed: 9 },
    }).expect(201);
    expect((await stack.simulation(3)).emulation).toMatchObject({ tick_ms: 0, seed: 9 });
  });

  it('takes the attempt budget as attempt_budget, or by its deprecated name max_attempts', async () => {
    await post({ simulation_id: 1, name: 'new name', machine_id: 101, attempt_budget: 5 }).expect(
      201,
    );
    await post({ simulation_id: 2, name: 'old name', machine_id: 101, max_attempts: 2 }).expect(
      201,
    );
    await post({
      simulation_id: 3,
      name: 'both',
      machine_id: 101,
      attempt_budget: 4,
      max_attempts: 4,
    }).expect(201);
    expect(await stack.simulation(1)).toMatchObject({
      attempt_budget: 5,
      final_attempt: 5,
      max_attempts: 5,
    });
    expect(await stack.simulation(2)).toMatchObject({
      attempt_budget: 2,
      final_attempt: 2,
      max_attempts: 2,
    });
    expect(await stack.simulation(3)).toMatchObject({ attempt_budget: 4, final_attempt: 4 });

    const { body } = await post({
      name: 'disagree',
      machine_id: 101,
      attempt_budget: 4,
      max_attempts: 2,
    }).expect(400);
    expect(body.message).toBe(
      'attempt_budget (4) and max_attempts (2, its deprecated name) disagree',
    );
    const tooMany = await post({ name: 'too many', machine_id: 101, attempt_budget: 11 }).expect(
      400,
    );
    expect(tooMany.body.message).toBe('attempt_budget must be an integer between 1 and 10');

    const document = (await stack.http.get('/docs-json').expect(200)).body;
    const { schemas } = document.components;
    expect(schemas.CreateSimulationDto.properties.max_attempts.deprecated).toBe(true);
    expect(schemas.SimulationResponse.properties.max_attempts.deprecated).toBe(true);
    expect(schemas.SimulationResponse.required).toEqual(
      expect.arrayContaining(['attempt_budget', 'final_attempt']),
    );
  });

  it('answers 400 naming each invalid emulation setting', async () => {
    const cases: Array<[unknown, string]> = [
      [{ points: 0 }, 'emulation.points must be an integer between 1 and 1000000'],
      [{ points: 1_000_001 }, 'emulation.points must be an integer between 1 and 1000000'],
      [{ points: 2.5 }, 'emulation.points must be an integer between 1 and 1000000'],
      [{ span_seconds: 0 }, 'emulation.span_seconds must be greater than 0'],
      [{ span_seconds: 'long' }, 'emulation.span_seconds must be a number'],
      [{ tick_ms: -1 }, 'emulation.tick_ms must be an integer between 0 and 60000'],
      [{ noise: 1.5 }, 'emulation.noise must be between 0 and 1'],
      [{ seed: -3 }, 'emulation.seed must be an integer between 0 and 2147483647'],
      [{ decimals: 13 }, 'emulation.decimals must be an integer between 0 and 12'],
      [{ colour: 'red' }, 'property emulation.colour should not exist'],
      [
        { points: 100_000, tick_ms: 1_000 },
        'emulation.points × emulation.tick_ms must not exceed 86400000 ms (24 hours); 100000 × 1000 is 100000000',
      ],
    ];
    for (const [emulation, message] of cases) {
      const { body } = await post({ name: 'bad', machine_id: 101, emulation }).expect(400);
      expect({ emulation, message: body.message }).toEqual({ emulation, message });
    }
    const notAnObject = await post({ name: 'bad', machine_id: 101, emulation: 'fast' }).expect(400);
    expect(notAnObject.body.message).toBe(
      'nested property emulation must be either object or array',
    );
    await stack.as(Role.Viewer).get('/simulations').expect(200, []);
  });

  it('accepts a name of exactly 255 characters', async () => {
    await post({ name: 'x'.repeat(255), machine_id: 101 }).expect(201);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await stack
      .as(Role.Operator)
      .post('/simulation')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const response = await post({
      name: 'x',
      machine_id: 101,
      padding: 'y'.repeat(1024 * 1024),
    }).expect(413);
    expect(response.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body is larger than the 1 MiB limit',
    });
  });

  it.each(['gzip', 'deflate', 'br'])(
    'answers 400 for a body that is not %s as its Content-Encoding says, and reads one that is',
    async (encoding) => {
      const body = JSON.stringify({ name: 'compressed', machine_id: 101 });
      const response = await stack
        .as(Role.Operator)
        .post('/simulation')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(body)
        .expect(400);
      expect(response.body.message).toBe(
        'request body is not valid for its Content-Encoding (gzip, deflate or br)',
      );
      const zlib = await import('node:zlib');
      const packed = {
        gzip: zlib.gzipSync,
        deflate: zlib.deflateSync,
        br: zlib.brotliCompressSync,
      }[encoding]!(Buffer.from(body));
      // Read like any body.
      const read = await fetch(`${await stack.listen()}/simulation`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${stack.token(Role.Operator)}`,
          'Content-Type': 'application/json',
          'Content-Encoding': encoding,
        },
        body: packed,
      });
      expect(read.status).toBe(201);
      const { id } = (await read.json()) as { id: number };
      const { body: created } = await stack.as(Role.Viewer).get(`/simulation/${id}`).expect(200);
      expect(created.name).toBe('compressed');
    },
  );

  describe('a body whose shape no route could want: 400 naming the problem, before validation', () => {
    const raw = (text: string) =>
      stack
        .as(Role.Operator)
        .post('/simulation')
        .set('Content-Type', 'application/json')
        .send(text);

    it.each([
      [
        'nested 5,000 levels deep',
        '{"name":"deep","machine_id":101,"emulation":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
        'request body is nested deeper than 16 levels at $.emulation' + '[0]'.repeat(15),
      ],
      [
        'an array of 1,001 items',
        JSON.stringify({ name: 'wide', machine_id: 101, tags: Array(1001).fill(0) }),
        'request body has an array of 1001 items at $.tags; at most 1000',
      ],
      [
        'an object of 257 fields',
        JSON.stringify({
          name: 'wide',
          machine: Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`f${i}`, i])),
        }),
        'request body has an object of 257 fields at $.machine; at most 256',
      ],
      [
        'a __proto__ key',
        '{"name":"polluted","machine_id":101,"__proto__":{"isAdmin":true}}',
        'request body may not have a field named "__proto__" (at $.__proto__)',
      ],
      [
        'a constructor key, nested',
        '{"name":"polluted","machine":{"machine_id":101,"constructor":{"prototype":{}}}}',
        'request body may not have a field named "constructor" (at $.machine.constructor)',
      ],
      [
        'a prototype key with an odd name around it',
        '{"name":"polluted","machine":{"a b":{"prototype":1}}}',
        'request body may not have a field named "prototype" (at $.machine["a b"].prototype)',
      ],
    ])('%s', async (_what, body, message) => {
      const response = await raw(body).expect(400);
      expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
      // Nothing was created, and the API answers the next request as before.
      await stack.as(Role.Viewer).get('/simulations').expect(200, []);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('takes an ordinary body as before', async () => {
      await raw(JSON.stringify({ name: 'ok', machine_id: 101 })).expect(201);
    });
  });
});
