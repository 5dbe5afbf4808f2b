import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ApiConfig } from '../config/api-config';
import { AuthenticatedUser } from './authenticated-user';
import { isRole } from './role';

interface AccessTokenClaims {
  sub?: unknown;
  role?: unknown;
  exp?: unknown;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: ApiConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      // Pinned: a token signed with any other algorithm (none, HS384, RS256
      // with the secret as a public key, …) is refused before its claims are read.
      algorithms: ['HS256'],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): AuthenticatedUser {
    // jsonwebtoken checks `exp` only when present; a token that never expires is refused here.
    if (typeof claims.exp !== 'number')
      throw new UnauthorizedException('token has no expiry (exp)');
    if (!isRole(claims.role)) throw new UnauthorizedException('token has no valid role claim');
    return {
      subject: typeof claims.sub === 'string' ? claims.sub : 'anonymous',
      role: claims.role,
    };
  }
}
