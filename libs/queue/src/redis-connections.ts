import type { RedisEndpoint } from '@app/config';
import type Bull from 'bull';
import type Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { EventEmitter } from 'node:events';
import { connectRedis } from './redis-options';

type ConnectionType = 'client' | 'subscriber' | 'bclient';

/**
 * The most listeners Bull adds to a shared connection for one event per queue
 * using it: a relay kept until the queue closes ('error' on both, 'message' and
 * 'pmessage' on the subscriber), and one more while the queue waits for the
 * connection to be ready ('ready', 'error', 'end'; removed once it is).
 */
const BULL_LISTENERS_PER_QUEUE = 2;

/**
 * The Redis connections behind every machine queue of this process. The
 * command and subscriber connections are shared by all queues (Bull allows
 * it); each consuming queue needs a blocking connection of its own. Bull does
 * not close connections it did not create, so they are closed here.
 */
export class RedisConnections {
  private client?: Redis;
  private subscriber?: Redis;
  private readonly blocking: Redis[] = [];
  /** Queues given each shared connection: Bull asks once per queue for each type. */
  private readonly queuesSharing = new Map<Redis, number>();
  private readonly reconnectListeners: Array<() => void> = [];

  constructor(
    private readonly endpoint: RedisEndpoint,
    private readonly failFast: boolean,
  ) {}

  /**
   * With `failFast`, the command connection refuses commands at once while
   * Redis is unreachable instead of queueing them (ioredis' default), so
   * `queue.add` fails in milliseconds rather than hanging. The blocking and
   * subscriber connections keep Bull's required settings.
   *
   * The options Bull offers are its defaults alone (we give it none): where
   * to connect (127.0.0.1:6379) and a reconnect backoff that grows to 20 s.
   * They are left out, so the endpoint says where, and ioredis' own backoff
   * (at most 2 s) finds Redis again soon after a restart or failover.
   */
  readonly create = (type: ConnectionType): Redis => {
    if (type === 'client') return this.shareWithQueue(this.commandConnection());
    const settings: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: false };
    if (type === 'subscriber') {
      this.subscriber ??= connectRedis(this.endpoint, settings);
      return this.shareWithQueue(this.subscriber);
    }
    const connection = connectRedis(this.endpoint, settings);
    this.blocking.push(connection);
    return connection;
  };

  /**
   * A connection of its own for a purpose Bull does not share (pub/sub for
   * live streams); retries forever and is closed with the rest.
   */
  dedicated(name: string): Redis {
    const connection = connectRedis(this.endpoint, {
      connectionName: name,
      maxRetriesPerRequest: null,
      enableReadyCheck: false,
    });
    this.blocking.push(connection);
    return connection;
  }

  /** The shared command connection. */
  get command(): Redis {
    return this.commandConnection();
  }

  /**
   * Calls `listener` each time the command connection is ready again after
   * losing Redis (a restart, a failover): the moment to look for work that
   * did not reach the queue, or that the server now serving lost.
   */
  onReconnected(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  private commandConnection(): Redis {
    if (this.client) return this.client;
    const client = connectRedis(
      this.endpoint,
      this.failFast ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : {},
    );
    let lost = false;
    client.on('close', () => (lost = true));
    client.on('ready', () => {
      if (!lost) return;
      lost = false;
      for (const listener of this.reconnectListeners) listener();
    });
    this.client = client;
    return client;
  }

  /**
   * Bull adds listeners to a shared connection for every queue on it (which it
   * labels "work as designed", OptimalBits/bull#1192), so the connection's limit
   * grows with its queues; a listener beyond that bound is still reported.
   */
  private shareWithQueue(connection: Redis): Redis {
    const queues = (this.queuesSharing.get(connection) ?? 0) + 1;
    this.queuesSharing.set(connection, queues);
    // Node's default for the connection's own listeners, plus Bull's bound for each queue on it.
    connection.setMaxListeners(
      EventEmitter.defaultMaxListeners + BULL_LISTENERS_PER_QUEUE * queues,
    );
    return connection;
  }

  /** Disconnects every connection made, whatever state it is in (reconnecting ones included). */
  async closeAll(): Promise<void> {
    const all = [this.client, this.subscriber, ...this.blocking].filter(
      (c): c is Redis => c !== undefined,
    );
    await Promise.all(
      all.map(async (connection) => {
        if (connection.status === 'ready') await connection.quit().catch(() => undefined);
        connection.disconnect();
      }),
    );
  }
}

export type BullQueueOptions = Bull.QueueOptions;
