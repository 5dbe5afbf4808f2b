import { readFileSync } from 'node:fs';
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
    const committed = readFileSync(COMMITTED_OPENAPI_DOCUMENT, 'utf8');
    const fresh = committedDocumentText(served);
    if (fresh !== committed) {
      throw new Error(
        'clients/typescript/openapi.json is not the document the API serves: ' +
          `run npm run generate:api-types and commit the result (${firstDifference(committed, fresh)})`,
      );
    }
  });

  it('the types are what the served /docs-json yields', () => {
    const committed = readFileSync(GENERATED_API_TYPES, 'utf8');
    const fresh = apiTypesFromDocument(served);
    if (fresh !== committed) {
      throw new Error(
        'clients/typescript/src/schema.generated.ts is not what the served OpenAPI document yields: ' +
          `run npm run generate:api-types and commit the result (${firstDifference(committed, fresh)})`,
      );
    }
  });

  it('come from the served document: the one the generator builds without services is the same', async () => {
    // Compared as JSON, the way it is served; then every property must be equal.
    const built = JSON.parse(JSON.stringify(await apiDocumentWithoutServices()));
    expect(built).toStrictEqual(served);
  });
});

function firstDifference(committed: string, fresh: string): string {
  const [was, is] = [committed.split('\n'), fresh.split('\n')];
  const line = was.findIndex((text, index) => text !== is[index]);
  const at = line === -1 ? was.length : line;
  const show = (text: string | undefined) =>
    text === undefined ? 'the end' : JSON.stringify(text);
  return `line ${at + 1}: the file has ${show(was[at])}, the document yields ${show(is[at])}`;
}
