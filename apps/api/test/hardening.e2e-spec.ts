import { createApiApp } from '../src/bootstrap';
import { loadApiConfig } from '../src/config/api-config';
import request from 'supertest';
import { E2eStack } from '../../../test/e2e-stack';

describe('HTTP hardening: headers, CORS, Swagger in production', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  afterAll(() => stack.close());

  const BROWSER_ONLY = [
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'origin-agent-cluster',
    'referrer-policy',
    'x-dns-prefetch-control',
    'x-download-options',
    'x-frame-options',
    'x-permitted-cross-domain-policies',
    'x-xss-protection',
  ];

  it('sends Helmet’s browser headers on the pages browsers render, and no X-Powered-By', async () => {
    const page = await stack.http.get('/docs/').expect(200);
    expect(page.headers['x-powered-by']).toBeUndefined();
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    });
    // /docs must work over plain HTTP in development.
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const file = await stack.http.get(`/docs/${script.replace(/^\.\//, '')}`).expect(200);
      expect(file.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    for (const path of ['/admin/login', '/']) {
      const other = await stack.http.get(path);
      expect(other.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('sends the lean API set on JSON answers: nosniff, nothing may load or frame them, HSTS, no-store', async () => {
    for (const path of ['/health', '/simulations', '/no-such-route']) {
      const response = await stack.http.get(path);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'cache-control': expect.stringContaining('no-store'),
        'x-request-id': expect.any(String),
      });
      expect(Object.keys(response.headers).filter((name) => BROWSER_ONLY.includes(name))).toEqual(
        [],
      );
    }
  });

  it('gives no CORS permission to any origin unless configured', async () => {
    const response = await stack.http
      .options('/simulations')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('with CORS_ORIGINS and NODE_ENV=production', () => {
    const apps: Array<Awaited<ReturnType<typeof createApiApp>>> = [];
    afterAll(async () => {
      for (const app of apps) await app.close();
    });

    async function app(extra: NodeJS.ProcessEnv) {
      const created = await stack.createApi({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-production-secret-of-at-least-32-bytes!!',
        ...extra,
      });
      apps.push(created);
      return request(created.getHttpServer());
    }

    it('allows exactly the configured origins', async () => {
      const http = await app({
        CORS_ORIGINS: 'https://dashboard.example.com, https://ops.example.com',
      });
      const allowed = await http
        .options('/simulations')
        .set('Origin', 'https://ops.example.com')
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', 'Authorization');
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://ops.example.com');
      expect(allowed.headers['access-control-allow-headers']).toContain('Authorization');
      const refused = await http
        .options('/simulations')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET');
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves no Swagger UI or document in production unless SWAGGER_ENABLED=true', async () => {
      const closed = await app({});
      await closed.get('/docs').expect(404);
      await closed.get('/docs-json').expect(404);
      const open = await app({ SWAGGER_ENABLED: 'true' });
      await open.get('/docs-json').expect(200);
    });

    it('refuses a malformed CORS_ORIGINS at boot, naming it', () => {
      expect(() => loadApiConfig({ ...stack.env, CORS_ORIGINS: 'dashboard.example.com' })).toThrow(
        /CORS_ORIGINS must be a comma-separated list of origins/,
      );
    });
  });
});
