import type { Response } from 'express';

/**
 * Starts a Server-Sent Events answer: its headers sent at once (proxies such
 * as nginx would otherwise buffer the stream) and the client told to
 * reconnect after 2 s, with its Last-Event-ID, if the stream drops.
 */
export function startEventStream(response: Response): void {
  response.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();
  response.write('retry: 2000\n\n');
}
