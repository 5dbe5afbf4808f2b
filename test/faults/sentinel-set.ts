// Redis with Sentinel on loopback, from Debian's packages, for the fault
// suite: a master, one replica and three Sentinels (quorum 2), passwords on
// Redis and on the Sentinels, as a production set-up runs them. The replica
// follows the master through a link the test may hold back, so a failover can
// promote a replica that is still catching up.
import { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import type { RedisEndpoint } from '../../libs/config/src/redis-endpoint';
import { connectRedis } from '../../libs/queue/src/redis-options';
import type { RedisBackend } from './fault-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/local-services');

const NAME = 'aisimulation';
const PASSWORD = 'redis-fault-password';
const SENTINEL_PASSWORD = 'sentinel-fault-password';

interface Process {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * A TCP relay between the replica and the master. Held, it stops reading
 * what the master sends on the replication connections, so the replica falls
 * behind by everything written meanwhile; severed, whatever it held is gone,
 * as the unsent replication stream of a master that dies is.
 */
class ReplicationLink {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  /** The master's side of each connection a replica made (it sent REPLCONF or PSYNC). */
  private readonly replicationFromMaster = new Map<net.Socket, net.Socket>();

  private constructor(masterPort: number) {
    this.server = net.createServer((client) => {
      const master = net.connect({ host: '127.0.0.1', port: masterPort });
      for (const socket of [client, master]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          client.destroy();
          master.destroy();
          this.replicationFromMaster.delete(master);
        });
      }
      const spotReplica = (chunk: Buffer) => {
        if (!/REPLCONF|PSYNC/i.test(chunk.toString('latin1'))) return;
        this.replicationFromMaster.set(master, client);
        client.off('data', spotReplica);
      };
      client.on('data', spotReplica);
      client.pipe(master);
      master.pipe(client);
    });
  }

  static async open(masterPort: number): Promise<{ link: ReplicationLink; port: number }> {
    const link = new ReplicationLink(masterPort);
    const port: number = await services.freePort();
    await new Promise<void>((resolve) => link.server.listen(port, '127.0.0.1', resolve));
    return { link, port };
  }

  hold(): void {
    if (this.replicationFromMaster.size === 0)
      throw new Error('no replica replicates through the link: nothing to hold');
    for (const [master, replica] of this.replicationFromMaster) {
      master.unpipe(replica);
      master.pause();
    }
  }

  sever(): void {
    this.server.close();
    for (const socket of this.sockets) socket.destroy();
  }
}

export class SentinelSet implements RedisBackend {
  private constructor(
    private readonly dir: string,
    private readonly master: Process,
    private readonly replica: Process,
    private readonly sentinels: Process[],
    private readonly link: ReplicationLink,
    private readonly linkPort: number,
  ) {}

