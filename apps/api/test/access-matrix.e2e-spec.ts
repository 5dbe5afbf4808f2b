import { Role, roleSatisfies } from '@app/auth';
import { servedRoutes } from '../../../test/app-routes';
import { E2eStack } from '../../../test/e2e-stack';

/**
 * The access policy, written once more by hand: the least role each route
 * needs ('public' for none). The app's routes are read from the running
 * server, so a route added without a line here fails the first test, and a
 * route whose decorator disagrees with this table fails the matrix.
 */
const POLICY: Record<string, Role | 'public'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'GET /': 'public',
  'GET /assets/:file': 'public',
  'GET /favicon.ico': 'public',
  'GET /admin/login': 'public',
  'GET /admin/login.js': 'public',
  'POST /admin/session': Role.Admin,
  'DELETE /admin/session': 'public',
  'POST /auth/token': 'public',
  'GET /simulations': Role.Viewer,
  'GET /simulation/:simulation_id': Role.Viewer,
  'GET /simulations/:simulation_id': Role.Viewer,
  'POST /simulation': Role.Operator,
  'POST /simulations/batch': Role.Operator,
  'POST /simulation/:simulation_id/cancel': Role.Operator,
  'POST /simulation/:simulation_id/retry': Role.Operator,
  'GET /simulation/:simulation_id/logs': Role.Viewer,
  'GET /simulation/:simulation_id/logs/stream': Role.Viewer,
  'GET /simulation/:simulation_id/metrics': Role.Viewer,
  'GET /simulation/:simulation_id/metrics/:metric': Role.Viewer,
  'GET /simulation/:simulation_id/metrics/:metric/stream': Role.Viewer,
  'POST /simulation/:simulation_id/start': Role.Run,
  'POST /simulation/:simulation_id/metrics': Role.Run,
  'POST /simulation/:simulation_id/heartbeat': Role.Run,
  'POST /simulation/:simulation_id/end': Role.Run,
  'GET /compare': Role.Viewer,
  'PATCH /simulation/:simulation_id/tags': Role.Operator,
  'GET /machines': Role.Viewer,
  'GET /machine/:machine_id': Role.Viewer,
  'POST /machines': Role.Admin,
  'POST /machine/:machine_id/drain': Role.Admin,
  'POST /machine/:machine_id/undrain': Role.Admin,
  'DELETE /machine/:machine_id': Role.Admin,
  'GET /converge/:simulation_id': Role.Viewer,
  'GET /converge/:simulation_id/stream': Role.Viewer,
  'GET /auth/clients': Role.Admin,
  'POST /auth/clients': Role.Admin,
  'POST /auth/clients/:client_id/disable': Role.Admin,
  'POST /auth/clients/:client_id/enable': Role.Admin,
  'DELETE /auth/clients/:client_id': Role.Admin,
  'POST /api/2.0/mlflow/experiments/create': Role.Operator,
  'GET /api/2.0/mlflow/experiments/get': Role.Viewer,
  'GET /api/2.0/mlflow/experiments/get-by-name': Role.Viewer,
  'POST /api/2.0/mlflow/experiments/search': Role.Viewer,
  'GET /api/2.0/mlflow/experiments/search': Role.Viewer,
  'POST /api/2.0/mlflow/runs/create': Role.Operator,
  'GET /api/2.0/mlflow/runs/get': Role.Viewer,
  'POST /api/2.0/mlflow/runs/update': Role.Operator,
  'POST /api/2.0/mlflow/runs/search': Role.Viewer,
  'POST /api/2.0/mlflow/runs/log-batch': Role.Operator,
  'POST /api/2.0/mlflow/runs/log-metric': Role.Operator,
  'POST /api/2.0/mlflow/runs/log-parameter': Role.Operator,
  'POST /api/2.0/mlflow/runs/set-tag': Role.Operator,
  'POST /api/2.0/mlflow/runs/delete-tag': Role.Operator,
  'GET /api/2.0/mlflow/metrics/get-history': Role.Viewer,
  'GET /projects': Role.Viewer,
  'GET /projects/:name': Role.Viewer,
  'POST /projects': Role.Admin,
  'PATCH /projects/:name': Role.Admin,
};

type Caller = 'no token' | Role | 'disabled client';
/** Role.Run: a run token for the simulation id every path below names. */
const CALLERS: Caller[] = [
  'no token',
  Role.Viewer,
  Role.Operator,
  Role.Admin,
  Role.Run,
  'disabled client',
];

