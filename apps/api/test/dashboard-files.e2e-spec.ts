import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

/**
 * How the API serves the web dashboard's build. A made-up build in a temporary
 * directory stands in for `npm run build:dashboard`'s output (the browser suite
 * uses the real one).
 */
describe('web dashboard files', () => {
  let stack: E2eStack;
  let built: NestExpressApplication;
  let notBuilt: NestExpressApplication;
  let directory: string;
  const script = 'document.title = "dashboard";\n';

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'dashboard-'));
    mkdirSync(path.join(directory, 'assets'));
    writeFileSync(
      path.join(directory, 'index.html'),
      '<!doctype html><script defer src="/assets/app-ABC123.js"></script>',
    );
    writeFileSync(path.join(directory, 'assets', 'app-ABC123.js'), script);
    writeFileSync(path.join(directory, 'assets', 'app-ABC123.css'), 'body{margin:0}');
    writeFileSync(path.join(directory, 'secret.txt'), 'not for the web');
    stack = await E2eStack.start();
    built = await stack.createApi({ DASHBOARD_DIR: directory });
    notBuilt = await stack.createApi({ DASHBOARD_DIR: path.join(directory, 'missing') });
  });

  afterAll(async () => {
    await built?.close();
    await notBuilt?.close();
    await stack?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves the page at / to anyone, under the content security policy, checked on every visit', async () => {
    const page = await request(built.getHttpServer()).get('/').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('/assets/app-ABC123.js');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const again = await request(built.getHttpServer())
      .get('/')
      .set('If-None-Match', page.headers.etag)
      .expect(304);
    expect(again.text).toBe('');
  });

  it('serves the hashed assets with their types, cacheable for good', async () => {
    const js = await request(built.getHttpServer()).get('/assets/app-ABC123.js').expect(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toBe(script);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const css = await request(built.getHttpServer()).get('/assets/app-ABC123.css').expect(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it.each([
    '/assets/app-OTHER.js',
    '/assets/..%2Fsecret.txt',
    '/assets/..%2Findex.html',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
  ])('answers 404 for %s, naming nothing outside the build', async (url) => {
    const answer = await request(built.getHttpServer()).get(url).expect(404);
    expect(answer.body.message).toBe("The dashboard's build has no such file");
    expect(JSON.stringify(answer.body)).not.toContain('not for the web');
  });

  it('says how to build it when it is not built, and the API still works', async () => {
    const answer = await request(notBuilt.getHttpServer()).get('/').expect(404);
    expect(answer.body.message).toMatch(/The dashboard is not built .*run npm run build/);
    await request(notBuilt.getHttpServer())
      .get('/machines')
      .set('Authorization', `Bearer ${stack.token(Role.Viewer)}`)
      .expect(200);
  });

  it('gives API answers no ETag, so a browser never gets an undocumented 304 for live data', async () => {
    const answer = await request(built.getHttpServer())
      .get('/machines')
      .set('Authorization', `Bearer ${stack.token(Role.Viewer)}`)
      .expect(200);
    expect(answer.headers.etag).toBeUndefined();
    await request(built.getHttpServer())
      .get('/machines')
      .set('Authorization', `Bearer ${stack.token(Role.Viewer)}`)
      .set('If-None-Match', 'W/"anything"')
      .expect(200);
  });
});
