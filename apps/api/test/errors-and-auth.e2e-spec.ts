import { JwtService } from '@nestjs/jwt';
import { Role } from '../src/auth/role';
import { E2eStack, TEST_JWT_SECRET } from '../../../test/e2e-stack';

describe('authentication, roles and error bodies', () => {
  let stack: E2eStack;
  const sign = (payload: object, options: object = {}, secret = TEST_JWT_SECRET) =>
    new JwtService().sign(payload, { secret, algorithm: 'HS256', ...options });
  const valid = { issuer: 'aisimulation', audience: 'aisimulation-api', expiresIn: 600 };

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
  });

  afterAll(() => stack.close());

  it('answers 401 with a JSON body when no token is sent', async () => {
    const { body } = await stack.http.get('/simulations').expect(401);
    expect(body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'missing bearer token: send Authorization: Bearer <token>',
    });
  });

  it.each([
    ['a malformed token', () => 'not-a-jwt'],
    [
      'a token signed with another secret',
      () => sign({ role: 'admin' }, valid, 'another-secret-another-secret-another'),
    ],
    [
      'an expired token',
      () =>
        sign(
          { role: 'admin', exp: Math.floor(Date.now() / 1000) - 10 },
          { issuer: 'aisimulation', audience: 'aisimulation-api' },
        ),
    ],
    [
      'a token without exp',
      () => sign({ role: 'admin' }, { issuer: 'aisimulation', audience: 'aisimulation-api' }),
    ],
    [
      'a token from another issuer',
      () => sign({ role: 'admin' }, { ...valid, issuer: 'someone-else' }),
    ],
    [
      'a token for another audience',
      () => sign({ role: 'admin' }, { ...valid, audience: 'another-api' }),
    ],
    ['a token signed with HS512', () => sign({ role: 'admin' }, { ...valid, algorithm: 'HS512' })],
    [
      'an unsigned token (alg none)',
      () =>
        unsignedToken({
          role: 'admin',
          iss: 'aisimulation',
          aud: 'aisimulation-api',
          exp: Math.floor(Date.now() / 1000) + 600,
        }),
    ],
    ['a token with an unknown role', () => sign({ role: 'superuser' }, valid)],
    ['a token without a role', () => sign({}, valid)],
  ])('answers 401 for %s', async (_, token) => {
    const { body } = await stack.http
      .get('/machines')
      .set('Authorization', `Bearer ${token()}`)
      .expect(401);
    expect(body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it.each([
    [Role.Viewer, 200, 403],
    [Role.Operator, 200, 201],
    [Role.Admin, 200, 201],
  ])('lets %s read (%i) and create (%i)', async (role, readStatus, createStatus) => {
    await stack.as(role).get('/simulations').expect(readStatus);
    await stack.as(role).get('/machines').expect(readStatus);
    const created = await stack
      .as(role)
      .post('/simulation', { name: `by ${role}`, machine: { machine_id: 101, name: 'A' } })
      .expect(createStatus);
    if (createStatus === 403) {
      expect(created.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'requires the operator role; this token has viewer',
      });
    }
  });

  it('answers an unknown route with a JSON 404', async () => {
    const { body } = await stack.as(Role.Viewer).get('/no/such/route').expect(404);
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /no/such/route',
    });
  });

  it.each([
    '/simulation/abc',
    '/simulation/0',
    '/simulation/-1',
    '/simulation/1.5',
    '/simulation/99999999999',
    '/converge/abc',
  ])('answers 400 for the non-integer or out-of-range id in %s', async (path) => {
    const { body } = await stack.as(Role.Viewer).get(path).expect(400);
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'simulation_id must be an integer between 1 and 2147483647',
    });
  });

  it('answers 404 naming an unknown simulation', async () => {
    const { body } = await stack.as(Role.Viewer).get('/simulation/424242').expect(404);
    expect(body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'simulation 424242 not found',
    });
  });

  it('keeps health and the API docs public, and hides the framework', async () => {
    const health = await stack.http.get('/health').expect(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    expect(health.headers['x-powered-by']).toBeUndefined();
    await stack.http.get('/docs').expect(200);
  });
});

function unsignedToken(payload: object): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
