import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { Role, signAccessToken, resolveJwtSettings } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

describe('service accounts: API clients and POST /auth/token', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  beforeEach(() => stack.reset());
  afterAll(() => stack.close());

  const admin = () => stack.as(Role.Admin, 'e2e-admin');

  async function createClient(role: Role, name = `${role} client`) {
    const { body } = await admin().post('/auth/clients', { name, role }).expect(201);
    return body as { client_id: string; client_secret: string; role: string };
  }

  async function tokenFor(clientId: string, secret: string) {
    return stack.http.post('/auth/token').send({ client_id: clientId, client_secret: secret });
  }

  it('refuses a NUL character in a credential with a 400 naming it (the fuzzer found a 500)', async () => {
    const refused = await tokenFor('\u0000', 'whatever-secret');
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe(
      'request body has a NUL character (\\u0000) in the text at $.client_id; text may not hold it',
    );
  });

  it('creates a client whose secret is shown once and stored only as a slow salted hash', async () => {
    const created = await createClient(Role.Operator, 'nightly');
    expect(created).toMatchObject({
      client_id: expect.stringMatching(/^cl_[0-9a-f]{24}$/),
      client_secret: expect.stringMatching(/^[\w-]{43}$/),
      name: 'nightly',
      role: 'operator',
      created_by: 'e2e-admin',
      disabled: false,
      last_used_at: null,
    });
    const [{ secret_hash }] = await stack.db.query(
      `SELECT secret_hash FROM api_clients WHERE client_id = $1`,
      [created.client_id],
    );
    expect(secret_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(secret_hash).not.toContain(created.client_secret);

    const { body: listed } = await admin().get('/auth/clients').expect(200);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.client_secret);
    expect(listed[0]).not.toHaveProperty('client_secret');
  });

  it('exchanges credentials for a 1 h token with sub, role, iss, aud, iat, exp, jti and kid, which the API accepts', async () => {
    const client = await createClient(Role.Operator);
    const { body, status } = await tokenFor(client.client_id, client.client_secret);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const decoded = new JwtService().decode(body.access_token, { complete: true }) as {
      header: Record<string, unknown>;
      payload: Record<string, unknown>;
    };
    expect(decoded.header).toMatchObject({ alg: 'HS256', kid: 'primary' });
    expect(decoded.payload).toMatchObject({
      sub: client.client_id,
      role: 'operator',
      client_id: client.client_id,
      iss: 'aisimulation',
      aud: 'aisimulation-api',
      jti: expect.any(String),
    });
    expect((decoded.payload.exp as number) - (decoded.payload.iat as number)).toBe(3600);

    const created = await stack.http
      .post('/simulation')
      .set('Authorization', `Bearer ${body.access_token}`)
      .send({ name: 'by a client', machine: { machine_id: 101, name: 'A' } })
      .expect(201);
    const [{ created_by }] = await stack.db.query(
      `SELECT created_by FROM simulations WHERE simulation_id = $1`,
      [created.body.id],
    );
    expect(created_by).toBe(client.client_id);
    const { body: listed } = await admin().get('/auth/clients').expect(200);
    expect(listed[0].last_used_at).not.toBeNull();
  });

  it('answers one 401 for an unknown client, a wrong secret and a disabled client', async () => {
    const client = await createClient(Role.Viewer);
    const answers = [
      await tokenFor('cl_000000000000000000000000', client.client_secret),
      await tokenFor(client.client_id, `${client.client_secret}x`),
    ];
    await admin().post(`/auth/clients/${client.client_id}/disable`).expect(200);
    answers.push(await tokenFor(client.client_id, client.client_secret));
    for (const answer of answers) {
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'invalid client credentials' },
      });
    }
    const invalid = await stack.http.post('/auth/token').send({ client_id: 'x' }).expect(400);
    expect(invalid.body.message).toBe('client_secret is required');
  });

  it("stops a disabled or deleted client's tokens at once, and starts them again when re-enabled", async () => {
    const client = await createClient(Role.Viewer);
    const token = (await tokenFor(client.client_id, client.client_secret)).body.access_token;
    const get = () => stack.http.get('/simulations').set('Authorization', `Bearer ${token}`);
    await get().expect(200);

    await admin().post(`/auth/clients/${client.client_id}/disable`).expect(200);
    expect((await get().expect(401)).body.message).toBe('this client is disabled or deleted');
    await admin().post(`/auth/clients/${client.client_id}/enable`).expect(200);
    await get().expect(200);

    await admin().delete(`/auth/clients/${client.client_id}`).expect(204);
    await get().expect(401);
    await admin().delete(`/auth/clients/${client.client_id}`).expect(404);
  });

  it('lets only admins manage clients, and refuses bad input by name', async () => {
    await stack.as(Role.Operator).post('/auth/clients', { name: 'x', role: 'viewer' }).expect(403);
    await stack.as(Role.Operator).get('/auth/clients').expect(403);
    await stack.http.get('/auth/clients').expect(401);
    const bad = await admin().post('/auth/clients', { name: 'x', role: 'root' }).expect(400);
    expect(bad.body.message).toBe('role must be one of: viewer, operator, admin');
    const badId = await admin().post('/auth/clients/drop%20table/disable').expect(400);
    expect(badId.body.message).toBe(
      'client_id must be 1 to 64 letters, digits, dots, underscores or dashes',
    );
  });

  // The last two tests boot apps of their own; passport keeps the strategy of the last app
  // made, so they come last in this file.
  it('creates the bootstrap admin from the environment at first start, and never changes it after', async () => {
    const secret = 'b'.repeat(40);
    const env = {
      ...stack.env,
      BOOTSTRAP_ADMIN_CLIENT_ID: 'first-admin',
      BOOTSTRAP_ADMIN_CLIENT_SECRET: secret,
    };
    const app = await stack.createApi(env);
    try {
      const http = request(app.getHttpServer());
      const { body } = await http
        .post('/auth/token')
        .send({ client_id: 'first-admin', client_secret: secret })
        .expect(200);
      await http
        .post('/auth/clients')
        .set('Authorization', `Bearer ${body.access_token}`)
        .send({ name: 'made by the first admin', role: 'viewer' })
        .expect(201);
    } finally {
      await app.close();
    }
    // A restart with another secret does not overwrite the existing client.
    const again = await stack.createApi({ ...env, BOOTSTRAP_ADMIN_CLIENT_SECRET: 'c'.repeat(40) });
    try {
      await request(again.getHttpServer())
        .post('/auth/token')
        .send({ client_id: 'first-admin', client_secret: 'c'.repeat(40) })
        .expect(401);
    } finally {
      await again.close();
    }
  });

  it('accepts tokens of a rotated-out key until its window ends, and never an unknown kid', async () => {
    const oldSecret = 'o'.repeat(40);
    const newSecret = 'n'.repeat(40);
    const base = { ...stack.env, JWT_SECRET: newSecret, JWT_KEY_ID: 'k2' };
    const oldToken = signAccessToken(
      resolveJwtSettings({ ...stack.env, JWT_SECRET: oldSecret, JWT_KEY_ID: 'k1' }),
      { role: Role.Viewer, subject: 'old-key', ttlSeconds: 600 },
    );
    const withWindow = async (until: string) => {
      return stack.createApi({
        ...base,
        JWT_PREVIOUS_KEYS: JSON.stringify([{ kid: 'k1', secret: oldSecret, until }]),
      });
    };
    // One app at a time: passport keeps one 'jwt' strategy per process, the last one made.
    const open = await withWindow(new Date(Date.now() + 3_600_000).toISOString());
    try {
      await request(open.getHttpServer())
        .get('/simulations')
        .set('Authorization', `Bearer ${oldToken}`)
        .expect(200);
    } finally {
      await open.close();
    }
    const closed = await withWindow(new Date(Date.now() - 1_000).toISOString());
    try {
      const refused = await request(closed.getHttpServer())
        .get('/simulations')
        .set('Authorization', `Bearer ${oldToken}`)
        .expect(401);
      expect(refused.body.message).toBe('invalid token: unknown or retired key id (kid)');
      const unknownKid = signAccessToken(
        resolveJwtSettings({ ...stack.env, JWT_SECRET: newSecret, JWT_KEY_ID: 'k9' }),
        { role: Role.Viewer, subject: 'forged-kid', ttlSeconds: 600 },
      );
      await request(closed.getHttpServer())
        .get('/simulations')
        .set('Authorization', `Bearer ${unknownKid}`)
        .expect(401);
    } finally {
      await closed.close();
    }
  });
});
