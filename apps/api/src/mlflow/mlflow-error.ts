import { HttpStatus } from '@nestjs/common';
import type { ErrorResponse } from '../common/error-response';

/** Where MLflow's client sends its requests: its errors are answered in its shape. */
export const MLFLOW_PATH = '/api/2.0/mlflow/';

/**
 * An error as MLflow's server answers it: `{error_code, message}` with the
 * status MLflow's own table gives the code (mlflow/exceptions.py). Its client
 * branches on some codes (RESOURCE_DOES_NOT_EXIST makes get-by-name answer
 * "none", RESOURCE_ALREADY_EXISTS makes set_experiment read the existing one),
 * and retries every 5xx for minutes: a caller's mistake is never one.
 */
export class MlflowError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'MlflowError';
  }

  static invalid(message: string): MlflowError {
    return new MlflowError('INVALID_PARAMETER_VALUE', message, HttpStatus.BAD_REQUEST);
  }

  static notFound(message: string): MlflowError {
    return new MlflowError('RESOURCE_DOES_NOT_EXIST', message, HttpStatus.NOT_FOUND);
  }

  static alreadyExists(message: string): MlflowError {
    return new MlflowError('RESOURCE_ALREADY_EXISTS', message, HttpStatus.BAD_REQUEST);
  }

  static noEndpoint(method: string, path: string): MlflowError {
    return new MlflowError(
      'ENDPOINT_NOT_FOUND',
      `${method} ${path} is not part of the MLflow-compatible subset (docs/mlflow.md lists it)`,
      HttpStatus.NOT_FOUND,
    );
  }
}

/**
 * Our own answers' statuses as MLflow codes. A conflict (a param given
 * another value, a run that has ended) is MLflow's INVALID_PARAMETER_VALUE,
 * as its server says it.
 */
export function mlflowCodeOf(status: number): { errorCode: string; status: number } {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
    case HttpStatus.CONFLICT:
    case HttpStatus.PAYLOAD_TOO_LARGE:
    case HttpStatus.UNPROCESSABLE_ENTITY:
      return { errorCode: 'INVALID_PARAMETER_VALUE', status: HttpStatus.BAD_REQUEST };
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return { errorCode: 'BAD_REQUEST', status: HttpStatus.BAD_REQUEST };
    case HttpStatus.UNAUTHORIZED:
      return { errorCode: 'UNAUTHENTICATED', status };
    case HttpStatus.FORBIDDEN:
      return { errorCode: 'PERMISSION_DENIED', status };
    case HttpStatus.NOT_FOUND:
    case HttpStatus.GONE:
      return { errorCode: 'RESOURCE_DOES_NOT_EXIST', status: HttpStatus.NOT_FOUND };
    case HttpStatus.TOO_MANY_REQUESTS:
      return { errorCode: 'REQUEST_LIMIT_EXCEEDED', status };
    case HttpStatus.SERVICE_UNAVAILABLE:
      return { errorCode: 'TEMPORARILY_UNAVAILABLE', status };
    default:
      return status < 500
        ? { errorCode: 'BAD_REQUEST', status }
        : { errorCode: 'INTERNAL_ERROR', status: HttpStatus.INTERNAL_SERVER_ERROR };
  }
}

/**
 * An error under the MLflow routes as MLflow's server answers: an MlflowError
 * as it says, anything else as our API would answer it (`ours`), its message
 * under MLflow's code for the status.
 */
export function mlflowAnswerOf(
  exception: unknown,
  ours: () => ErrorResponse,
): { status: number; body: { error_code: string; message: string } } {
  if (exception instanceof MlflowError)
    return {
      status: exception.status,
      body: { error_code: exception.errorCode, message: exception.message },
    };
  const answer = ours();
  const { errorCode, status } = mlflowCodeOf(answer.statusCode);
  return { status, body: { error_code: errorCode, message: answer.message } };
}
