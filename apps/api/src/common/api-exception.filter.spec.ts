import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

function respond(exception: unknown, url = '/x') {
  const response = {
    headersSent: false,
    statusCode: 0,
    body: undefined as unknown,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ method: 'GET', url }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return response;
}

describe('ApiExceptionFilter', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  it.each([
    [DomainError.notFound('simulation 9 not found'), 404, 'Not Found'],
    [DomainError.conflict('simulation 9 already exists'), 409, 'Conflict'],
    [DomainError.invalid('machine_id or machine.machine_id is required'), 400, 'Bad Request'],
    [DomainError.unauthenticated('invalid client credentials'), 401, 'Unauthorized'],
    [DomainError.forbidden('someone else created simulation 9'), 403, 'Forbidden'],
    [DomainError.unprocessable('key used with another body'), 422, 'Unprocessable Entity'],
    [DomainError.tooMany('this client has 100 pending simulations'), 429, 'Too Many Requests'],
    [DomainError.unavailable('no free simulation id'), 503, 'Service Unavailable'],
  ])('maps domain error %p to its status', (error, status, name) => {
    expect(respond(error).body).toEqual({
      statusCode: status,
      error: name,
      message: (error as Error).message,
    });
  });

  it.each([
    [DomainError.notFound('simulation 9 not found'), 404, 'RESOURCE_DOES_NOT_EXIST'],
    [DomainError.conflict('params.lr is already 0.1'), 400, 'INVALID_PARAMETER_VALUE'],
    [DomainError.forbidden('someone else created simulation 9'), 403, 'PERMISSION_DENIED'],
    [DomainError.tooMany('too many requests'), 429, 'REQUEST_LIMIT_EXCEEDED'],
    [DomainError.unavailable('a backing service is away'), 503, 'TEMPORARILY_UNAVAILABLE'],
  ])('answers %p under the MLflow routes in MLflow’s shape', (error, status, code) => {
    const answer = respond(error, '/api/2.0/mlflow/runs/get?run_id=9');
    expect(answer.statusCode).toBe(status);
    expect(answer.body).toEqual({ error_code: code, message: (error as Error).message });
  });

  it('passes on validation details', () => {
    const body = respond(new BadRequestException({ message: 'a; b', details: ['a', 'b'] })).body;
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'a; b',
      details: ['a', 'b'],
    });
  });

  it.each([
    ['entity.parse.failed', 400, 'request body is not valid JSON'],
    ['entity.too.large', 413, 'request body is larger than the 1 MiB limit'],
    ['charset.unsupported', 415, 'request body must be JSON in UTF-8 (charset=utf-8, or none)'],
    ['encoding.unsupported', 415, 'Content-Encoding must be identity, gzip, deflate or br'],
    ['some.future.type', 400, 'request body could not be read'],
  ])('answers a body-parser refusal (%s) with its 4xx in our words', (type, status, message) => {
    const error = Object.assign(new Error('unsupported charset "LATIN1"'), { type, status });
    expect(respond(error).body).toMatchObject({ statusCode: status, message });
  });

  it('turns an unexpected error into a bare 500 that carries no SQL or stack', () => {
    const error = new QueryFailedError(
      'SELECT secret FROM users',
      [],
      new Error('relation "users" does not exist'),
    );
    const response = respond(error);
    expect(response.statusCode).toBe(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal server error',
    });
  });

  it('answers 503 when the database connection is refused', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(respond(refused).body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'a backing service is unavailable; try again shortly',
    });
  });

  it('answers 503 when a statement got no answer within DATABASE_QUERY_TIMEOUT_MS', () => {
    // What pg raises when query_timeout passes (a Postgres host that stopped answering).
    expect(respond(new Error('Query read timeout')).statusCode).toBe(503);
  });
});
