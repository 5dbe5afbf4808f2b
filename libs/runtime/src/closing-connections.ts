import type { Server } from 'node:http';

/**
 * Lets an HTTP server finish closing while its clients keep connections
 * alive. server.close() ends the connections idle at that moment only: one
 * busy answering stays open afterwards, and a client that asks again before
 * the keep-alive timeout (the dashboard refreshing its list) keeps it open for
 * good, so close() never completes. Every answer begun after close() says
 * Connection: close, which ends its connection once it is sent.
 */
export function endConnectionsOnceClosed(server: Server): void {
  // First among the listeners, before any handler can send its headers.
  server.prependListener('request', (_request, response) => {
    if (!server.listening) response.setHeader('Connection', 'close');
  });
}
