import {
  ConnectionEnvironment,
  ConnectionSettings,
  connectionSettings,
  IntegerSetting,
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
export class ApiConfig extends ConnectionSettings {
  readonly port: number;
  readonly host: string;
  readonly jwt: JwtSettings;
}

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = validateEnvironment(ApiEnvironment, withLocalDefaults(env));
  return Object.assign(new ApiConfig(), {
    ...connectionSettings(parsed),
    port: parsed.PORT,
    host: parsed.HOST,
    jwt: resolveJwtSettings(env),
  });
}
