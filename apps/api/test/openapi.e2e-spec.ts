import { servedRoutes } from '../../../test/app-routes';
import { E2eStack } from '../../../test/e2e-stack';
import { OpenApiContract } from '../../../test/openapi-contract';
import { Role } from '@app/auth';

describe('the OpenAPI document at /docs-json', () => {
  let stack: E2eStack;
  let document: {
    paths: Record<
      string,
      Record<
        string,
        {
          security?: unknown[];
          responses: Record<string, unknown>;
          parameters?: Array<{ name: string }>;
        }
      >
    >;
    components: { securitySchemes: Record<string, unknown> };
  };

  beforeAll(async () => {
    stack = await E2eStack.start();
    document = (await stack.http.get('/docs-json').expect(200)).body;
  });

  afterAll(() => stack.close());

  it('documents every endpoint the API serves', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /simulations',
        'GET /simulation/{simulation_id}',
        'GET /converge/{simulation_id}/stream',
        'GET /simulations/{simulation_id}',
        'POST /simulation',
        'POST /simulations/batch',
        'POST /simulation/{simulation_id}/cancel',
        'POST /simulation/{simulation_id}/retry',
        'GET /simulation/{simulation_id}/metrics',
        'GET /simulation/{simulation_id}/metrics/{metric}',
        'GET /simulation/{simulation_id}/metrics/{metric}/stream',
        'GET /simulation/{simulation_id}/logs',
        'GET /simulation/{simulation_id}/logs/stream',
        'POST /simulation/{simulation_id}/start',
        'POST /simulation/{simulation_id}/metrics',
        'POST /simulation/{simulation_id}/heartbeat',
        'POST /simulation/{simulation_id}/end',
        'GET /compare',
        'PATCH /simulation/{simulation_id}/tags',
        'GET /machines',
        'GET /machine/{machine_id}',
        'POST /machines',
        'POST /machine/{machine_id}/drain',
        'POST /machine/{machine_id}/undrain',
        'DELETE /machine/{machine_id}',
        'GET /projects',
        'GET /projects/{name}',
        'POST /projects',
        'PATCH /projects/{name}',
        'GET /converge/{simulation_id}',
        'GET /health',
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'GET /',
        'GET /assets/{file}',
        'GET /favicon.ico',
        'GET /admin/login',
        'GET /admin/login.js',
        'POST /admin/session',
        'DELETE /admin/session',
        'POST /auth/token',
        'POST /auth/clients',
        'GET /auth/clients',
        'POST /auth/clients/{client_id}/disable',
        'POST /auth/clients/{client_id}/enable',
        'DELETE /auth/clients/{client_id}',
      ].sort(),
    );
  });

  it('documents exactly the routes the app serves (MLflow’s protocol aside: docs/mlflow.md)', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    const ours = servedRoutes(stack.api).filter((route) => !route.includes(' /api/2.0/mlflow/'));
    expect(documented.sort()).toEqual(ours.sort());
  });

  it('records every answer, and the contract check refuses answers the document does not allow', async () => {
    const before = stack.recorder.exchanges.length;
    await stack.as(Role.Viewer).get('/machines').expect(200);
    await stack.as(Role.Viewer).get('/simulation/999').expect(404);
    expect(stack.recorder.exchanges.slice(before)).toEqual([
      expect.objectContaining({ method: 'GET', path: '/machines', status: 200, body: '[]' }),
      expect.objectContaining({ method: 'GET', path: '/simulation/999', status: 404 }),
    ]);

    const contract = new OpenApiContract(document as never);
    const error = JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'gone' });
    const valid = {
      method: 'GET',
      path: '/simulation/7',
      status: 404,
      contentType: 'application/json',
      body: error,
    };
    const check = (change: Partial<typeof valid>) => contract.check({ ...valid, ...change });
    expect(check({})).toEqual([]);
    // Each of these breaks the document in one way.
    expect(check({ status: 418 })).toEqual([
      expect.stringContaining('status 418 is not documented'),
    ]);
    expect(check({ body: JSON.stringify({ ...JSON.parse(error), stack: 'at x' }) })).toEqual([
      expect.stringContaining('must NOT have additional properties (additionalProperty: stack)'),
    ]);
    expect(check({ contentType: 'text/html', body: '<h1>' })).toEqual([
      expect.stringContaining('content type text/html is not one of application/json'),
    ]);
    expect(check({ path: '/machines', status: 200, body: '[{"machine_id":"1"}]' })).not.toEqual([]);
    expect(check({ path: '/nowhere', status: 200, body: '{}' })).toEqual([
      'GET /nowhere → 200: undocumented route answered 200, not 404',
    ]);
  });

  it('declares the X-Request-Id header on every answer of every endpoint', () => {
    const missing = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(
            ([, response]) =>
              !(response as { headers?: object }).headers?.['X-Request-Id' as never],
          )
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('declares the RateLimit headers on every answer of every metered endpoint', () => {
    const missing = Object.entries(document.paths)
      .filter(([path]) => !path.startsWith('/health') && path !== '/metrics')
      .flatMap(([path, methods]) =>
        Object.entries(methods).flatMap(([method, operation]) =>
          Object.entries(operation.responses)
            .filter(([, response]) => {
              const headers = (response as { headers?: Record<string, unknown> }).headers ?? {};
              return !headers.RateLimit || !headers['RateLimit-Policy'];
            })
            .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
        ),
      );
    expect(missing).toEqual([]);
  });

  it('declares the bearer scheme on every endpoint but the public ones', () => {
    const PUBLIC = [
      'GET /health',
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      'POST /auth/token',
      'GET /admin/login',
      'GET /admin/login.js',
      'DELETE /admin/session',
      'GET /',
      'GET /assets/{file}',
      'GET /favicon.ico',
    ];
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        // Public ones say so explicitly (security: []), rather than by leaving the field out.
        if (PUBLIC.includes(`${method.toUpperCase()} ${path}`)) {
          expect(operation.security).toEqual([]);
        } else expect(operation.security).toEqual([{ bearer: [] }]);
      }
    }
  });

  it('documents the list filters and the error answers', () => {
    const list = document.paths['/simulations'].get;
    expect(list.parameters?.map((p) => p.name).sort()).toEqual([
      'columns',
      'cursor',
      'filter',
      'limit',
      'machine_id',
      'offset',
      'order',
      'order_by',
      'project',
      'status',
    ]);
    const ok = list.responses['200'] as { headers?: Record<string, unknown> };
    expect(Object.keys(ok.headers ?? {}).sort()).toEqual(
      [
        'Access-Control-Allow-Origin',
        'Link',
        'RateLimit',
        'RateLimit-Policy',
        'X-Next-Cursor',
        'X-Request-Id',
        'X-Total-Count',
        'X-Total-Count-Exact',
      ].sort(),
    );
    expect(Object.keys(document.paths['/simulation'].post.responses).sort()).toEqual(
      ['201', '400', '401', '403', '404', '409', '413', '415', '422', '431', '429', '503'].sort(),
    );
  });
});
