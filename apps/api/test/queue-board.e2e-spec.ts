import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

describe('the queue dashboard at /admin/queues', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    // A machine with a queued run, so the dashboard has a queue to list.
    await stack
      .as(Role.Operator)
      .post('/simulation', { name: 'queued', machine: { machine_id: 5, name: 'Five' } })
      .expect(201);
  });
  afterAll(() => stack.close());

  const bearer = (role: Role) => `Bearer ${stack.token(role)}`;

  it('refuses anyone but an admin', async () => {
    const api = await stack.http.get('/admin/queues/api/queues').expect(401);
    expect(api.body.message).toMatch(/admin token/);
    for (const role of [Role.Viewer, Role.Operator]) {
      const refused = await stack.http
        .get('/admin/queues/api/queues')
        .set('Authorization', bearer(role))
        .expect(403);
      expect(refused.body.message).toBe('the queue dashboard is for admins only');
    }
    await stack.http
      .get('/admin/queues/api/queues')
      .set('Authorization', 'Bearer forged.token.x')
      .expect(401);
    // A browser without a session is sent to sign in; its assets are refused as well.
    const page = await stack.http.get('/admin/queues').set('Accept', 'text/html').expect(302);
    expect(page.headers.location).toBe('/admin/login');
    await stack.http.get('/admin/queues/static/js/main.f10757109b.js').expect(401);
  });

  it('shows every machine queue to an admin with a bearer token', async () => {
    const { body } = await stack.http
      .get('/admin/queues/api/queues')
      .set('Authorization', bearer(Role.Admin))
      .expect(200);
    expect(body.queues.map((queue: { name: string }) => queue.name)).toContain(
      'simulations.machine-5',
    );
  });

  it('lets a browser sign in with an admin token into an HttpOnly cookie for /admin only', async () => {
    const login = await stack.http.get('/admin/login').expect(200);
    expect(login.headers['content-type']).toMatch(/^text\/html/);
    expect(login.text).toContain('<script src="/admin/login.js"></script>');
    await stack.http
      .get('/admin/login.js')
      .expect(200)
      .expect('Content-Type', /javascript/);

    await stack.http.post('/admin/session').set('Authorization', bearer(Role.Operator)).expect(403);
    const session = await stack.http
      .post('/admin/session')
      .set('Authorization', bearer(Role.Admin))
      .expect(204);
    const cookie = session.headers['set-cookie'][0] as string;
    expect(cookie).toMatch(/^aisim_admin_session=ey[\w-]+\.[\w-]+\.[\w-]+; /);
    expect(cookie).toMatch(/; Path=\/admin; /);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(500); // the token's 600 s

    const pair = cookie.split(';')[0];
    const page = await stack.http
      .get('/admin/queues')
      .set('Cookie', pair)
      .set('Accept', 'text/html')
      .expect(200);
    expect(page.text).toContain('AISimulation queues');
    await stack.http.get('/admin/queues/api/queues').set('Cookie', pair).expect(200);
    // The cookie opens the dashboard only, never the API.
    await stack.http.get('/simulations').set('Cookie', pair).expect(401);
    // An operator's token in the cookie is still an operator's.
    const operatorPair = `aisim_admin_session=${stack.token(Role.Operator)}`;
    await stack.http.get('/admin/queues/api/queues').set('Cookie', operatorPair).expect(403);

    const closed = await stack.http.delete('/admin/session').expect(204);
    expect(closed.headers['set-cookie'][0]).toMatch(
      /^aisim_admin_session=; Path=\/admin; Expires=Thu, 01 Jan 1970/,
    );
  });
});
