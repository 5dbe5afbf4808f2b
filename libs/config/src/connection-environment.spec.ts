import { MinLength } from 'class-validator';
import { connectionSettings, ConnectionEnvironment } from './connection-environment';
import { InvalidEnvironmentError, validateEnvironment } from './validate-environment';

const BASE = { DATABASE_URL: 'postgres://u@db/app', REDIS_URL: 'redis://:secret@mymaster/2' };

function problemsWith(env: NodeJS.ProcessEnv): string {
  try {
    validateEnvironment(ConnectionEnvironment, { ...BASE, ...env });
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems.join('\n');
    throw error;
  }
  return '';
}

describe('the Redis settings', () => {
  it('are the URL alone without Sentinels', () => {
    const parsed = validateEnvironment(ConnectionEnvironment, BASE);
    expect(connectionSettings(parsed).redis).toEqual({ url: 'redis://:secret@mymaster/2' });
  });

  it('name the Sentinels, the master group and their password', () => {
    const parsed = validateEnvironment(ConnectionEnvironment, {
      ...BASE,
      REDIS_SENTINELS: 'sentinel-0:26379, 10.0.0.7:26380,[fd00::1]:26381',
      REDIS_SENTINEL_NAME: 'mymaster',
      REDIS_SENTINEL_PASSWORD: 'sentinel-secret',
    });
    expect(connectionSettings(parsed).redis).toEqual({
      url: 'redis://:secret@mymaster/2',
      sentinels: {
        addresses: [
          { host: 'sentinel-0', port: 26379 },
          { host: '10.0.0.7', port: 26380 },
          { host: 'fd00::1', port: 26381 },
        ],
        name: 'mymaster',
        password: 'sentinel-secret',
      },
    });
  });

  it.each([
    ['sentinel-0', 'a port'],
    ['sentinel-0:0', 'a port above 0'],
    ['sentinel-0:65536', 'a port up to 65535'],
    ['sentinel-0:26379,', 'an empty entry'],
    ['sentinel-0:26379;sentinel-1:26379', 'commas between entries'],
  ])('refuse REDIS_SENTINELS=%s (it needs %s)', (value) => {
    expect(problemsWith({ REDIS_SENTINELS: value, REDIS_SENTINEL_NAME: 'mymaster' })).toContain(
      'REDIS_SENTINELS must be host:port pairs separated by commas',
    );
  });

  it('require the master name with Sentinels, and only then', () => {
    expect(problemsWith({ REDIS_SENTINELS: 'sentinel-0:26379' })).toContain(
      'REDIS_SENTINEL_NAME is required with REDIS_SENTINELS',
    );
    expect(problemsWith({})).toBe('');
  });

  it.each([
    'http://redis:6379/0',
    'redis://redis:6379/queue',
    'redis://redis:6379/0/1',
    'redis://',
    'redis:6379',
  ])('refuse REDIS_URL=%s', (value) => {
    expect(problemsWith({ REDIS_URL: value })).toContain(
      'REDIS_URL must be a redis:// or rediss:// (TLS) URL',
    );
  });

  it.each(['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379/', 'rediss://u:p@redis.example/15'])(
    'accept REDIS_URL=%s',
    (value) => expect(problemsWith({ REDIS_URL: value })).toBe(''),
  );
});

describe('a refused value in the message', () => {
  it('is quoted, with a URL’s password masked', () => {
    const problems = problemsWith({ REDIS_URL: 'redis://:hunter2@redis:6379/queue' });
    expect(problems).toContain('(got "redis://:***@redis:6379/queue")');
    expect(problems).not.toContain('hunter2');
  });
});

class WithSecret {
  @MinLength(32, { message: 'API_SECRET must be at least 32 characters' })
  API_SECRET: string;
}

describe('a refused secret in the message', () => {
  it('is described by its length, never quoted', () => {
    expect(() => validateEnvironment(WithSecret, { API_SECRET: 'too-short-secret' })).toThrow(
      'API_SECRET must be at least 32 characters (got a value of 16 characters)',
    );
  });
});
