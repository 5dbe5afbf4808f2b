// `npm run generate:api-types`: writes apps/dashboard/src/api-types.generated.ts
// from the OpenAPI document the API serves, with no database or Redis running.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  apiDocumentWithoutServices,
  apiTypesFromDocument,
  GENERATED_API_TYPES,
} from './lib/api-types';

async function main(): Promise<void> {
  const source = apiTypesFromDocument(await apiDocumentWithoutServices());
  writeFileSync(GENERATED_API_TYPES, source);
  process.stdout.write(`wrote ${path.relative(process.cwd(), GENERATED_API_TYPES)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`generate:api-types: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
