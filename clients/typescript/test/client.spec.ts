import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AisimClient, ApiError, ApiUnreachableError, type LiveEvent, type LiveState } from '../src';

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

describe('AisimClient.follow', () => {
  let server: Server | undefined;
  /** Each follow's, aborted after its test, so that one that never ends cannot outlive it. */
  const followers: AbortController[] = [];
  afterEach(async () => {
    for (const follower of followers.splice(0)) follower.abort();
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  const follow = (url: string) => {
    const events: LiveEvent[] = [];
    const states: LiveState[] = [];
    const errors: unknown[] = [];
    const follower = new AbortController();
    followers.push(follower);
    const ended = new AisimClient({ token: 'a-token', baseUrl: url }).follow(
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
    let timer: NodeJS.Timeout | undefined;
    const stillFollowing = new Promise(
      (resolve) => (timer = setTimeout(resolve, 3_000, 'still following')),
    );
    expect(await Promise.race([followed.ended, stillFollowing])).toBe(false);
    clearTimeout(timer);
    expect(stream.requests).toHaveLength(1);
    expect(followed.errors.map((failure) => (failure as Error).message)).toEqual([
      'simulation 9 not found',
    ]);
  });
});

describe('AisimClient.stream', () => {
  it('reads events split across chunks anywhere (CRLF included), joins data lines, skips comments', async () => {
    const text =
      ': keep-alive\r\n\r\nid: 1:30\r\nevent: points\r\ndata: {"points":[]}\r\n\r\n' +
      'retry: 10\ndata: one\ndata: two\n\nevent: end\ndata: {}\n\n';
    const server = createServer(async (_, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // One character a write: every split a network may make.
      for (const character of text) {
        response.write(character);
        await new Promise((resolve) => setImmediate(resolve));
      }
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const events: LiveEvent[] = [];
    await new AisimClient({ baseUrl: `http://127.0.0.1:${port}` }).stream(
      '/s',
      (event) => events.push(event),
      {
        signal: new AbortController().signal,
      },
    );
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(events).toEqual([
      { id: '1:30', event: 'points', data: '{"points":[]}' },
      { event: 'message', data: 'one\ntwo' },
      { event: 'end', data: '{}' },
    ]);
  });
});

describe('AisimClient.api, typed from the OpenAPI document', () => {
  let server: Server;
  let url: string;
  const requests: IncomingMessage[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request);
      const answers: Record<string, [number, object]> = {
        '/simulation/7': [200, { simulation_id: 7, name: 'run', status: 'running' }],
        '/simulation/8': [
          404,
          { statusCode: 404, error: 'Not Found', message: 'simulation 8 not found' },
        ],
        '/machines': [401, { statusCode: 401, error: 'Unauthorized', message: 'token expired' }],
        '/simulation/9': [502, {}],
      };
      const [status, body] = answers[request.url!] ?? [500, {}];
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('fills the path from its typed parameters and sends the token', async () => {
    const client = new AisimClient({ baseUrl: url, token: 't0k' });
    const { data } = await client.api.GET('/simulation/{simulation_id}', {
      params: { path: { simulation_id: 7 } },
    });
    expect(data).toMatchObject({ simulation_id: 7, status: 'running' });
    expect(requests.at(-1)!.headers.authorization).toBe('Bearer t0k');
  });

  it('throws the API’s own words on an error, and signs out on a 401', async () => {
    const refusals: string[] = [];
    const client = new AisimClient({
      baseUrl: url,
      token: 'old',
      onUnauthorized: (m) => refusals.push(m),
    });
    const missing = client.api.GET('/simulation/{simulation_id}', {
      params: { path: { simulation_id: 8 } },
    });
    await expect(missing).rejects.toEqual(new ApiError(404, 'simulation 8 not found'));
    await expect(client.api.GET('/machines')).rejects.toBeInstanceOf(ApiError);
    expect(refusals).toEqual(['token expired']);
  });

  it('says the API is unreachable for a proxy’s 502 and for no answer at all', async () => {
    const client = new AisimClient({ baseUrl: url });
    await expect(
      client.api.GET('/simulation/{simulation_id}', { params: { path: { simulation_id: 9 } } }),
    ).rejects.toBeInstanceOf(ApiUnreachableError);
    const nowhere = new AisimClient({ baseUrl: 'http://127.0.0.1:9' });
    await expect(nowhere.api.GET('/machines')).rejects.toBeInstanceOf(ApiUnreachableError);
    await expect(nowhere.get('/machines')).rejects.toBeInstanceOf(ApiUnreachableError);
  });
});
