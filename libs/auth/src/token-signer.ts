import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { JwtSettings } from './jwt-settings';
import type { ProjectRoles } from './project-roles';
import { Role } from './role';

export interface AccessTokenRequest {
  role: Role;
  subject: string;
  ttlSeconds: number;
  /** Set for tokens issued to an API client: each use checks the client is still enabled. */
  clientId?: string;
  /** Roles per project; left out, the token acts in `default` (or everywhere, for an admin). */
  projects?: ProjectRoles;
}

export function signAccessToken(settings: JwtSettings, request: AccessTokenRequest): string {
  return new JwtService().sign(
    {
      role: request.role,
      ...(request.clientId && { client_id: request.clientId }),
      ...(request.projects && { projects: request.projects }),
    },
    {
      secret: settings.secret,
      keyid: settings.keyId,
      algorithm: 'HS256',
      issuer: settings.issuer,
      audience: settings.audience,
      subject: request.subject,
      expiresIn: request.ttlSeconds,
      jwtid: randomUUID(),
    },
  );
}

/** "90", "90s", "15m", "1h", "7d" → seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match) throw new Error(`invalid ttl "${text}": use a number of seconds or e.g. 15m, 1h, 7d`);
  const unit = { '': 1, s: 1, m: 60, h: 3_600, d: 86_400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  if (seconds <= 0) throw new Error('ttl must be positive');
  return seconds;
}

/**
 * How long a run-scoped token lasts. Long: a training run may take weeks, and
 * the token is only ever good for one attempt (once that attempt has ended or
 * been superseded, every report is a 409 whatever the token's age).
 */
export const RUN_TOKEN_TTL_SECONDS = 30 * 86_400;

/** A token that reports for attempt `attempt` of simulation `simulationId` and can do nothing else. */
export function signRunToken(
  settings: JwtSettings,
  run: { simulationId: number; attempt: number; createdBy: string },
): string {
  return new JwtService().sign(
    { role: Role.Run, run: [run.simulationId, run.attempt] },
    {
      secret: settings.secret,
      keyid: settings.keyId,
      algorithm: 'HS256',
      issuer: settings.issuer,
      audience: settings.audience,
      subject: `run:${run.simulationId}:${run.attempt}:${run.createdBy}`,
      expiresIn: RUN_TOKEN_TTL_SECONDS,
      jwtid: randomUUID(),
    },
  );
}
