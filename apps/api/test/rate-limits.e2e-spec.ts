import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

// Each test boots an API of its own with small budgets; passport keeps the
// strategy of the last app made, so the shared stack's API is not used here.
describe('rate limits: per address, per client, strict on /auth/token', () => {
  let stack: E2eStack;
  let app: NestExpressApplication | undefined;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  beforeEach(() => stack.reset());
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => stack.close());

  async function boot(limits: Record<string, string>) {
    app = await stack.createApi(limits);
    return request(app.getHttpServer());
  }

  const bearer = (role: Role, subject?: string) => `Bearer ${stack.token(role, 600, subject)}`;

  it('gives each client its own budget: 429 with Retry-After once it is spent', async () => {
    const http = await boot({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '5' });
    for (let i = 0; i < 5; i++) {
      await http.get('/simulations').set('Authorization', bearer(Role.Viewer, 'busy')).expect(200);
    }
    const refused = await http
      .get('/machines')
      .set('Authorization', bearer(Role.Viewer, 'busy'))
      .expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `too many requests for this client: at most 5 per 60 s; retry in ${retryAfter} s`,
    });
    await http.get('/simulations').set('Authorization', bearer(Role.Viewer, 'quiet')).expect(200);
  });

  it('says on every metered answer how much of its tightest budget is left (RateLimit headers)', async () => {
    const http = await boot({
      RATE_LIMIT_PER_CLIENT_PER_MINUTE: '4',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100',
    });
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        await http.get('/machines').set('Authorization', bearer(Role.Viewer, 'metered')),
      );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 429]);
    for (const answer of answers)
      expect(answer.headers['ratelimit-policy']).toBe('"client";q=4;w=60');
    expect(
      answers.map((answer) => /^"client";r=(\d+);t=\d+$/.exec(answer.headers.ratelimit)?.[1]),
    ).toEqual(['3', '2', '1', '0', '0']);
    // The library's per-budget X-RateLimit-* headers are gone.
    expect(
      Object.keys(answers[0].headers).filter((name) => name.startsWith('x-ratelimit')),
    ).toEqual([]);
    // An unauthenticated request is charged to its address alone.
    const anonymous = await http.get('/machines').expect(401);
    expect(anonymous.headers['ratelimit-policy']).toBe('"ip";q=100;w=60');
    // Probes and scrapes are not metered.
    const health = await http.get('/health/live').expect(200);
    expect(health.headers.ratelimit).toBeUndefined();
  });

  it('counts every request from an address, failed authentications included', async () => {
    const http = await boot({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '8' });
    for (let i = 0; i < 8; i++) await http.get('/simulations').expect(401);
    const refused = await http
      .get('/simulations')
      .set('Authorization', bearer(Role.Viewer))
      .expect(429);
    expect(refused.body.message).toMatch(
      /^too many requests from this address: at most 8 per 60 s/,
    );
    expect(refused.headers['retry-after']).toBeDefined();
    await http.get('/health').expect((response) => expect(response.status).not.toBe(429));
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy, then counts each client address', async () => {
    const spend = async (http: Awaited<ReturnType<typeof boot>>, from: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await http.get('/simulations').set('X-Forwarded-For', from)).status);
      }
      return statuses;
    };
    // No trusted proxy: a client cannot buy a fresh budget by naming another address.
    let http = await boot({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '2' });
    expect(await spend(http, '203.0.113.1')).toEqual([401, 401, 429]);
    expect(await spend(http, '203.0.113.2')).toEqual([429, 429, 429]);
    await app!.close();

    // Behind one trusted proxy (here, the test itself on loopback): each client its own budget.
    await stack.reset();
    http = await boot({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    expect(await spend(http, '203.0.113.1')).toEqual([401, 401, 429]);
    expect(await spend(http, '203.0.113.2')).toEqual([401, 401, 429]);
  });

  it('allows only a few token requests a minute from one address', async () => {
    const http = await boot({ RATE_LIMIT_TOKEN_PER_MINUTE: '3' });
    const guess = () =>
      http.post('/auth/token').send({ client_id: 'cl_guess', client_secret: 'wrong' });
    for (let i = 0; i < 3; i++) expect((await guess()).status).toBe(401);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(
      /^too many requests for token requests from this address: at most 3 per 60 s/,
    );
    // Other routes keep the ordinary budget.
    await http.get('/simulations').set('Authorization', bearer(Role.Viewer)).expect(200);
  });

  it('caps the pending simulations of one client, even under a burst of concurrent creations', async () => {
    const http = await boot({ MAX_PENDING_PER_CLIENT: '3' });
    const create = (subject: string) =>
      http
        .post('/simulation')
        .set('Authorization', bearer(Role.Operator, subject))
        .send({ name: 'queued', machine: { machine_id: 101, name: 'A' } });
    const answers = await Promise.all(Array.from({ length: 24 }, () => create('bursty')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(21);
    expect(answers.find((answer) => answer.status === 429)?.body.message).toBe(
      'this client already has 3 pending simulations, the most it may have; wait for some to start, or cancel some',
    );
    await create('someone-else').expect(201);
    const [{ n }] = await stack.db.query(
      `SELECT count(*)::int AS n FROM simulations WHERE created_by = 'bursty'`,
    );
    expect(n).toBe(3);
  });

  it('lets requests through, uncounted, while Redis is unreachable', async () => {
    const http = await boot({
      REDIS_URL: 'redis://127.0.0.1:1/0',
      RATE_LIMIT_PER_CLIENT_PER_MINUTE: '2',
    });
    for (let i = 0; i < 4; i++) {
      await http.get('/simulations').set('Authorization', bearer(Role.Viewer)).expect(200);
    }
  });
});
