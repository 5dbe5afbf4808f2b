import type { RedisEndpoint } from '@app/config';
import Redis, { RedisOptions, SentinelConnectionOptions, SentinelConnector } from 'ioredis';

/**
 * A command refused by a server that is a replica now: the connection was
 * made to a master that a failover has since demoted. Nothing ran, so the
 * connection is made again (to the master of now) and the command re-sent.
 */
export function reconnectWhenReadOnly(error: Error): 2 | false {
  return error.message.startsWith('READONLY') ? 2 : false;
}

/**
 * ioredis' Sentinel connector with two faults of its own mended:
 *
 * - Every connection it makes to a Sentinel has an error listener. ioredis
 *   gives none to the failover detector's subscriptions, so each of their
 *   connection errors (a Sentinel restarted, a link reset) would be printed
 *   to stderr as an "Unhandled error event", outside the logs; the detector
 *   reconnects by itself either way.
 * - A connection finding the master again stops listening for failovers
 *   first. ioredis replaces the failover detector only once a new socket has
 *   connected, so after a master dies the detector of the dead connection
 *   lives on through the reconnect attempts; when the Sentinels then announce
 *   the new master it "disconnects" the attempt under way, which ends the
 *   connection for good if the attempt was asking a Sentinel at that moment
 *   ("Connection is closed" on every later command). The attempt asks the
 *   Sentinels anyway, and its new socket gets a detector of its own.
 */
export class ListenedSentinelConnector extends SentinelConnector {
  // ioredis hands a connector the connection's options untyped.
  constructor(options: unknown) {
    super(options as SentinelConnectionOptions);
  }

  override connect(...args: Parameters<SentinelConnector['connect']>) {
    const previous = Reflect.get(this, 'failoverDetector') as { cleanup(): void } | null;
    previous?.cleanup();
    Reflect.set(this, 'failoverDetector', null);
    return super.connect(...args);
  }
}
const connectToSentinel: unknown = Reflect.get(SentinelConnector.prototype, 'connectToSentinel');
if (typeof connectToSentinel === 'function')
  Reflect.set(
    ListenedSentinelConnector.prototype,
    'connectToSentinel',
    function (this: SentinelConnector, ...args: unknown[]): Redis {
      const sentinel = connectToSentinel.apply(this, args) as Redis;
      sentinel.on('error', () => undefined);
      return sentinel;
    },
  );

/**
 * The ioredis options for one connection to `endpoint`, merged with the
 * connection's own settings. Every Redis connection of both apps is made from
 * these (Bull's, the live-curve channels', the rate limits'), so credentials,
 * TLS and Sentinel apply to all of them alike.
 */
export function redisOptions(endpoint: RedisEndpoint, own: RedisOptions = {}): RedisOptions {
  const url = new URL(endpoint.url);
  const tls = url.protocol === 'rediss:';
  const common: RedisOptions = {
    username: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    reconnectOnError: reconnectWhenReadOnly,
    ...own,
  };
  const { sentinels } = endpoint;
  if (!sentinels) {
    return {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : 6379,
      ...(tls && { tls: {} }),
      ...common,
    };
  }
  return {
    sentinels: sentinels.addresses.map(({ host, port }) => ({ host, port })),
    name: sentinels.name,
    sentinelPassword: sentinels.password,
    // Subscribes to the Sentinels' +switch-master, so connections move to a new
    // master when it is promoted rather than when the old one's socket times out.
    failoverDetector: true,
    Connector: ListenedSentinelConnector,
    ...(tls && { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true }),
    ...common,
  };
}

/**
 * A connection to `endpoint` with the given settings of its own. Its errors
 * reach whoever issued the failing command; without a listener ioredis would
 * also print each reconnect attempt's error to stderr, outside the logs.
 */
export function connectRedis(endpoint: RedisEndpoint, own: RedisOptions = {}): Redis {
  const connection = new Redis(redisOptions(endpoint, own));
  connection.on('error', () => undefined);
  return connection;
}
