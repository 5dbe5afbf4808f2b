import {
  ConnectionEnvironment,
  IntegerSetting,
  NodeEnvironment,
  validateEnvironment,
  withLocalDefaults,
} from '@app/config';
import { IsString } from 'class-validator';
import { JwtSettings, resolveJwtSettings } from '../auth/jwt-settings';

class ApiEnvironment extends ConnectionEnvironment {
  @IntegerSetting(1, 65_535)
  PORT: number = 8000;

  @IsString()
  HOST: string = '0.0.0.0';
}

/** Everything the API reads from its environment, validated once at boot. */
export class ApiConfig {
  readonly nodeEnv: NodeEnvironment;
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  readonly logLevel: ConnectionEnvironment['LOG_LEVEL'];
  readonly jwt: JwtSettings;
}

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = validateEnvironment(ApiEnvironment, withLocalDefaults(env));
  return Object.assign(new ApiConfig(), {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    databasePoolSize: parsed.DATABASE_POOL_SIZE,
    redisUrl: parsed.REDIS_URL,
    logLevel: parsed.LOG_LEVEL,
    jwt: resolveJwtSettings(env),
  });
}
