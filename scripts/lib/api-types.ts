// The OpenAPI document, committed (clients/typescript/openapi.json), and the
// TypeScript client's types made from it (clients/typescript/src/schema.generated.ts).
// `npm run generate:api-types` writes both; an e2e spec
// (apps/api/test/api-types.e2e-spec.ts) holds the committed files to the
// document the running API serves.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createLogger } from '../../libs/runtime/src/logging';
import { AppModule } from '../../apps/api/src/app.module';
import { loadApiConfig } from '../../apps/api/src/config/api-config';
import { buildOpenApiDocument } from '../../apps/api/src/swagger';

export const GENERATED_API_TYPES = path.resolve(
  __dirname,
  '../../clients/typescript/src/schema.generated.ts',
);

export const COMMITTED_OPENAPI_DOCUMENT = path.resolve(
  __dirname,
  '../../clients/typescript/openapi.json',
);

/** The document as it is committed: JSON, two-space indented, a newline at the end. */
export function committedDocumentText(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The TypeScript source of the generated file for `document`. openapi-typescript
 * and Prettier are ES modules, which Jest's CommonJS runtime cannot load on
 * Node 20, so they run in a plain Node process: the script and the spec go the
 * same way.
 */
export function apiTypesFromDocument(document: object): string {
  return execFileSync(process.execPath, [path.join(__dirname, 'api-types-from-document.js')], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The document /docs-json serves, built without Postgres or Redis: Nest's
 * preview mode registers the modules and controllers (all the document is made
 * of) but instantiates no provider, so nothing connects anywhere. The config is
 * the development defaults, whatever the shell's environment says; nothing in
 * the document depends on it.
 */
export async function apiDocumentWithoutServices(): Promise<OpenAPIObject> {
  const config = loadApiConfig({ NODE_ENV: 'development' });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, createLogger(config, 'api')),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
