import {
  ConnectionEnvironment,
  ConnectionSettings,
  connectionSettings,
  IntegerSetting,
  validateEnvironment,
  withLocalDefaults,
} from '@app/config';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { JwtSettings, resolveJwtSettings } from '../auth/jwt-settings';

class ApiEnvironment extends ConnectionEnvironment {
  @IntegerSetting(1, 65_535)
  PORT: number = 8000;

  @IsString()
  HOST: string = '0.0.0.0';

  /** Comma-separated origins allowed to call the API from a browser; empty allows none. */
  @IsOptional()
  @Matches(/^\s*(https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$/, {
    message:
      'CORS_ORIGINS must be a comma-separated list of origins such as https://dashboard.example.com',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SWAGGER_ENABLED must be true or false' })
  SWAGGER_ENABLED?: 'true' | 'false';
}

/** Everything the API reads from its environment, validated once at boot. */
export class ApiConfig extends ConnectionSettings {
  readonly port: number;
  readonly host: string;
  readonly jwt: JwtSettings;
  /** Browser origins allowed by CORS; none unless configured. */
  readonly corsOrigins: string[];
  /** Swagger UI and the OpenAPI document: on by default, off in production unless asked for. */
  readonly swaggerEnabled: boolean;
}

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = validateEnvironment(ApiEnvironment, withLocalDefaults(env));
  return Object.assign(new ApiConfig(), {
    ...connectionSettings(parsed),
    port: parsed.PORT,
    host: parsed.HOST,
    jwt: resolveJwtSettings(env),
    corsOrigins: (parsed.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    swaggerEnabled:
      parsed.SWAGGER_ENABLED === undefined
        ? parsed.NODE_ENV !== 'production'
        : parsed.SWAGGER_ENABLED === 'true',
  });
}
