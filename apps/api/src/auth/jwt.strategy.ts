import { createSecretKey, type KeyObject } from 'crypto';
import { ApiClientRepository, DomainError } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { decode } from 'jsonwebtoken';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { adminSessionToken } from '../admin/admin-session';
import { ApiConfig } from '../config/api-config';
import { AuthenticatedUser } from './authenticated-user';
import { verificationKey, isRole, parseProjectRoles, Role } from '@app/auth';

/**
 * Where a request's token is: a bearer token; on /admin paths only, the
 * browser session cookie the queue dashboard's login sets (same token, same checks).
 */
export const extractAccessToken = ExtractJwt.fromExtractors([
  ExtractJwt.fromAuthHeaderAsBearerToken(),
  adminSessionToken,
]);

interface AccessTokenClaims {
  sub?: unknown;
  role?: unknown;
  exp?: unknown;
  client_id?: unknown;
  /** A run-scoped token's: [simulation id, attempt]. */
  run?: unknown;
  /** A token scoped to projects: {name: role}. */
  projects?: unknown;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: ApiConfig,
    private readonly clients: ApiClientRepository,
  ) {
    super({
      jwtFromRequest: extractAccessToken,
      // The key is chosen by the token's `kid`: the current key, or a rotated-out
      // one until its overlap window ends. An unknown kid has no key at all.
      secretOrKeyProvider: (_request: unknown, rawToken: string, done: KeyCallback) => {
        const decoded = decode(rawToken, { complete: true });
        if (!decoded) return done(new Error('jwt malformed'));
        const kid = decoded.header.kid;
        const key = verificationKey(config.jwt, kid);
        // passport-jwt hands the key to jsonwebtoken as it is; its types predate KeyObject.
        if (key) return done(null, secretKeyObject(key) as unknown as string);
        done(new Error(kid ? 'unknown or retired key id (kid)' : 'token has no key id (kid)'));
      },
      // Pinned: a token signed with any other algorithm (none, HS384, RS256
      // with the secret as a public key, …) is refused before its claims are read.
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    // jsonwebtoken checks `exp` only when present; a token that never expires is refused here.
    if (typeof claims.exp !== 'number')
      throw DomainError.unauthenticated('token has no expiry (exp)');
    if (claims.role === Role.Run) return runUser(claims);
    if (!isRole(claims.role)) throw DomainError.unauthenticated('token has no valid role claim');
    // A client's token is only as good as the client: disabled or deleted, it stops at once.
    if (claims.client_id !== undefined) {
      if (
        typeof claims.client_id !== 'string' ||
        !(await this.clients.isActive(claims.client_id))
      ) {
        throw DomainError.unauthenticated('this client is disabled or deleted');
      }
    }
    const projects = claims.projects === undefined ? undefined : parseProjectRoles(claims.projects);
    if (typeof projects === 'string')
      throw DomainError.unauthenticated(`token has an invalid projects claim: ${projects}`);
    return {
      subject: typeof claims.sub === 'string' ? claims.sub : 'anonymous',
      role: claims.role,
      ...(projects && { projects }),
    };
  }
}

type KeyCallback = (error: Error | null, key?: string) => void;

/** A run-scoped token's bearer: the run it reports for, from its `run` claim. */
function runUser(claims: AccessTokenClaims): AuthenticatedUser {
  const run = claims.run;
  if (
    !Array.isArray(run) ||
    run.length !== 2 ||
    !run.every((part) => Number.isSafeInteger(part) && part > 0)
  )
    throw DomainError.unauthenticated('run token has no valid run claim');
  return {
    subject: typeof claims.sub === 'string' ? claims.sub : 'anonymous',
    role: Role.Run,
    run: { simulationId: run[0], attempt: run[1] },
  };
}

/**
 * jsonwebtoken turns a string secret into a key on every verification, first
 * trying it as a PEM public key (an exception thrown and caught each time, a
 * large share of a GET's CPU: see docs/performance.md). Key objects are made once
 * per secret (there are only the current key and the rotated-out ones).
 */
const keyObjects = new Map<string, KeyObject>();
function secretKeyObject(secret: string): KeyObject {
  let key = keyObjects.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keyObjects.set(secret, key);
  }
  return key;
}
