import { seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

/** Inputs found answered wrongly when the API was probed as an attacker would (issue 29). */
describe('input at the edges: each refused with the 4xx that names it', () => {
  let stack: E2eStack;
  const operator = () => stack.as(Role.Operator);

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
  });

  afterAll(() => stack.close());

  it('refuses a NUL character in any text of a body before Postgres sees it, naming where', async () => {
    const name = await operator()
      .post('/simulation', { name: 'a\u0000b', machine_id: 101 })
      .expect(400);
    expect(name.body.message).toBe(
      'request body has a NUL character (\\u0000) in the text at $.name; text may not hold it',
    );
    const nested = await operator()
      .post('/simulation', { name: 'ok', machine: { machine_id: 7, name: '\u0000' } })
      .expect(400);
    expect(nested.body.message).toContain('at $.machine.name');
    const client = await stack.http
      .post('/auth/token')
      .send({ client_id: 'svc\u0000', client_secret: 'x'.repeat(40) })
      .expect(400);
    expect(client.body.message).toContain('at $.client_id');
    const key = await operator()
      .post('/simulation', { name: 'ok', machine_id: 101, ['a\u0000']: 1 })
      .expect(400);
    expect(key.body.message).toContain('in a field name at $');
    expect(await stack.db.query(`SELECT count(*)::int AS n FROM simulations`)).toEqual([{ n: 0 }]);
  });

  it('answers 415 for a body sent without Content-Type, or as anything but JSON', async () => {
    const body = JSON.stringify({ name: 'run', machine_id: 101 });
    const none = await operator().post('/simulation').unset('Content-Type').send(Buffer.from(body));
    expect(none.status).toBe(415);
    expect(none.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Content-Type must be application/json; none was sent',
    });
    const text = await operator().post('/simulation').type('text/plain').send(body).expect(415);
    expect(text.body.message).toBe(
      'Content-Type must be application/json; this body was sent as another type',
    );
    const form = await stack.http
      .post('/auth/token')
      .type('form')
      .send({ client_id: 'svc', client_secret: 'x' })
      .expect(415);
    expect(form.body.message).toMatch(/^Content-Type must be application\/json/);
    // A POST without a body needs no Content-Type.
    const created = await operator().post('/simulation', { name: 'run', machine_id: 101 });
    await operator().post(`/simulation/${created.body.id}/cancel`).expect(200);
  });

  it.each([
    ['null', 'null'],
    ['[]', 'an array'],
    ['3', 'a number'],
    ['"text"', 'a string'],
    ['true', 'a boolean'],
  ])('calls a body of %s what it is, not invalid JSON', async (body, what) => {
    const answer = await operator()
      .post('/simulation')
      .type('application/json')
      .send(body)
      .expect(400);
    expect(answer.body.message).toBe(`request body must be a JSON object, not ${what}`);
  });

  it.each(['1e3', '00001', '+1', '%201', '1%20', '0x1', '1.0', '-1'])(
    'parses path ids strictly: /simulation/%s is a 400, not some simulation',
    async (id) => {
      await operator().post('/simulation', { simulation_id: 1, name: 'one', machine_id: 101 });
      await operator().post('/simulation', { simulation_id: 1000, name: 'k', machine_id: 101 });
      const message = 'simulation_id must be an integer between 1 and 9007199254740991';
      for (const path of [`/simulation/${id}`, `/simulations/${id}`, `/converge/${id}`]) {
        const answer = await stack.as(Role.Viewer).get(path);
        expect([path, answer.status, answer.body.message]).toEqual([path, 400, message]);
      }
      const cancel = await operator().post(`/simulation/${id}/cancel`);
      expect([cancel.status, cancel.body.message]).toEqual([400, message]);
      const drain = await stack.as(Role.Admin).post(`/machine/${id}/drain`);
      expect([drain.status, drain.body.message]).toEqual([
        400,
        'machine_id must be an integer between 1 and 2147483647',
      ]);
    },
  );

  it.each([
    ['a string', 'x'],
    ['an object', { name: 'run', machine_id: 101 }],
    ['a number', 5],
    ['null', null],
  ])('says a batch whose simulations is %s must be an array', async (_, simulations) => {
    const answer = await operator().post('/simulations/batch', { simulations }).expect(400);
    expect(answer.body.message).toBe(
      simulations === null ? 'simulations is required' : 'simulations must be an array',
    );
  });

  it('serves a favicon, so a browser opening the API gets no 404', async () => {
    const icon = await stack.http.get('/favicon.ico').expect(200);
    expect(icon.headers['content-type']).toBe('image/x-icon');
    // An ICO file: reserved 0, type 1, at least one image.
    const bytes = icon.body as Buffer;
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
  });
});
