import { decode } from 'jsonwebtoken';
import type { AuthenticatedUser } from './authenticated-user';
import { verificationKey, type JwtSettings } from '@app/auth';

/** Tokens remembered at most; the oldest is forgotten first. */
const MOST_REMEMBERED = 10_000;

interface Verified {
  user: AuthenticatedUser;
  /** When the token expires (its `exp`), in ms. */
  expiresAt: number;
  /** The key that signed it: a rotated-out key stops being good when its window ends. */
  kid: unknown;
  /** A service account's token is good only while its client is active: checked each time. */
  clientId?: string;
}

/**
 * Tokens the JWT strategy has verified, by their exact text, so a client
 * sending the same token request after request has it verified once, not on
 * every request (signature, claims, passport's machinery). A remembered token
 * is good until its own `exp` and while the key that signed it is still
 * accepted; whether a service account is still active is asked every time,
 * as before. Bounded: the oldest entries go first.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, Verified>();

  constructor(
    private readonly settings: JwtSettings,
    private readonly most = MOST_REMEMBERED,
  ) {}

  /** The user of a token verified before and still good, else undefined. */
  recall(token: string, now = Date.now()): Verified | undefined {
    const verified = this.tokens.get(token);
    if (!verified) return undefined;
    if (verified.expiresAt <= now || !verificationKey(this.settings, verified.kid, new Date(now))) {
      this.tokens.delete(token);
      return undefined;
    }
    return verified;
  }

  /** Remembers a token the strategy has just accepted for `user`. */
  remember(token: string, user: AuthenticatedUser): void {
    const decoded = decode(token, { complete: true });
    const payload = decoded?.payload;
    if (!decoded || typeof payload !== 'object' || typeof payload.exp !== 'number') return;
    if (this.tokens.size >= this.most) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, {
      user,
      expiresAt: payload.exp * 1000,
      kid: decoded.header.kid,
      clientId: typeof payload.client_id === 'string' ? payload.client_id : undefined,
    });
  }
}