describe('access policy: every route × every kind of caller', () => {
  let stack: E2eStack;
  let routes: string[];
  let disabledClientToken: string;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    routes = servedRoutes(stack.api);

    // A real client, with a real token, then disabled.
    const admin = stack.as(Role.Admin);
    const { body } = await admin
      .post('/auth/clients', { name: 'to disable', role: 'admin' })
      .expect(201);
    const token = await stack.http
      .post('/auth/token')
      .send({ client_id: body.client_id, client_secret: body.client_secret })
      .expect(200);
    disabledClientToken = token.body.access_token;
    await admin.post(`/auth/clients/${body.client_id}/disable`).expect(200);
  });

  afterAll(() => stack.close());

  it('has a policy line for every route the app serves, and a route for every line', () => {
    expect([...routes].sort()).toEqual(Object.keys(POLICY).sort());
  });

  it('answers every cell as the policy says', async () => {
    const cells: string[] = [];
    const wrong: string[] = [];
    for (const route of Object.keys(POLICY)) {
      const [method, template] = route.split(' ');
      // Ids that exist nowhere: an allowed caller gets past access control to a 4xx of the route's own.
      const path = template
        .replace(':simulation_id', '424242')
        .replace(':machine_id', '424242')
        .replace(':client_id', 'cl_nobody')
        .replace(':name', 'nobody');
      const required = POLICY[route];
      for (const caller of CALLERS) {
        let pending = stack.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path);
        if (caller === 'disabled client') {
          pending = pending.set('Authorization', `Bearer ${disabledClientToken}`);
        } else if (caller === Role.Run) {
          pending = pending.set('Authorization', `Bearer ${stack.runToken(424242)}`);
        } else if (caller !== 'no token') {
          pending = pending.set('Authorization', `Bearer ${stack.token(caller)}`);
        }
        const { status } = await pending;
        const expected =
          required === 'public'
            ? 'not 401/403'
            : caller === 'no token' || caller === 'disabled client'
              ? '401'
              : roleSatisfies(caller, required)
                ? 'not 401/403'
                : '403';
        const ok =
          status < 500 &&
          (expected === 'not 401/403'
            ? status !== 401 && status !== 403
            : String(status) === expected);
        cells.push(`${route} as ${caller}: ${status}`);
        if (!ok) wrong.push(`${route} as ${caller}: ${status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toHaveLength(Object.keys(POLICY).length * CALLERS.length);
  });

  it('answers injection attempts in every path and query parameter with a 400 (or a 404 for a well-formed id), never a 5xx or a leak', async () => {
    const attacks = [
      "1' OR '1'='1",
      '1; DROP TABLE simulations;--',
      '1 UNION SELECT * FROM api_clients',
      '../../etc/passwd',
      '%00',
      '${7*7}',
      '{"$gt":""}',
      'x'.repeat(5_000),
      '１２３',
      '-0x1',
    ];
    const document = (await stack.http.get('/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { parameters?: Array<{ name: string; in: string }>; tags?: string[] }>
      >;
    };
    const admin = `Bearer ${stack.token(Role.Admin)}`;
    // A run's routes take a run token only: the one for the id the other parameters name.
    const run = `Bearer ${stack.runToken(1)}`;
    const wrong: string[] = [];
    let sent = 0;
    for (const [template, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const parameter of operation.parameters ?? []) {
          if (parameter.in !== 'path' && parameter.in !== 'query') continue;
          for (const attack of attacks) {
            const encoded = encodeURIComponent(attack);
            let path = template.replace(/\{[^}]+\}/g, (match) =>
              match === `{${parameter.name}}`
                ? encoded
                : match.includes('client')
                  ? 'cl_nobody'
                  : '1',
            );
            if (parameter.in === 'query') path += `?${parameter.name}=${encoded}`;
            const { status, body } = await stack.http[method as 'get' | 'post' | 'delete'](path)
              .set('Authorization', operation.tags?.includes('runs') ? run : admin)
              .send();
            sent++;
            // Postgres' words (`column "x" does not exist`); `columns`, a list parameter, may be named.
            const leak = /syntax|relation|\bcolumn\b|select |postgres|typeorm|stack/i.test(
              JSON.stringify(body),
            );
            if ((status !== 400 && status !== 404) || leak) {
              wrong.push(
                `${method.toUpperCase()} ${path.slice(0, 80)}: ${status} ${JSON.stringify(body).slice(0, 120)}`,
              );
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThan(200);
  });
});
