import { existsSync } from 'fs';
import * as path from 'path';
import {
  ConnectionSettings,
  connectionSettings,
  IntegerSetting,
  validateEnvironment,
  withLocalDefaults,
} from '@app/config';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { JwtSettings, resolveJwtSettings, TokenEnvironment } from '@app/auth';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

class ApiEnvironment extends TokenEnvironment {
  /** Port the API listens on. */
  @IntegerSetting(1, 65_535)
  PORT: number = 8000;

  /** Interface the API listens on (`npm run up`: 127.0.0.1 unless HOST is given). */
  @IsString()
  HOST: string = '0.0.0.0';

  /** The built web dashboard served at / (`npm run build` writes it to dist/apps/dashboard); unset: beside the built API. */
  @IsOptional()
  @IsString()
  DASHBOARD_DIR?: string;

  /** Comma-separated origins allowed to call the API from a browser; empty allows none. */
  @IsOptional()
  @Matches(/^\s*(https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$/, {
    message:
      'CORS_ORIGINS must be a comma-separated list of origins such as https://dashboard.example.com',
  })
  CORS_ORIGINS?: string;

  /** Proxies trusted to report the client's address (see trust-proxy.ts); none by default. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Swagger UI (/docs) and the OpenAPI document (/docs-json); unset: served, but not in production. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'SWAGGER_ENABLED must be true or false' })
  SWAGGER_ENABLED?: 'true' | 'false';

  /** Requests per minute from one address, across all routes (failed authentications included). */
  @IntegerSetting(1, 10_000_000)
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: number = 1_200;

  /** Requests per minute by one client (token subject), across all routes. */
  @IntegerSetting(1, 10_000_000)
  RATE_LIMIT_PER_CLIENT_PER_MINUTE: number = 600;

  /** POST /auth/token per minute from one address: credential guessing is slow. */
  @IntegerSetting(1, 10_000_000)
  RATE_LIMIT_TOKEN_PER_MINUTE: number = 10;

  /** Pending simulations one client may have at once; creating more is a 429. */
  @IntegerSetting(1, 10_000_000)
  MAX_PENDING_PER_CLIENT: number = 1_000;

  /** Longest a request waits on one database statement before it answers 503. */
  @IntegerSetting(100, 600_000)
  DATABASE_QUERY_TIMEOUT_MS: number = 5_000;

  /** Requests per minute by one client on the MLflow-compatible routes, instead of the budget above: its client sends three requests per log_metric. */
  @IntegerSetting(1, 10_000_000)
  RATE_LIMIT_MLFLOW_PER_CLIENT_PER_MINUTE: number = 12_000;

  /** The machine runs created through the MLflow-compatible subset are on (registered as "mlflow" if unknown). */
  @IntegerSetting(1, 2_147_483_647)
  MLFLOW_MACHINE_ID: number = 1;

  /** How long an MLflow run may be silent before it is failed as lost: its client sends no heartbeats. */
  @IntegerSetting(60_000, 2_147_483_647)
  MLFLOW_RUN_LEASE_MS: number = 86_400_000;

  /** Lifetime of tokens issued by POST /auth/token. */
  @IntegerSetting(60, 86_400)
  ACCESS_TOKEN_TTL_SECONDS: number = 3_600;

  /** The first admin client, created at start if absent: how a new deployment gets its first token. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, {
    message:
      'BOOTSTRAP_ADMIN_CLIENT_ID must be 3 to 64 letters, digits, dots, underscores or dashes',
  })
  BOOTSTRAP_ADMIN_CLIENT_ID?: string;

  /** That client's secret, 32 to 200 characters; set with BOOTSTRAP_ADMIN_CLIENT_ID. */
  @IsOptional()
  @Matches(/^\S{32,200}$/, {
    message: 'BOOTSTRAP_ADMIN_CLIENT_SECRET must be 32 to 200 characters without spaces',
  })
  BOOTSTRAP_ADMIN_CLIENT_SECRET?: string;
}

/** Everything the API reads from its environment, validated once at boot. */
export class ApiConfig extends ConnectionSettings {
  readonly port: number;
  readonly host: string;
  readonly jwt: JwtSettings;
  /** Browser origins allowed by CORS; none unless configured. */
  readonly corsOrigins: string[];
  /** Express's `trust proxy`: which X-Forwarded-For hops count when telling clients apart. */
  readonly trustProxy: TrustProxy;
  /** Where the built web dashboard is; served at / when it holds an index.html. */
  readonly dashboardDir: string;
  /** Swagger UI and the OpenAPI document: on by default, off in production unless asked for. */
  readonly swaggerEnabled: boolean;
  readonly accessTokenTtlSeconds: number;
  readonly databaseQueryTimeoutMs: number;
  readonly maxPendingPerClient: number;
  readonly rateLimits: {
    perAddress: number;
    perClient: number;
    tokenPerAddress: number;
    mlflowPerClient: number;
  };
  readonly mlflow: { machineId: number; runLeaseMs: number };
  readonly bootstrapAdmin: { clientId: string; secret: string } | null;
}

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = validateEnvironment(ApiEnvironment, withLocalDefaults(env));
  return Object.assign(new ApiConfig(), {
    ...connectionSettings(parsed),
    port: parsed.PORT,
    host: parsed.HOST,
    dashboardDir: parsed.DASHBOARD_DIR ?? defaultDashboardDir(),
    jwt: resolveJwtSettings(env),
    corsOrigins: (parsed.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(parsed.TRUST_PROXY),
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
    databaseQueryTimeoutMs: parsed.DATABASE_QUERY_TIMEOUT_MS,
    maxPendingPerClient: parsed.MAX_PENDING_PER_CLIENT,
    rateLimits: {
      perAddress: parsed.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
      perClient: parsed.RATE_LIMIT_PER_CLIENT_PER_MINUTE,
      tokenPerAddress: parsed.RATE_LIMIT_TOKEN_PER_MINUTE,
      mlflowPerClient: parsed.RATE_LIMIT_MLFLOW_PER_CLIENT_PER_MINUTE,
    },
    mlflow: { machineId: parsed.MLFLOW_MACHINE_ID, runLeaseMs: parsed.MLFLOW_RUN_LEASE_MS },
    bootstrapAdmin: bootstrapAdmin(parsed),
    swaggerEnabled:
      parsed.SWAGGER_ENABLED === undefined
        ? parsed.NODE_ENV !== 'production'
        : parsed.SWAGGER_ENABLED === 'true',
  });
}

function bootstrapAdmin(parsed: ApiEnvironment): ApiConfig['bootstrapAdmin'] {
  const { BOOTSTRAP_ADMIN_CLIENT_ID: clientId, BOOTSTRAP_ADMIN_CLIENT_SECRET: secret } = parsed;
  if (!clientId && !secret) return null;
  if (!clientId || !secret) {
    throw new Error(
      'BOOTSTRAP_ADMIN_CLIENT_ID and BOOTSTRAP_ADMIN_CLIENT_SECRET must be set together',
    );
  }
  return { clientId, secret };
}

/**
 * Next to the built API (dist/apps/api → dist/apps/dashboard); from the
 * sources (tests, ts-node), the build output under the working directory.
 */
function defaultDashboardDir(): string {
  const besideBuild = path.resolve(__dirname, '..', 'dashboard');
  return existsSync(path.join(besideBuild, 'index.html'))
    ? besideBuild
    : path.resolve('dist', 'apps', 'dashboard');
}
