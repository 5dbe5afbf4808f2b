export type Role = 'viewer' | 'operator' | 'admin';

const ROLE_RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** What the dashboard knows of its signed-in caller: the token and what it claims. */
export interface Session {
  token: string;
  role: Role;
  subject: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Reads a token's claims to label the page and hide what the role may not do.
 * It does not verify anything: the API checks every request, this only saves
 * the user a click on a button that would be refused.
 */
export function sessionFromToken(token: string): Session {
  const parts = token.trim().split('.');
  if (parts.length !== 3)
    throw new Error('This is not a JWT (expected three dot-separated parts).');
  let claims: { role?: unknown; sub?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(decodeBase64Url(parts[1]));
  } catch {
    throw new Error('The token could not be read (its payload is not base64url JSON).');
  }
  if (claims.role !== 'viewer' && claims.role !== 'operator' && claims.role !== 'admin') {
    throw new Error('The token carries no dashboard role (viewer, operator or admin).');
  }
  if (typeof claims.exp !== 'number') throw new Error('The token has no expiry (exp).');
  return {
    token: token.trim(),
    role: claims.role,
    subject: typeof claims.sub === 'string' ? claims.sub : 'unknown',
    expiresAt: claims.exp * 1000,
  };
}

export const SESSION_EXPIRED = 'Your session expired. Sign in again.';

/**
 * What the sign-in page says after the API refused the session's token. A
 * refusal once the token has expired is that expiry, whether the page's own
 * timer or an answer in flight at that moment got there first.
 */
export function refusalNotice(
  session: Session | null,
  apiMessage: string,
  now = Date.now(),
): string {
  if (session && session.expiresAt <= now) return SESSION_EXPIRED;
  return `You were signed out: the API no longer accepts your token (${apiMessage}). Sign in again.`;
}

export function hasRole(session: Session | null, needed: Role): boolean {
  return session !== null && ROLE_RANK[session.role] >= ROLE_RANK[needed];
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (character) => character.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The token lives in sessionStorage: gone when the tab closes, never sent anywhere but the API. */
const STORAGE_KEY = 'aisimulation.token';

export function loadStoredSession(storage: Storage, now = Date.now()): Session | null {
  const token = storage.getItem(STORAGE_KEY);
  if (!token) return null;
  try {
    const session = sessionFromToken(token);
    if (session.expiresAt > now) return session;
  } catch {
    // An unreadable stored token is as good as none.
  }
  storage.removeItem(STORAGE_KEY);
  return null;
}

export function storeSession(storage: Storage, session: Session | null): void {
  if (session) storage.setItem(STORAGE_KEY, session.token);
  else storage.removeItem(STORAGE_KEY);
}
