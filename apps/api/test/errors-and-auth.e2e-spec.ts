import { JwtService } from '@nestjs/jwt';
import { Role } from '@app/auth';
import { E2eStack, TEST_JWT_SECRET } from '../../../test/e2e-stack';

describe('authentication, roles and error bodies', () => {
  let stack: E2eStack;
  const sign = (payload: object, options: Record<string, unknown> = {}, secret = TEST_JWT_SECRET) =>
    new JwtService().sign(payload, {
      secret,
      algorithm: 'HS256',
      // jsonwebtoken refuses undefined option values: drop them.
      ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    });
  const valid: Record<string, unknown> = {
    issuer: 'aisimulation',
    audience: 'aisimulation-api',
    expiresIn: 600,
    keyid: 'primary',
  };

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

  const now = () => Math.floor(Date.now() / 1000);
  const tamper = (token: string) => {
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({
        role: 'admin',
        iss: 'aisimulation',
        aud: 'aisimulation-api',
        exp: now() + 600,
      }),
    ).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };

  // Each token differs from a valid one in exactly one way, so each case proves its own check.
  it.each([
    ['a malformed token', () => 'not-a-jwt', 'invalid token: jwt malformed'],
    [
      'a token signed with another secret',
      () => sign({ role: 'admin' }, valid, 'another-secret-another-secret-another'),
      'invalid token: invalid signature',
    ],
    [
      'a tampered payload (viewer raised to admin)',
      () => tamper(sign({ role: 'viewer' }, valid)),
      'invalid token: invalid signature',
    ],
    [
      'an expired token',
      () => sign({ role: 'admin', exp: now() - 10 }, { ...valid, expiresIn: undefined }),
      'token expired',
    ],
    [
      'a token not valid yet (nbf)',
      () => sign({ role: 'admin' }, { ...valid, notBefore: 300 }),
      'token not yet valid',
    ],
    [
      'a token without exp',
      () => sign({ role: 'admin' }, { ...valid, expiresIn: undefined }),
      'token has no expiry (exp)',
    ],
    [
      'a token from another issuer',
      () => sign({ role: 'admin' }, { ...valid, issuer: 'someone-else' }),
      'invalid token: jwt issuer invalid',
    ],
    [
      'a token for another audience',
      () => sign({ role: 'admin' }, { ...valid, audience: 'another-api' }),
      'invalid token: jwt audience invalid',
    ],
    [
      'a token signed with HS384 and the same secret',
      () => sign({ role: 'admin' }, { ...valid, algorithm: 'HS384' }),
      'invalid token: invalid algorithm',
    ],
    [
      'a token signed with HS512 and the same secret',
      () => sign({ role: 'admin' }, { ...valid, algorithm: 'HS512' }),
      'invalid token: invalid algorithm',
    ],
    [
      'an unsigned token (alg none)',
      () =>
        unsignedToken({
          role: 'admin',
          iss: 'aisimulation',
          aud: 'aisimulation-api',
          exp: now() + 600,
        }),
      'invalid token: token has no key id (kid)',
    ],
    [
      'an unsigned token (alg none) naming the current key',
      () =>
        unsignedToken(
          { role: 'admin', iss: 'aisimulation', aud: 'aisimulation-api', exp: now() + 600 },
          'primary',
        ),
      'invalid token: jwt signature is required',
    ],
    [
      'a token naming an unknown key (kid)',
      () => sign({ role: 'admin' }, { ...valid, keyid: 'not-a-key' }),
      'invalid token: unknown or retired key id (kid)',
    ],
    [
      'a token without a key id (kid)',
      () => sign({ role: 'admin' }, { ...valid, keyid: undefined }),
      'invalid token: token has no key id (kid)',
    ],
    [
      'a token with an unknown role',
      () => sign({ role: 'superuser' }, valid),
      'token has no valid role claim',
    ],
    ['a token without a role', () => sign({}, valid), 'token has no valid role claim'],
  ])('answers 401 for %s', async (_, token, message) => {
    const { body } = await stack.http
      .get('/machines')
      .set('Authorization', `Bearer ${token()}`)
      .expect(401);
    expect(body).toEqual({ statusCode: 401, error: 'Unauthorized', message });
  });

  it('accepts the valid token the attacks above are each one change away from', async () => {
    await stack.http
      .get('/machines')
      .set('Authorization', `Bearer ${sign({ role: 'viewer' }, valid)}`)
      .expect(200);
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
    '/simulation/9007199254740992',
    '/simulation/99999999999999999999',
    '/converge/abc',
  ])('answers 400 for the non-integer or out-of-range id in %s', async (path) => {
    const { body } = await stack.as(Role.Viewer).get(path).expect(400);
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'simulation_id must be an integer between 1 and 9007199254740991',
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

function unsignedToken(payload: object, kid?: string): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) })}.${encode(payload)}.`;
}
