import type { NestExpressApplication } from '@nestjs/platform-express';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * The routes the running app serves, as `METHOD /path/:param`, read from
 * Express's router (Swagger's own /docs routes and catch-all middleware left out).
 */
export function servedRoutes(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return (
    express.router.stack
      // Middleware that Nest mounts for every path (the request logger's) shows up as a
      // catch-all route; it is not an endpoint.
      .filter(
        (layer) =>
          layer.route && !layer.route.path.startsWith('/docs') && !layer.route.path.includes('*'),
      )
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
      )
  );
}
