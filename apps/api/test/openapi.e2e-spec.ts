import { E2eStack } from '../../../test/e2e-stack';

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
        'POST /simulation/{simulation_id}/cancel',
        'POST /simulation/{simulation_id}/retry',
        'GET /machines',
        'GET /machine/{machine_id}',
        'POST /machines',
        'POST /machine/{machine_id}/drain',
        'POST /machine/{machine_id}/undrain',
        'DELETE /machine/{machine_id}',
        'GET /converge/{simulation_id}',
        'GET /health',
        'POST /auth/token',
        'POST /auth/clients',
        'GET /auth/clients',
        'POST /auth/clients/{client_id}/disable',
        'POST /auth/clients/{client_id}/enable',
        'DELETE /auth/clients/{client_id}',
      ].sort(),
    );
  });

  it('declares the bearer scheme on every endpoint but health and the token exchange', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const operation of Object.values(methods)) {
        if (path === '/health' || path === '/auth/token') {
          expect(operation.security).toBeUndefined();
        } else expect(operation.security).toEqual([{ bearer: [] }]);
      }
    }
  });

  it('documents the list filters and the error answers', () => {
    const list = document.paths['/simulations'].get;
    expect(list.parameters?.map((p) => p.name).sort()).toEqual([
      'limit',
      'machine_id',
      'offset',
      'order_by',
      'status',
    ]);
    expect(Object.keys(document.paths['/simulation'].post.responses).sort()).toEqual(
      ['201', '400', '401', '403', '404', '409', '413', '422'].sort(),
    );
  });
});
