import type { Request } from 'express';

/** The cookie that lets a browser open the queue dashboard: an admin token, HttpOnly, for /admin only. */
export const ADMIN_SESSION_COOKIE = 'aisim_admin_session';

/** The longest a browser session lasts, whatever the token's own lifetime. */
export const ADMIN_SESSION_MAX_SECONDS = 8 * 3600;

/**
 * The token of an admin session cookie, read only for /admin paths: for every
 * other route the API takes bearer tokens alone, so a cookie cannot be used
 * against it from another site.
 */
export function adminSessionToken(request: Request): string | null {
  const path = request.originalUrl ?? request.url ?? '';
  if (!path.startsWith('/admin/')) return null;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === ADMIN_SESSION_COOKIE && value.length) return value.join('=') || null;
  }
  return null;
}
