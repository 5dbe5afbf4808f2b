import { NestFactory } from '@nestjs/core';
import { createLogger, endConnectionsOnceClosed, quietBoot } from '@app/runtime';
import { Logger } from 'nestjs-pino';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation.pipe';
import { ApiConfig, loadApiConfig } from './config/api-config';
import { mountQueueBoard } from './admin/queue-board';
import { setupSwagger } from './swagger';
import {
  BATCH_BODY_LIMIT_BYTES,
  BATCH_ROUTE,
  BODY_LIMIT_BYTES,
  carriesJsonBody,
  isNdjsonReport,
  NDJSON_REPORT_LIMIT_BYTES,
  refuseUnreadBodies,
  REPORT_BODY_LIMIT_BYTES,
  REPORT_ROUTE,
} from './common/body-limit';
import { json, text } from 'express';
import { keepRawReport, parseNdjsonReport } from './runs/ndjson-report';
import { observeRequests } from './common/request-observer';
import { securityHeaders } from './common/security-headers';
import type { Logger as ProcessLogger } from 'pino';
import { guardJsonShape } from './common/json-shape-guard';

/** Builds the API exactly as production runs it; e2e tests call this too. */
export async function createApiApp(
  config: ApiConfig = loadApiConfig(),
): Promise<NestExpressApplication> {
  const logger = createLogger(config, 'api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    bodyParser: false,
    // Held until pino takes over, so even start-up lines come out as JSON.
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(quietBoot(app.get(Logger)));
  configureApp(app, config, logger);
  return app;
}

export function configureApp(
  app: NestExpressApplication,
  config: ApiConfig,
  logger: ProcessLogger,
): void {
  // A dashboard polling through a kept-alive connection would otherwise hold a closing API open.
  endConnectionsOnceClosed(app.getHttpServer());
  app.disable('x-powered-by');
  // No automatic ETags on API answers: they are live data (a browser's If-None-Match would get an
  // undocumented 304), and hashing every body costs time on hot reads. The dashboard's static
  // files carry their own.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  // First, so even a request refused by the body parser gets its id, its line and its count.
  app.use(observeRequests(logger));
  app.use(securityHeaders);
  app.enableCors({
    // Only the configured origins get CORS headers; any other origin gets none, so browsers refuse.
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'Last-Event-ID',
      'X-Request-Id',
    ],
    exposedHeaders: ['Location', 'X-Total-Count', 'Idempotent-Replayed', 'X-Request-Id'],
    maxAge: 600,
  });
  // The batch route's larger limit first: a body parsed there is not parsed again. Not strict:
  // `null` or `3` is valid JSON, so the shape guard names what it is rather than the parser
  // calling it invalid.
  app.use(
    BATCH_ROUTE,
    json({ limit: BATCH_BODY_LIMIT_BYTES, type: carriesJsonBody, strict: false }),
  );
  // A run's report: up to 10,000 points as JSON, or 100,000 as an NDJSON stream.
  app.use(
    REPORT_ROUTE,
    json({
      limit: REPORT_BODY_LIMIT_BYTES,
      type: carriesJsonBody,
      strict: false,
      verify: keepRawReport,
    }),
    text({ limit: NDJSON_REPORT_LIMIT_BYTES, type: isNdjsonReport, verify: keepRawReport }),
    parseNdjsonReport,
  );
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES, type: carriesJsonBody, strict: false });
  app.use(refuseUnreadBodies);
  app.use(guardJsonShape);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  mountQueueBoard(app);
  if (config.swaggerEnabled) setupSwagger(app);
}
