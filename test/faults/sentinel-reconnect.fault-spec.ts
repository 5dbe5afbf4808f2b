import net from 'node:net';
import type Redis from 'ioredis';
import { connectRedis } from '../../libs/queue/src/redis-options';
import { eventually, sleep } from './fault-harness';
import { SentinelSet } from './sentinel-set';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/local-services');

/**
 * A TCP relay in front of one Sentinel. While `holding`, connections opened
 * from then on get no answer until `release`: a Sentinel slow to answer a
 * connection that is asking it for the master. Connections opened before
 * (the failover detector's subscriptions) flow as ever.
 */
class HoldingRelay {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly held: Array<() => void> = [];
  private holding = false;

  private constructor(sentinelPort: number) {
    this.server = net.createServer((client) => {
      const sentinel = net.connect({ host: '127.0.0.1', port: sentinelPort });
      for (const socket of [client, sentinel]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          client.destroy();
          sentinel.destroy();
        });
      }
      client.pipe(sentinel);
      if (this.holding) this.held.push(() => sentinel.pipe(client));
      else sentinel.pipe(client);
    });
  }

  static async open(sentinelPort: number): Promise<{ relay: HoldingRelay; port: number }> {
    const relay = new HoldingRelay(sentinelPort);
    const port: number = await services.freePort();
    await new Promise<void>((resolve) => relay.server.listen(port, '127.0.0.1', resolve));
    return { relay, port };
  }

  /** Connections opened from now on are answered only once released. */
  hold(): void {
    this.holding = true;
  }

  get heldConnections(): number {
    return this.held.length;
  }

  release(): void {
    this.holding = false;
    for (const flow of this.held.splice(0)) flow();
  }

  close(): void {
    this.server.close();
    for (const socket of this.sockets) socket.destroy();
  }
}

describe('Redis with Sentinel: a connection finding the master again as a failover is announced', () => {
  let redis: SentinelSet;
  let relay: HoldingRelay;
  let probe: Redis | undefined;

  beforeEach(async () => {
    redis = await SentinelSet.start();
  });

  afterEach(async () => {
    probe?.disconnect();
    relay?.close();
    await redis.stop();
  });

  it('keeps reconnecting and reaches the new master (ioredis alone ended it for good)', async () => {
    const opened = await HoldingRelay.open(redis.sentinelPorts[0]);
    relay = opened.relay;
    const { url, sentinels } = redis.endpoint;
    // The relay is the only Sentinel named, so every search for the master starts there.
    probe = connectRedis(
      { url, sentinels: { ...sentinels!, addresses: [{ host: '127.0.0.1', port: opened.port }] } },
      { connectionName: 'probe' },
    );
    await probe.ping();
    // The failover detector subscribes once the socket is up; give it the time to.
    await sleep(500);

    relay.hold();
    // The master dies: the probe's socket closes and it searches again, through the held relay.
    await redis.killMaster();
    await eventually(async () => relay.heldConnections > 0 || undefined, {
      what: 'the probe to ask the held Sentinel for the master',
    });
    // The Sentinels promote the replica and announce it while the search is still unanswered.
    await eventually(
      async () => ((await redis.masterPort()) === redis.replicaPort ? true : undefined),
      { timeoutMs: 30_000, what: 'the Sentinels to promote the replica' },
    );
    await sleep(500);
    relay.release();

    const serving = await eventually(
      async () => Number(((await probe!.config('GET', 'port')) as string[])[1]),
      { what: 'the probe to answer from a master', timeoutMs: 20_000 },
    );
    expect(serving).toBe(redis.replicaPort);
    expect(probe.status).toBe('ready');
  });
});
