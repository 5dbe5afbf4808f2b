import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BATCH_BODY_LIMIT_BYTES, BATCH_ROUTE, BODY_LIMIT_BYTES } from './common/body-limit';
import { ErrorResponse } from './common/error-response';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('AISimulation API')
    .setDescription(
      'Create simulations on machines, follow their status and read their convergence curves. ' +
        'Every endpoint but the health probes and `POST /auth/token` needs `Authorization: Bearer <JWT>`; ' +
        'get a development token with `npm run token -- --role viewer|operator|admin`. Send ' +
        '`X-Request-Id` (1–128 of `A-Z a-z 0-9 . _ : -`) to trace a request through the logs; every ' +
        'answer carries it back (a new UUID when none or an invalid one was sent).',
    )
    .setVersion('1.0')
    // Relative: the document describes the API that serves it, wherever that is.
    .addServer(
      '/',
      'The API that serves this document, wherever it runs: local, staging or production',
      {},
      // Meant for the clients of whoever deploys it, not for one organisation's own use.
      { 'x-internal': false },
    )
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'A JWT as RFC8725 (JSON Web Token Best Current Practices) asks: HS256 only (every other ' +
        'algorithm, `none` included, refused before the claims are read), a key chosen by `kid`, ' +
        '`iss` and `aud` checked, `exp` required.',
    })
    .build();
  return documentCommonAnswers(SwaggerModule.createDocument(app, config));
}

const REQUEST_ID_HEADER = {
  description: 'The X-Request-Id sent, or one made up; it is on the log lines of this request.',
  schema: { type: 'string', maxLength: 128, pattern: '^[A-Za-z0-9._:-]{1,128}$' },
};

const CORS_ORIGIN_HEADER = {
  description:
    "The request's `Origin`, when it is one of `CORS_ORIGINS`; absent otherwise (no origin is allowed by default).",
  schema: { type: 'string', maxLength: 2048 },
};

/**
 * IETF draft-ietf-httpapi-ratelimit-headers: the budget of this request
 * closest to running out (absent while Redis is unreachable: nothing is counted then).
 */
const RATE_LIMIT_HEADERS: ResponseObject['headers'] = {
  'RateLimit-Policy': {
    description:
      'The budget closest to running out: its name (`ip`, `client` or `token`), quota `q` and window `w` in seconds, e.g. `"client";q=600;w=60`.',
    schema: { type: 'string', maxLength: 64 },
  },
  RateLimit: {
    description:
      'What is left of that budget: remaining requests `r` and seconds `t` until its window resets, e.g. `"client";r=599;t=42`.',
    schema: { type: 'string', maxLength: 64 },
  },
};

const ERROR_BODY = {
  'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } },
};

/**
 * Answers that do not come from one route's code but from what sits in front
 * of every route, so they are written once here rather than on each handler:
 * the X-Request-Id header on every answer, rate limits (429, with Retry-After,
 * and the RateLimit headers on every metered answer),
 * an unreachable Postgres or Redis (503),
 * and for every POST the body parser's refusals (400, 413, 415) and for every
 * path parameter its validation (400).
 */
export function documentCommonAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods) as Array<[string, OperationObject]>) {
      // Probes and scrapes are never metered; probes answer 503 themselves, scrapes never do.
      const metered = !(path.startsWith('/health') || path === '/metrics');
      const add = (status: string, description: string, headers?: ResponseObject['headers']) => {
        operation.responses[status] ??= { description, content: ERROR_BODY, headers };
      };
      if (metered) {
        add(
          '429',
          'A rate limit is spent; the message names it. Retry after `Retry-After` seconds.',
          {
            'Retry-After': {
              description: 'Seconds until the budget refills.',
              schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 60 },
            },
          },
        );
        add('503', 'Postgres or Redis is unreachable; nothing was changed. Retry shortly.');
        const hasPathParameter = path.includes('{');
        if (method === 'post' || method === 'patch') {
          add('400', 'The body is not valid JSON, or a field is invalid; the message names it.');
          add(
            '413',
            path === BATCH_ROUTE
              ? `The body is over ${BATCH_BODY_LIMIT_BYTES / 1024 / 1024} MiB.`
              : `The body is over ${BODY_LIMIT_BYTES / 1024 / 1024} MiB.`,
          );
          add(
            '415',
            'The body is not JSON (Content-Type other than application/json, or none), or JSON in a charset or Content-Encoding the API does not read (send UTF-8).',
          );
        } else if (hasPathParameter) {
          add('400', 'A parameter is invalid; the message names it.');
        }
      }
      // Node's own answer, with no body, to a request line and headers over its 16 KB limit: a
      // list's filter and columns may each be 4,000 characters, more once percent-encoded.
      operation.responses['431'] ??= {
        description: 'The request line and headers are over 16 KB; shorten the query.',
      };
      for (const response of Object.values(operation.responses) as ResponseObject[]) {
        response.headers = {
          ...response.headers,
          'X-Request-Id': REQUEST_ID_HEADER,
          'Access-Control-Allow-Origin': CORS_ORIGIN_HEADER,
          ...(metered && RATE_LIMIT_HEADERS),
        };
      }
      // Public operations say so, rather than leaving readers to guess from a missing field.
      operation.security ??= [];
    }
  }
  return document;
}

/** Swagger UI at /docs and the raw document at /docs-json, both public. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerOptions: { persistAuthorization: true },
  });
}
