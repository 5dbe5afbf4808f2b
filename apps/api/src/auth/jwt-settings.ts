/**
 * Token settings, shared by the API and `npm run token` so that a minted
 * token is always one the API accepts.
 */
export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
}

/** Used only outside production, so a fresh clone works without configuration. */
export const DEVELOPMENT_JWT_SECRET = 'aisimulation-development-secret-not-for-production';
export const DEFAULT_JWT_ISSUER = 'aisimulation';
export const DEFAULT_JWT_AUDIENCE = 'aisimulation-api';
export const MIN_SECRET_BYTES = 32;

export function resolveJwtSettings(env: NodeJS.ProcessEnv = process.env): JwtSettings {
  const production = env.NODE_ENV === 'production';
  const secret = env.JWT_SECRET || undefined;
  if (production) {
    if (!secret) throw new Error('JWT_SECRET is required when NODE_ENV=production');
    if (secret === DEVELOPMENT_JWT_SECRET) {
      throw new Error(
        'JWT_SECRET must not be the built-in development secret when NODE_ENV=production',
      );
    }
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
      throw new Error(
        `JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes when NODE_ENV=production`,
      );
    }
  }
  return {
    secret: secret ?? DEVELOPMENT_JWT_SECRET,
    issuer: env.JWT_ISSUER || DEFAULT_JWT_ISSUER,
    audience: env.JWT_AUDIENCE || DEFAULT_JWT_AUDIENCE,
  };
}
