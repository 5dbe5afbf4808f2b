import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, type LiveState } from './api-client';
import type { SseEvent } from './sse';

/** A stream server: `answer` decides each connection, in order; each request is kept. */
async function streamServer(
  answer: (index: number, request: IncomingMessage) => { status: number; body: string },
): Promise<{ server: Server; url: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    const { status, body } = answer(requests.length, request);
    requests.push(request);
    response.writeHead(status, {
      'content-type': status === 200 ? 'text/event-stream' : 'application/json',
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, requests };
}

describe('ApiClient.follow', () => {
  let server: Server | undefined;
  /** Each follow's, aborted after its test, so that one that never ends cannot outlive it. */
  const followers: AbortController[] = [];
  afterEach(async () => {
    for (const follower of followers.splice(0)) follower.abort();
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  const follow = (url: string) => {
    const events: SseEvent[] = [];
    const states: LiveState[] = [];
    const errors: unknown[] = [];
    const follower = new AbortController();
    followers.push(follower);
    const ended = new ApiClient('a-token', undefined, url).follow(
      '/stream',
      (event) => events.push(event),
      {
        signal: follower.signal,
        onState: (state) => states.push(state),
        onError: (failure) => errors.push(failure),
      },
    );
    return { ended, events, states, errors };
  };

  it('reconnects after a 503, resuming after the last event it had, until the server ends the stream', async () => {
    const stream = await streamServer((index) =>
      index === 0
        ? { status: 200, body: 'id: 1:10\nevent: points\ndata: {"n":1}\n\n' }
        : index === 1
          ? { status: 503, body: '{"message":"restarting"}' }
          : { status: 200, body: 'event: end\ndata: {}\n\n' },
    );
    server = stream.server;
    // The first connection ends well, so follow resolves: it is the server that ended it.
    const first = follow(stream.url);
    expect(await first.ended).toBe(true);
    expect(first.events).toEqual([{ id: '1:10', event: 'points', data: '{"n":1}' }]);

    const second = follow(stream.url);
    expect(await second.ended).toBe(true);
    expect(second.events).toEqual([{ event: 'end', data: '{}' }]);
    expect(second.states).toEqual(['connecting', 'connecting', 'live']);
    expect(second.errors.map((failure) => (failure as Error | null)?.message ?? null)).toEqual([
      'restarting',
      null,
    ]);
    expect(stream.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer a-token',
      'Bearer a-token',
      'Bearer a-token',
    ]);
  });

  it('sends Last-Event-ID when a connection drops after events', async () => {
    let dropped = false;
    const requests: IncomingMessage[] = [];
    server = createServer((request, response) => {
      requests.push(request);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      if (!dropped) {
        dropped = true;
        // An event, then the connection breaks mid-stream: a network failure, not an end.
        response.write('id: 2:7\nevent: points\ndata: {}\n\n', () =>
          setTimeout(() => request.socket.destroy(), 50),
        );
        return;
      }
      response.end('event: end\ndata: {}\n\n');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const followed = follow(`http://127.0.0.1:${port}`);
    expect(await followed.ended).toBe(true);
    expect(followed.events.map((event) => event.event)).toEqual(['points', 'end']);
    expect(requests.map((request) => request.headers['last-event-id'])).toEqual([undefined, '2:7']);
  });

  it('gives up on a 4xx other than 429: the API refused, and says why', async () => {
    const stream = await streamServer(() => ({
      status: 404,
      body: '{"message":"simulation 9 not found"}',
    }));
    server = stream.server;
    const followed = follow(stream.url);
    // A retry would come a second later: three seconds tell giving up from trying again.
    const stillFollowing = new Promise((resolve) => setTimeout(resolve, 3_000, 'still following'));
    expect(await Promise.race([followed.ended, stillFollowing])).toBe(false);
    expect(stream.requests).toHaveLength(1);
    expect(followed.errors.map((failure) => (failure as Error).message)).toEqual([
      'simulation 9 not found',
    ]);
  });
});
