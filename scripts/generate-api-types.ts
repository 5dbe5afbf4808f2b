// `npm run generate:api-types`: writes the OpenAPI document the API serves to
// clients/typescript/openapi.json, and the client's types made from it to
// clients/typescript/src/schema.generated.ts, with no database or Redis running.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  apiDocumentWithoutServices,
  apiTypesFromDocument,
  COMMITTED_OPENAPI_DOCUMENT,
  committedDocumentText,
  GENERATED_API_TYPES,
} from './lib/api-types';

async function main(): Promise<void> {
  // As it is served: JSON, without what only the process's objects had (undefined fields).
  const document = JSON.parse(JSON.stringify(await apiDocumentWithoutServices())) as object;
  writeFileSync(COMMITTED_OPENAPI_DOCUMENT, committedDocumentText(document));
  writeFileSync(GENERATED_API_TYPES, apiTypesFromDocument(document));
  for (const file of [COMMITTED_OPENAPI_DOCUMENT, GENERATED_API_TYPES])
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`generate:api-types: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
