import { DEFAULT_LOCAL_DATA_DIR, developmentSecret } from './development-secret';

/**
 * Token settings, shared by the API and `npm run token` so that a minted
 * token is always one the API accepts.
 */
export interface JwtSettings {
  /** The current signing key, named by `keyId` in every token's `kid` header. */
  secret: string;
  keyId: string;
  /** Keys rotated out: still accepted for verification until `until`. */
  previousKeys: PreviousKey[];
  issuer: string;
  audience: string;
}

export interface PreviousKey {
  kid: string;
  secret: string;
  until: Date;
}

export const DEFAULT_JWT_ISSUER = 'aisimulation';
export const DEFAULT_JWT_AUDIENCE = 'aisimulation-api';
export const MIN_SECRET_BYTES = 32;
export const DEFAULT_KEY_ID = 'primary';
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function resolveJwtSettings(env: NodeJS.ProcessEnv = process.env): JwtSettings {
  const production = env.NODE_ENV === 'production';
  const secret = env.JWT_SECRET || undefined;
  if (production) {
    if (!secret) throw new Error('JWT_SECRET is required when NODE_ENV=production');
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
      throw new Error(
        `JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes when NODE_ENV=production`,
      );
    }
  }
  const keyId = env.JWT_KEY_ID || DEFAULT_KEY_ID;
  if (!KEY_ID.test(keyId)) {
    throw new Error('JWT_KEY_ID must be 1 to 64 letters, digits, dots, underscores or dashes');
  }
  const previousKeys = parsePreviousKeys(env.JWT_PREVIOUS_KEYS, production, keyId);
  return {
    // Read last, once the settings are known to be valid: it may make the file.
    secret: secret ?? developmentSecret(env.LOCAL_DATA_DIR || DEFAULT_LOCAL_DATA_DIR),
    keyId,
    previousKeys,
    issuer: env.JWT_ISSUER || DEFAULT_JWT_ISSUER,
    audience: env.JWT_AUDIENCE || DEFAULT_JWT_AUDIENCE,
  };
}

/**
 * `JWT_PREVIOUS_KEYS`: a JSON array of {"kid", "secret", "until"} for keys
 * rotated out. Tokens they signed stay valid until `until` (an ISO date),
 * so a rotation does not sign everybody out at once.
 */
function parsePreviousKeys(
  text: string | undefined,
  production: boolean,
  currentKeyId: string,
): PreviousKey[] {
  if (!text) return [];
  const usage = 'JWT_PREVIOUS_KEYS must be a JSON array of {"kid", "secret", "until"}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${usage}: it is not valid JSON`);
  }
  if (!Array.isArray(parsed)) throw new Error(usage);
  return parsed.map((entry: unknown, index) => {
    const { kid, secret, until } = (entry ?? {}) as Record<string, unknown>;
    const where = `JWT_PREVIOUS_KEYS[${index}]`;
    if (typeof kid !== 'string' || !KEY_ID.test(kid)) {
      throw new Error(`${where}.kid must be 1 to 64 letters, digits, dots, underscores or dashes`);
    }
    if (kid === currentKeyId) throw new Error(`${where}.kid must differ from JWT_KEY_ID`);
    if (typeof secret !== 'string' || secret.length === 0) {
      throw new Error(`${where}.secret is required`);
    }
    if (production && Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
      throw new Error(`${where}.secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    const date = typeof until === 'string' ? new Date(until) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) {
      throw new Error(`${where}.until must be an ISO date, e.g. 2026-12-31T00:00:00Z`);
    }
    return { kid, secret, until: date };
  });
}

/** The secret that verifies a token signed under `kid`, or null: unknown, or rotated out and expired. */
export function verificationKey(
  settings: JwtSettings,
  kid: unknown,
  now: Date = new Date(),
): string | null {
  if (kid === settings.keyId) return settings.secret;
  const previous = settings.previousKeys.find((key) => key.kid === kid);
  return previous && previous.until > now ? previous.secret : null;
}
