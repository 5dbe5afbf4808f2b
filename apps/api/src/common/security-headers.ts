import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Pages and files a browser renders: the dashboard, Swagger UI, the queue
 * board and its login. Everything else answers JSON (or a stream, or an
 * export) to programs.
 */
export function isBrowserPage(path: string): boolean {
  return (
    path === '/' ||
    path.startsWith('/assets/') ||
    path === '/docs' ||
    path.startsWith('/docs/') ||
    path === '/admin' ||
    path.startsWith('/admin/')
  );
}

/**
 * Helmet's defaults, content security policy included (Swagger UI loads only
 * its own files), minus upgrade-insecure-requests: TLS ends at the proxy, and
 * /docs must load over plain HTTP in development.
 */
const browserHeaders = helmet({
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
});

/**
 * What an API answer needs (the OWASP REST security cheat sheet's set): no
 * content sniffing, a policy that lets nothing load or frame it should a
 * browser open it anyway, HSTS, and no caching of answers made for one
 * token. The browser-only rest of Helmet's set (opener, embedder and
 * resource policies, referrer policy, DNS prefetch, download and
 * cross-domain options) governs pages, which these are not.
 */
const apiHeaders: RequestHandler = (_request, response, next) => {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  response.setHeader('Cache-Control', 'no-store');
  next();
};

/** Browser headers on pages, the lean set on everything else. */
export function securityHeaders(request: Request, response: Response, next: NextFunction): void {
  (isBrowserPage(request.path) ? browserHeaders : apiHeaders)(request, response, next);
}
