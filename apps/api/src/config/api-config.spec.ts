import { InvalidEnvironmentError } from '@app/config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadApiConfig } from './api-config';

describe('loadApiConfig', () => {
  it('defaults to port 8000 and the local servers `npm run up` starts, outside production', () => {
    const config = loadApiConfig({ LOCAL_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'aisim-')) });
    expect(config.port).toBe(8000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:55432/aisimulation');
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:56379/0' });
  });

  it('reads numbers from strings', () => {
    expect(loadApiConfig({ PORT: '9100', DATABASE_POOL_SIZE: '4', JWT_SECRET: 'x' })).toMatchObject(
      {
        port: 9100,
        databasePoolSize: 4,
      },
    );
  });

  it('names every wrong variable at once', () => {
    let error: unknown;
    try {
      loadApiConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const problems = (error as InvalidEnvironmentError).problems.join('\n');
    expect(problems).toContain('PORT must be');
    expect(problems).toContain('DATABASE_URL must be a postgres:// URL');
    expect(problems).toContain('NODE_ENV must be one of: development, test, production');
  });

  it('requires explicit server addresses in production', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /DATABASE_URL[\s\S]*REDIS_URL/,
    );
  });
});
