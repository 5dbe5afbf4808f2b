import { ConnectionEnvironment } from '@app/config';
import { IsOptional, IsString } from 'class-validator';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, DEFAULT_KEY_ID } from './jwt-settings';

/**
 * The environment of a process that signs tokens: the API (every token it
 * verifies or issues) and a worker that gives its program runs run-scoped
 * tokens. Both must read the same values, or the API refuses what the
 * worker signs.
 */
export class TokenEnvironment extends ConnectionEnvironment {
  /** HS256 signing key, at least 32 bytes in production (the worker reads it only with RUN_API_URL, to sign its program runs' tokens). Outside production, unset: a random key kept in LOCAL_DATA_DIR/jwt-secret (mode 0600), which `npm run token` and the worker read too. */
  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  /** The `iss` tokens must carry, and `npm run token` writes. */
  @IsOptional()
  @IsString()
  JWT_ISSUER?: string = DEFAULT_JWT_ISSUER;

  /** The `aud` tokens must carry, and `npm run token` writes. */
  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string = DEFAULT_JWT_AUDIENCE;

  /** The current signing key's name, written as `kid` in every token. */
  @IsOptional()
  @IsString()
  JWT_KEY_ID?: string = DEFAULT_KEY_ID;

  /** Keys rotated out, as JSON `[{"kid", "secret", "until"}]`: tokens they signed are accepted until `until`. */
  @IsOptional()
  @IsString()
  JWT_PREVIOUS_KEYS?: string;

  /** Outside production, with no JWT_SECRET: where the signing key is made and kept. */
  @IsOptional()
  @IsString()
  LOCAL_DATA_DIR?: string;
}
