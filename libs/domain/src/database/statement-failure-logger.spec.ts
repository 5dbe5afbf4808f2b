import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { StatementFailureLogger } from './statement-failure-logger';

describe('StatementFailureLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed statement as one line with its code, never its parameters', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
    });
    const logger: TypeOrmLogger = new StatementFailureLogger();
    logger.logQueryError(error, 'SELECT *\n  FROM api_clients\n  WHERE client_id = $1', [
      'the-secret\u0000',
    ]);
    expect(warn.mock.calls).toEqual([
      [
        'statement failed (22021): invalid byte sequence for encoding "UTF8": 0x00; in: SELECT * FROM api_clients WHERE client_id = $1',
      ],
    ]);
  });
});