  static async start(): Promise<SentinelSet> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-sentinel-'));
    const master: Process = await services.startRedis({
      dir: path.join(dir, 'master'),
      port: await services.freePort(),
      password: PASSWORD,
      persistent: true,
    });
    const { link, port: linkPort } = await ReplicationLink.open(master.port);
    const replica: Process = await services.startRedis({
      dir: path.join(dir, 'replica'),
      port: await services.freePort(),
      password: PASSWORD,
      persistent: true,
      replicaOf: linkPort,
    });
    const sentinels: Process[] = [];
    for (const index of [0, 1, 2])
      sentinels.push(
        await services.startSentinel({
          dir: path.join(dir, `sentinel-${index}`),
          port: await services.freePort(),
          masterPort: master.port,
          name: NAME,
          password: PASSWORD,
          sentinelPassword: SENTINEL_PASSWORD,
        }),
      );
    const set = new SentinelSet(dir, master, replica, sentinels, link, linkPort);
    await set.untilReady();
    return set;
  }

  /** What the apps are told: the Sentinels, the master group, and the passwords. */
  get environment(): NodeJS.ProcessEnv {
    return {
      REDIS_URL: `redis://:${PASSWORD}@${NAME}/0`,
      REDIS_SENTINELS: this.sentinels.map((s) => `127.0.0.1:${s.port}`).join(','),
      REDIS_SENTINEL_NAME: NAME,
      REDIS_SENTINEL_PASSWORD: SENTINEL_PASSWORD,
    };
  }

  get endpoint(): RedisEndpoint {
    return {
      url: `redis://:${PASSWORD}@${NAME}/0`,
      sentinels: {
        addresses: this.sentinels.map((s) => ({ host: '127.0.0.1', port: s.port })),
        name: NAME,
        password: SENTINEL_PASSWORD,
      },
    };
  }

  /** A connection to whichever server the Sentinels call the master, as the apps make it. */
  client(): Redis {
    const client = connectRedis(this.endpoint, { maxRetriesPerRequest: 2 });
    client.on('error', () => undefined);
    return client;
  }

  /** The port of the server the Sentinels name as master (every one asked must agree). */
  async masterPort(): Promise<number | undefined> {
    const answers = await Promise.all(
      this.sentinels.map((sentinel) =>
        this.askSentinel(sentinel.port, 'get-master-addr-by-name', NAME).catch(() => undefined),
      ),
    );
    const ports = new Set(answers.map((answer) => Number((answer as string[] | undefined)?.[1])));
    return ports.size === 1 ? [...ports][0] : undefined;
  }

  get originalMasterPort(): number {
    return this.master.port;
  }

  get replicaPort(): number {
    return this.replica.port;
  }

  get sentinelPorts(): number[] {
    return this.sentinels.map((sentinel) => sentinel.port);
  }

  /** From now on the replica receives nothing more of what the master writes. */
  /**
   * Holds replication. A Sentinel re-points a replica whose master differs
   * from the one it monitors ("+fix-slave-config", once it has known the
   * replica for a failover timeout): on a loaded machine that may have come
   * already, and the replica then replicates around the link. So it is
   * pointed back at the link first; a Sentinel that sees that change waits
   * another failover timeout before it would undo it.
   */
  async holdReplication(): Promise<void> {
    const replica = await this.direct(this.replica.port);
    try {
      const info = await replica.info('replication');
      if (!info.includes(`master_port:${this.linkPort}`)) {
        await replica.call('REPLICAOF', '127.0.0.1', String(this.linkPort));
        await services.waitFor(
          'the replica to replicate through the link again',
          async () => /master_link_status:up/.test(await replica.info('replication')),
          30_000,
        );
      }
    } finally {
      replica.disconnect();
    }
    this.link.hold();
  }

  /** The master's process killed at once, and whatever its replica had not received gone with it. */
  async killMaster(): Promise<void> {
    this.link.sever();
    await new Promise<void>((resolve) => {
      if (this.master.child.exitCode !== null) return resolve();
      this.master.child.once('exit', () => resolve());
      this.master.child.kill('SIGKILL');
    });
  }

  /**
   * How far the replica's copy is behind the master's, in bytes of replication stream. The
   * replica is read before the master: under load the master moves on between the two
   * answers, and read the other way round a replica that keeps up could look ahead of it.
   */
  async replicationLag(): Promise<number> {
    const ofReplica = await this.replicationInfo(this.replica.port);
    const ofMaster = await this.replicationInfo(this.master.port);
    return offset(ofMaster, 'master_repl_offset') - offset(ofReplica, 'slave_repl_offset');
  }

  /**
   * Whether the replica is still behind the held link by at least `bytes` of replication stream:
   * a Sentinel may have re-pointed it straight at the master since the hold (then it receives
   * everything although it was behind a moment ago), and a few hundred bytes behind is only the
   * stream's own pings in flight, not the writes the hold was for.
   */
  async replicaIsHeld(bytes: number): Promise<boolean> {
    const info = await this.replicationInfo(this.replica.port);
    return info.includes(`master_port:${this.linkPort}`) && (await this.replicationLag()) >= bytes;
  }

  async stop(): Promise<void> {
    this.link.sever();
    await Promise.all([this.master, this.replica, ...this.sentinels].map((p) => p.stop()));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Every Sentinel knows the master, its replica and the other two Sentinels. */
  private async untilReady(): Promise<void> {
    await services.waitFor(
      'the Sentinels to know the set-up',
      async () => {
        for (const sentinel of this.sentinels) {
          const master = (await this.askSentinel(sentinel.port, 'master', NAME)) as string[];
          const field = (key: string) => master[master.indexOf(key) + 1];
          if (field('num-slaves') !== '1' || field('num-other-sentinels') !== '2') return false;
        }
        return (await this.replicationLag()) === 0;
      },
      30_000,
    );
  }

  private async replicationInfo(port: number): Promise<string> {
    const client = await this.direct(port);
    try {
      return await client.info('replication');
    } finally {
      client.disconnect();
    }
  }

  private async askSentinel(port: number, ...args: string[]): Promise<unknown> {
    const client = await this.direct(port, SENTINEL_PASSWORD);
    try {
      return await client.call('SENTINEL', ...args);
    } finally {
      client.disconnect();
    }
  }

  private async direct(port: number, password = PASSWORD): Promise<Redis> {
    const client = connectRedis(
      { url: `redis://:${password}@127.0.0.1:${port}` },
      { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 },
    );
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }
}

function offset(info: string, field: string): number {
  return Number(new RegExp(`${field}:(\\d+)`).exec(info)?.[1] ?? NaN);
}
