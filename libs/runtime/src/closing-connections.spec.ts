import { Agent, createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endConnectionsOnceClosed } from './closing-connections';

/** A server whose first answer waits for `release`; every later one is immediate. */
function serverHoldingFirstAnswer() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let answered = 0;
  const server = createServer((_request, response) => {
    answered += 1;
    if (answered === 1) void released.then(() => response.end('first'));
    else response.end('later');
  });
  return { server, release };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/** One request on the agent's single kept-alive connection. */
function ask(port: number, agent: Agent): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response));
    }).on('error', reject);
  });
}

describe('endConnectionsOnceClosed', () => {
  let agent: Agent;

  beforeEach(() => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });

  afterEach(() => agent.destroy());

  async function closeWhileAnswering(server: Server, release: () => void) {
    const port = await listen(server);
    const first = ask(port, agent);
    await new Promise((resolve) => server.once('request', resolve));
    let isClosed = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    void closed.then(() => (isClosed = true));
    release();
    await first;
    // The client asks again on the same connection before the keep-alive timeout.
    const again = await ask(port, agent);
    return { again, closed, isClosed: () => isClosed };
  }

  it('closes the connection of the next answer once the server is closed', async () => {
    const { server, release } = serverHoldingFirstAnswer();
    endConnectionsOnceClosed(server);
    const { again, closed } = await closeWhileAnswering(server, release);
    expect(again.headers.connection).toBe('close');
    await closed;
  });

  it('is needed: without it, the connection stays open after the next answer', async () => {
    const { server, release } = serverHoldingFirstAnswer();
    const { again, closed, isClosed } = await closeWhileAnswering(server, release);
    expect(again.headers.connection).toBe('keep-alive');
    await new Promise((resolve) => setImmediate(resolve));
    expect(isClosed()).toBe(false);
    server.closeAllConnections();
    await closed;
  });
});
