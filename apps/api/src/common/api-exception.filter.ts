import { BODY_LIMIT_BYTES } from './body-limit';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import {
  DomainError,
  DomainErrorCode,
  isConnectionError,
  MAX_LISTED_PROBLEMS,
  postgresErrorCode,
} from '@app/domain';
import { QueueUnavailableError } from '@app/queue';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ErrorResponse } from './error-response';
import { MLFLOW_PATH, mlflowAnswerOf } from '../mlflow/mlflow-error';

const DOMAIN_STATUS: Record<DomainErrorCode, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  gone: HttpStatus.GONE,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many: HttpStatus.TOO_MANY_REQUESTS,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * Turns every error into `{statusCode, error, message}` (under the MLflow
 * routes, into MLflow's `{error_code, message}`). Only messages we wrote for
 * clients are passed on; anything unexpected becomes a bare 500 and its
 * details go to the log, never to the response.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    // MLflow's client reads its own error shape: the same answer, in it (docs/mlflow.md).
    if (request.url.startsWith(MLFLOW_PATH)) {
      const { status, body } = mlflowAnswerOf(exception, () =>
        this.toErrorResponse(exception, request),
      );
      response.status(status).json(body);
      return;
    }
    const body = this.toErrorResponse(exception, request);
    response.status(body.statusCode).json(body);
  }

  private toErrorResponse(exception: unknown, request: Request): ErrorResponse {
    if (exception instanceof DomainError) {
      const body = errorBody(DOMAIN_STATUS[exception.code], exception.message);
      const details = exception.details ?? [];
      return details.length > 1
        ? { ...body, details: details.slice(0, MAX_LISTED_PROBLEMS) }
        : body;
    }
    if (exception instanceof HttpException) {
      return fromHttpException(exception);
    }
    const bodyError = bodyParserError(exception);
    if (bodyError) return errorBody(bodyError.status, bodyError.message);
    // Postgres text cannot hold NUL (22021), whatever the field: the caller's input, not our fault.
    if (postgresErrorCode(exception) === PG_CHARACTER_NOT_IN_REPERTOIRE) {
      return errorBody(
        HttpStatus.BAD_REQUEST,
        'text values must not contain the NUL character (\\u0000)',
      );
    }
    if (isConnectionError(exception) || exception instanceof QueueUnavailableError) {
      this.logger.warn(
        `${request.method} ${request.url}: dependency unavailable: ${describe(exception)}`,
      );
      return errorBody(
        HttpStatus.SERVICE_UNAVAILABLE,
        'a backing service is unavailable; try again shortly',
      );
    }
    this.logger.error(
      `${request.method} ${request.url} failed: ${describe(exception)}`,
      (exception as Error)?.stack,
    );
    return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'internal server error');
  }
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const payload = exception.getResponse();
  if (typeof payload === 'string') return errorBody(status, payload);
  const { message, details } = payload as { message?: unknown; details?: unknown };
  const list = Array.isArray(details)
    ? details.map(String)
    : Array.isArray(message)
      ? message.map(String)
      : undefined;
  const text = typeof message === 'string' ? message : list ? list.join('; ') : exception.message;
  return list && list.length > 1
    ? { ...errorBody(status, text), details: list.slice(0, MAX_LISTED_PROBLEMS) }
    : errorBody(status, text);
}

const PG_CHARACTER_NOT_IN_REPERTOIRE = '22021';

function errorBody(statusCode: number, message: string): ErrorResponse {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/**
 * body-parser marks its errors with a `type` and a 4xx `status`: a refused
 * body is the client's problem, told in our words (its own texts name internals).
 */
function bodyParserError(exception: unknown): { status: number; message: string } | undefined {
  const candidate = exception as {
    type?: unknown;
    status?: unknown;
    code?: unknown;
    limit?: unknown;
  };
  if (typeof candidate?.status !== 'number') return undefined;
  if (candidate.status < 400 || candidate.status > 499) return undefined;
  // A body that does not decompress as its Content-Encoding says: zlib's error, given a 400.
  if (typeof candidate.code === 'string' && /^(Z_|ERR__ERROR)/.test(candidate.code))
    return {
      status: HttpStatus.BAD_REQUEST,
      message: 'request body is not valid for its Content-Encoding (gzip, deflate or br)',
    };
  if (typeof candidate.type !== 'string') return undefined;
  const messages: Record<string, string> = {
    // The limit of the parser that refused it: 1 MiB, or the batch route's 4 MiB.
    'entity.too.large': `request body is larger than the ${sizeOf(typeof candidate.limit === 'number' ? candidate.limit : BODY_LIMIT_BYTES)} limit`,
    'entity.parse.failed': 'request body is not valid JSON',
    'entity.verify.failed': 'request body is not valid JSON',
    'charset.unsupported': 'request body must be JSON in UTF-8 (charset=utf-8, or none)',
    'encoding.unsupported': 'Content-Encoding must be identity, gzip, deflate or br',
    'request.aborted': 'request body was cut off before its end',
    'request.size.invalid': 'request body is not as long as its Content-Length says',
  };
  return {
    status: candidate.status,
    message: messages[candidate.type] ?? 'request body could not be read',
  };
}

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MiB` : `${bytes / 1024} kB`;
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
