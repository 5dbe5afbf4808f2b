// Reads an OpenAPI document (JSON) on stdin and writes the TypeScript client's
// API types (clients/typescript/src/schema.generated.ts) on stdout: openapi-typescript's output, formatted by the repo's
// Prettier settings. Only scripts/lib/api-types.ts runs it (see there why in
// a process of its own).
'use strict';

const path = require('node:path');

const TARGET = path.resolve(__dirname, '../../clients/typescript/src/schema.generated.ts');

const HEADER = `// Generated from the API's OpenAPI document (/docs-json) by \`npm run generate:api-types\`.
// Do not edit. The document itself is clients/typescript/openapi.json.
`;

async function apiTypesFromDocument(document) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const prettier = await import('prettier');
  // A field with a default is optional where the document says so (a request may leave it out),
  // not required as openapi-typescript makes it by default.
  const ast = await openapiTS(document, { defaultNonNullable: false });
  const source = HEADER + astToString(ast);
  const options = await prettier.resolveConfig(TARGET);
  return prettier.format(source, { ...options, filepath: TARGET });
}

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  process.stdout.write(await apiTypesFromDocument(JSON.parse(Buffer.concat(chunks).toString())));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
