import Redis from 'ioredis';
import { ListenedSentinelConnector, redisOptions, reconnectWhenReadOnly } from './redis-options';

describe('redisOptions', () => {
  it('connect to the URL’s server with its credentials and database', () => {
    expect(redisOptions({ url: 'redis://app:p%40ss@10.0.0.5:6380/3' })).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      username: 'app',
      password: 'p@ss',
      db: 3,
    });
  });

  it('default to port 6379, database 0, no credentials and no TLS', () => {
    const options = redisOptions({ url: 'redis://redis' });
    expect(options).toMatchObject({ host: 'redis', port: 6379, db: 0 });
    expect(options.username).toBeUndefined();
    expect(options.password).toBeUndefined();
    expect(options.tls).toBeUndefined();
  });

  it('speak TLS for rediss://', () => {
    expect(redisOptions({ url: 'rediss://:p@redis.example:6380/0' }).tls).toEqual({});
  });

  it('ask the Sentinels for the master, and keep the URL’s credentials and database', () => {
    const options = redisOptions({
      url: 'redis://:secret@mymaster/1',
      sentinels: {
        addresses: [
          { host: 's0', port: 26379 },
          { host: 's1', port: 26380 },
        ],
        name: 'mymaster',
        password: 'sentinel-secret',
      },
    });
    expect(options).toMatchObject({
      sentinels: [
        { host: 's0', port: 26379 },
        { host: 's1', port: 26380 },
      ],
      name: 'mymaster',
      sentinelPassword: 'sentinel-secret',
      password: 'secret',
      db: 1,
      failoverDetector: true,
    });
    expect(options.host).toBeUndefined();
    expect(options.tls).toBeUndefined();
  });

  it('speak TLS to the Sentinels and the master alike for rediss://', () => {
    const options = redisOptions({
      url: 'rediss://:secret@mymaster/0',
      sentinels: { addresses: [{ host: 's0', port: 26379 }], name: 'mymaster' },
    });
    expect(options).toMatchObject({ tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true });
  });

  it('let a connection’s own settings win', () => {
    expect(redisOptions({ url: 'redis://redis/0' }, { db: 5, connectionName: 'x' })).toMatchObject({
      db: 5,
      connectionName: 'x',
    });
  });

  it('reconnect and re-send a command a demoted master refused, and nothing else', () => {
    expect(
      reconnectWhenReadOnly(new Error("READONLY You can't write against a read only replica.")),
    ).toBe(2);
    expect(reconnectWhenReadOnly(new Error('NOAUTH Authentication required.'))).toBe(false);
  });
});

describe('ListenedSentinelConnector', () => {
  it('gives every connection it makes to a Sentinel an error listener', () => {
    const connector = new ListenedSentinelConnector({
      sentinels: [{ host: '127.0.0.1', port: 1 }],
      name: 'mymaster',
    });
    const connect = Reflect.get(connector, 'connectToSentinel') as (
      endpoint: { host: string; port: number },
      options: object,
    ) => Redis;
    const sentinel = connect.call(connector, { host: '127.0.0.1', port: 1 }, { lazyConnect: true });
    try {
      expect(sentinel).toBeInstanceOf(Redis);
      expect(sentinel.listenerCount('error')).toBe(1);
    } finally {
      sentinel.disconnect();
    }
  });
});
