import http from 'node:http';

export interface ServerSentEvent {
  id?: string;
  event: string;
  data: unknown;
}

export interface SseConnection {
  /** Status code of the response. */
  status: Promise<number>;
  events: ServerSentEvent[];
  /** Resolves when the server ends the stream (or the connection drops). */
  ended: Promise<void>;
  /** Resolves once `predicate` holds for the events received so far. */
  until(predicate: (events: ServerSentEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** A minimal EventSource for tests: raw http, so it can send headers and count every byte. */
export function openEventStream(
  url: string,
  token: string,
  lastEventId?: string,
  agent?: http.Agent,
): SseConnection {
  const events: ServerSentEvent[] = [];
  const waiters = new Set<() => void>();
  let resolveStatus!: (status: number) => void;
  let resolveEnded!: () => void;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const notify = () => waiters.forEach((waiter) => waiter());

  const request = http.get(
    url,
    {
      agent,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'text/event-stream',
        ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
      },
    },
    (response) => {
      resolveStatus(response.statusCode ?? 0);
      response.setEncoding('utf8');
      let pending = '';
      response.on('data', (chunk: string) => {
        pending += chunk;
        let boundary: number;
        while ((boundary = pending.indexOf('\n\n')) >= 0) {
          const frame = pending.slice(0, boundary);
          pending = pending.slice(boundary + 2);
          const parsed = parseFrame(frame);
          if (parsed) events.push(parsed);
        }
        notify();
      });
      response.on('end', () => {
        resolveEnded();
        notify();
      });
      response.on('close', () => {
        resolveEnded();
        notify();
      });
    },
  );
  request.on('error', () => {
    resolveStatus(0);
    resolveEnded();
  });

  return {
    status,
    events,
    ended,
    until(predicate, timeoutMs = 20_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!predicate(events)) return;
          cleanup();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(`stream condition not met in ${timeoutMs} ms (${events.length} events)`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => request.destroy(),
  };
}

function parseFrame(frame: string): ServerSentEvent | null {
  let id: string | undefined;
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0) return null;
  return { id, event, data: JSON.parse(data.join('\n')) };
}

/** Every point the events carried, in order, following attempt restarts. */
export function pointsOf<Point = { seconds: number; loss: number }>(
  events: ServerSentEvent[],
): Point[] {
  let points: Point[] = [];
  for (const event of events) {
    if (event.event === 'attempt') points = [];
    if (event.event === 'points') {
      points.push(...(event.data as { points: Point[] }).points);
    }
  }
  return points;
}
