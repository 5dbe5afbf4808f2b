import { IsIn, IsOptional, Matches } from 'class-validator';
import { IntegerSetting } from './integer-setting.decorator';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

/** Variables both apps read: where the data lives and where the queue lives. */
export class ConnectionEnvironment {
  @IsIn(NODE_ENVIRONMENTS, { message: `NODE_ENV must be one of: ${NODE_ENVIRONMENTS.join(', ')}` })
  NODE_ENV: NodeEnvironment = 'development';

  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://user:pass@host:5432/db',
  })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\/.+/, {
    message: 'REDIS_URL must be a redis:// URL, e.g. redis://127.0.0.1:6379/0',
  })
  REDIS_URL: string;

  @IntegerSetting(1, 1000)
  DATABASE_POOL_SIZE: number = 10;

  /** false behind a pooler in transaction mode (PgBouncer, CloudNativePG's Pooler). */
  @IsIn(['true', 'false'], { message: 'DATABASE_PREPARED_STATEMENTS must be true or false' })
  DATABASE_PREPARED_STATEMENTS: 'true' | 'false' = 'true';

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
  readonly redisUrl: string;
  readonly logLevel: ConnectionEnvironment['LOG_LEVEL'];
}

export function connectionSettings(parsed: ConnectionEnvironment): ConnectionSettings {
  return {
    nodeEnv: parsed.NODE_ENV,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    databasePreparedStatements: parsed.DATABASE_PREPARED_STATEMENTS === 'true',
    redisUrl: parsed.REDIS_URL,
    logLevel: parsed.LOG_LEVEL,
  };
}
