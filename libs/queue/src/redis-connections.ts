import { InjectQueue } from '@nestjs/bull';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';
import Redis, { RedisOptions } from 'ioredis';
import { SIMULATION_QUEUE } from './queue.constants';

type ConnectionType = 'client' | 'subscriber' | 'bclient';

/**
 * The Redis connections made for Bull. Bull leaves connections from a custom
 * `createClient` open when it closes the queue, so they are tracked here and
 * closed after it.
 */
export class RedisConnections {
  private readonly made: Redis[] = [];

  constructor(
    private readonly redisUrl: string,
    private readonly failFast: boolean,
  ) {}

  /**
   * Bull opens three connections. With `failFast`, the command connection
   * refuses commands at once while Redis is unreachable instead of queueing
   * them (ioredis' default), so `queue.add` fails in milliseconds rather than
   * hanging. The blocking and subscriber connections keep Bull's settings.
   */
  readonly create = (type: ConnectionType, options?: RedisOptions): Redis => {
    const settings: RedisOptions =
      type === 'client'
        ? {
            ...options,
            ...(this.failFast ? { enableOfflineQueue: false, maxRetriesPerRequest: 1 } : {}),
          }
        : { ...options, maxRetriesPerRequest: null, enableReadyCheck: false };
    const connection = new Redis(this.redisUrl, settings);
    this.made.push(connection);
    return connection;
  };

  /** Disconnects every connection made, whatever state it is in (reconnecting ones included). */
  async closeAll(): Promise<void> {
    await Promise.all(
      this.made.map(async (connection) => {
        if (connection.status === 'ready') await connection.quit().catch(() => undefined);
        connection.disconnect();
      }),
    );
  }
}

/** Closes the queue (a second close by @nestjs/bull is harmless), then its connections. */
@Injectable()
export class QueueShutdown implements OnApplicationShutdown {
  constructor(
    @InjectQueue(SIMULATION_QUEUE) private readonly queue: Queue,
    private readonly connections: RedisConnections,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.connections.closeAll();
  }
}
