import { IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { IntegerSetting } from './integer-setting.decorator';
import { IsHostList, IsRedisUrl, parseHostList, RedisEndpoint } from './redis-endpoint';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

/** Variables both apps read: where the data lives and where the queue lives. */
export class ConnectionEnvironment {
  /** `production` requires DATABASE_URL, REDIS_URL and JWT_SECRET to be set; elsewhere they default to the local ones. */
  @IsIn(NODE_ENVIRONMENTS, { message: `NODE_ENV must be one of: ${NODE_ENVIRONMENTS.join(', ')}` })
  NODE_ENV: NodeEnvironment = 'development';

  /** Postgres. Outside production, unset: the one `npm run up` starts (postgres://postgres@127.0.0.1:55432/aisimulation). */
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://user:pass@host:5432/db',
  })
  DATABASE_URL: string;

  /** Redis (queue, live curves, rate limits); `rediss://` is TLS. Outside production, unset: the one `npm run up` starts (redis://127.0.0.1:56379/0). */
  @IsRedisUrl({
    message:
      'REDIS_URL must be a redis:// or rediss:// (TLS) URL with an optional database number, e.g. redis://:password@127.0.0.1:6379/0',
  })
  REDIS_URL: string;

  /** Ask these Sentinels where the master is; REDIS_URL then gives only scheme, credentials and database. */
  @IsOptional()
  @IsHostList({
    message:
      'REDIS_SENTINELS must be host:port pairs separated by commas, e.g. sentinel-0:26379,sentinel-1:26379',
  })
  REDIS_SENTINELS?: string;

  /** The master's name in the Sentinels' `sentinel monitor <name> …`; required with REDIS_SENTINELS. */
  @ValidateIf((environment: ConnectionEnvironment) => environment.REDIS_SENTINELS !== undefined)
  @Matches(/^\S+$/, {
    message:
      'REDIS_SENTINEL_NAME is required with REDIS_SENTINELS: the master name the Sentinels monitor (sentinel monitor <name> …)',
  })
  REDIS_SENTINEL_NAME?: string;

  /** The Sentinels' own `requirepass`, if they have one. */
  @IsOptional()
  @IsString()
  REDIS_SENTINEL_PASSWORD?: string;

  /** Database connections per process (a worker's heartbeat holds one more). */
  @IntegerSetting(1, 1000)
  DATABASE_POOL_SIZE: number = 10;

  /** false behind a pooler in transaction mode (PgBouncer, CloudNativePG's Pooler). */
  @IsIn(['true', 'false'], { message: 'DATABASE_PREPARED_STATEMENTS must be true or false' })
  DATABASE_PREPARED_STATEMENTS: 'true' | 'false' = 'true';

  /** Least severe log level written: `log` is info, `verbose` trace. */
  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], {
    message: 'LOG_LEVEL must be one of: error, warn, log, debug, verbose',
  })
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';
}

/** The connection settings both apps' configs start with. */
export class ConnectionSettings {
  readonly nodeEnv: NodeEnvironment;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly databasePreparedStatements: boolean;
  readonly redis: RedisEndpoint;
  readonly logLevel: ConnectionEnvironment['LOG_LEVEL'];
}

export function connectionSettings(parsed: ConnectionEnvironment): ConnectionSettings {
  return {
    nodeEnv: parsed.NODE_ENV,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    databasePreparedStatements: parsed.DATABASE_PREPARED_STATEMENTS === 'true',
    redis: redisEndpoint(parsed),
    logLevel: parsed.LOG_LEVEL,
  };
}

function redisEndpoint(parsed: ConnectionEnvironment): RedisEndpoint {
  if (parsed.REDIS_SENTINELS === undefined) return { url: parsed.REDIS_URL };
  return {
    url: parsed.REDIS_URL,
    sentinels: {
      addresses: parseHostList(parsed.REDIS_SENTINELS) ?? [],
      name: parsed.REDIS_SENTINEL_NAME as string,
      password: parsed.REDIS_SENTINEL_PASSWORD,
    },
  };
}
