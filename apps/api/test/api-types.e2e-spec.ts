import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { E2eStack } from '../../../test/e2e-stack';
import {
  apiDocumentWithoutServices,
  apiTypesFromDocument,
  COMMITTED_OPENAPI_DOCUMENT,
  committedDocumentText,
  GENERATED_API_TYPES,
} from '../../../scripts/lib/api-types';

describe('the committed OpenAPI document and the TypeScript client’s types', () => {
  let stack: E2eStack;
  let served: object;

  beforeAll(async () => {
    stack = await E2eStack.start();
    served = (await stack.http.get('/docs-json').expect(200)).body;
  });

  afterAll(() => stack.close());

  it('the document is the one the API serves', () => {
    expectCommitted(COMMITTED_OPENAPI_DOCUMENT, committedDocumentText(served));
  });

  it('the types are what the served /docs-json yields', () => {
    expectCommitted(GENERATED_API_TYPES, apiTypesFromDocument(served));
  });

  it('come from the served document: the one the generator builds without services is the same', async () => {
    // Compared as JSON, the way it is served; then every property must be equal.
    const built = JSON.parse(JSON.stringify(await apiDocumentWithoutServices()));
    expect(built).toStrictEqual(served);
  });
});

/** The committed file is `fresh`, or an error naming it, what to run, and where they first differ. */
function expectCommitted(file: string, fresh: string): void {
  const committed = readFileSync(file, 'utf8');
  if (fresh !== committed)
    throw new Error(
      `${path.relative(process.cwd(), file)} is not what the served OpenAPI document yields: ` +
        `run npm run generate:api-types and commit the result (${firstDifference(committed, fresh)})`,
    );
}

function firstDifference(committed: string, fresh: string): string {
  const [was, is] = [committed.split('\n'), fresh.split('\n')];
  const line = was.findIndex((text, index) => text !== is[index]);
  const at = line === -1 ? was.length : line;
  const show = (text: string | undefined) =>
    text === undefined ? 'the end' : JSON.stringify(text);
  return `line ${at + 1}: the file has ${show(was[at])}, the document yields ${show(is[at])}`;
}
