// Checks real HTTP exchanges against the OpenAPI document the app serves:
// the path and method are documented, the status is one the operation
// declares, the content type is one it declares for that status, and a JSON
// body matches the declared schema — with no properties the schema does not
// name. Used by the e2e suite (every response a spec provokes) and the fuzzer.
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  security?: unknown[];
}

export type JsonSchema = Record<string, unknown>;

export interface Exchange {
  method: string;
  /** The path as requested, without the query string. */
  path: string;
  status: number;
  contentType?: string;
  /** The body, or undefined when it was too long to keep or is a stream. */
  body?: string;
}

/**
 * Paths the document rightly does not describe: the document itself, Swagger
 * UI, and the queue dashboard (Bull Board's own UI and API, admins only).
 */
/** Routes outside our document: its own pages, Bull Board, and MLflow's protocol (docs/mlflow.md: its spec checks those). */
const UNDOCUMENTED = /^\/(?:docs(?:[-/]|$)|admin\/queues(?:\/|$)|api\/2\.0\/mlflow\/)/;

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ template: string; pattern: RegExp; literal: boolean }>;

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
    // OpenAPI 3.0 annotations Ajv does not know; they constrain nothing.
    this.ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
    const schemas = this.document.components?.schemas ?? {};
    this.ajv.addSchema({ $id: 'components', definitions: closeObjects(schemas) });
    this.routes = Object.keys(document.paths).map((template) => ({
      template,
      literal: !template.includes('{'),
      pattern: new RegExp(
        '^' +
          template
            .split(/\{[^}]+\}/)
            .map(escapeRegExp)
            .join('[^/]+') +
          '$',
      ),
    }));
  }

  /** The documented path template a concrete path falls under, literal paths first. */
  templateFor(path: string): string | undefined {
    // Express routes ignore one trailing slash: /simulations/ is /simulations.
    const route = path.length > 1 ? path.replace(/\/$/, '') : path;
    const matches = this.routes.filter(({ pattern }) => pattern.test(route));
    return (matches.find((route) => route.literal) ?? matches[0])?.template;
  }

  /** Everything wrong with one exchange, as sentences; empty when it matches the document. */
  check(exchange: Exchange): string[] {
    const { method, path, status } = exchange;
    if (method === 'OPTIONS' || UNDOCUMENTED.test(path)) return [];
    const template = this.templateFor(path);
    // Named by template, so one problem on many ids reads as one line.
    const what = `${method} ${template ?? path.slice(0, 80)} → ${status}`;
    const operation = template ? this.document.paths[template][method.toLowerCase()] : undefined;
    if (!template || !operation) {
      // Not an API route: 404, or the body parser's refusal (it runs before routing); in the
      // documented error shape either way.
      if (![404, 400, 413, 415].includes(status)) {
        return [`${what}: undocumented route answered ${status}, not 404`];
      }
      return this.checkBody(what, exchange, 'application/json', {
        $ref: 'components#/definitions/ErrorResponse',
      });
    }
    const response = operation.responses[String(status)] ?? operation.responses.default;
    if (!response) {
      return [
        `${what}: status ${status} is not documented ` +
          `(documented: ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    if (!response.content) {
      return exchange.body ? [`${what}: documented without a body, but answered one`] : [];
    }
    const mediaType = exchange.contentType?.split(';')[0].trim();
    if (!mediaType || !response.content[mediaType]) {
      return [
        `${what}: content type ${mediaType ?? '(none)'} is not one of ` +
          Object.keys(response.content).join(', '),
      ];
    }
    const schema = response.content[mediaType].schema;
    return schema ? this.checkBody(what, exchange, mediaType, schema) : [];
  }

  private checkBody(what: string, exchange: Exchange, mediaType: string, schema: JsonSchema) {
    if (mediaType !== 'application/json' || exchange.body === undefined) return [];
    let body: unknown;
    try {
      body = JSON.parse(exchange.body);
    } catch {
      return [`${what}: body is not JSON: ${exchange.body.slice(0, 120)}`];
    }
    const validate = this.validatorFor(schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${what}: body${error.instancePath} ${error.message} ${formatParams(error.params)}`,
    );
  }

  private validatorFor(schema: JsonSchema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(closeObjects(rewriteRefs(schema)) as JsonSchema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** Formats the problems found in a set of exchanges, one line each, duplicates counted once. */
export function describeViolations(contract: OpenApiContract, exchanges: Exchange[]): string[] {
  const problems = new Map<string, number>();
  for (const exchange of exchanges) {
    for (const problem of contract.check(exchange)) {
      problems.set(problem, (problems.get(problem) ?? 0) + 1);
    }
  }
  return [...problems].map(([problem, count]) => (count > 1 ? `${problem} (×${count})` : problem));
}

/** `#/components/schemas/X` → the schema registered under `components`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string'
          ? inner.replace('#/components/schemas/', 'components#/definitions/')
          : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}

/**
 * OpenAPI 3.0 schemas as JSON Schema: boolean exclusiveMinimum/Maximum become
 * numbers. And objects that list their properties accept no others: an answer
 * carrying a field the document does not describe is a contract break too.
 */
function closeObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeObjects);
  if (value && typeof value === 'object') {
    const schema: Record<string, unknown> = Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, closeObjects(rewriteRefs(inner))]),
    );
    if (schema.properties && !('additionalProperties' in schema)) {
      schema.additionalProperties = false;
    }
    for (const [exclusive, bound] of [
      ['exclusiveMinimum', 'minimum'],
      ['exclusiveMaximum', 'maximum'],
    ]) {
      if (typeof schema[exclusive] === 'boolean') {
        if (schema[exclusive]) schema[exclusive] = schema[bound];
        else delete schema[exclusive];
        if (schema[exclusive] !== undefined) delete schema[bound];
      }
    }
    return schema;
  }
  return value;
}

function formatParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params);
  return entries.length ? `(${entries.map(([k, v]) => `${k}: ${String(v)}`).join(', ')})` : '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
