// The example Redis proxy (deploy/kubernetes/overlays/backends/redis/haproxy.cfg)
// run for real on loopback: HAProxy with that file's checks and settings, in
// front of a real master and replica, through a failover done by hand the way
// Sentinel does it (promote the replica, turn the old master into its replica).
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { eventually } from './e2e-stack';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

const PROXY_CONFIG = path.resolve(
  __dirname,
  '../deploy/kubernetes/overlays/backends/redis/haproxy.cfg',
);
const PASSWORD = 'proxy-test-password';

describe('the example Redis proxy, in front of a real master and replica', () => {
  const children: ChildProcess[] = [];
  const clients: Redis[] = [];
  let scratch: string;
  let ports: { first: number; second: number; proxy: number };

  const startRedis = async (port: number, replicaOf?: number) => {
    const redis = await services.startRedis({
      dir: path.join(scratch, String(port)),
      port,
      password: PASSWORD,
      replicaOf,
    });
    children.push(redis.child);
  };
  const direct = (port: number) =>
    track(new Redis({ port, password: PASSWORD, lazyConnect: true }));
  const viaProxy = () =>
    track(
      new Redis({
        port: ports.proxy,
        password: PASSWORD,
        lazyConnect: true,
        retryStrategy: () => null,
      }),
    );
  const track = (client: Redis) => (clients.push(client), client);
  /** Which server a fresh connection through the proxy lands on. */
  const landsOn = async () => {
    const client = viaProxy();
    try {
      await client.connect();
      const [, port] = (await client.config('GET', 'port')) as string[];
      return Number(port);
    } finally {
      client.disconnect();
    }
  };

  /**
   * Every connection for `forMs` lands on `port`: longer than the proxy's
   * checks take to mark a server up or down (inter 1s, rise 2, fall 2), so a
   * proxy that merely had not checked yet cannot pass.
   */
  const landsOnlyOn = async (port: number, forMs = 3_500) => {
    const landed = new Set<number>();
    for (const until = Date.now() + forMs; Date.now() < until;) {
      landed.add(await landsOn().catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [...landed];
  };

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'redis-proxy-'));
    ports = {
      first: await services.freePort(),
      second: await services.freePort(),
      proxy: await services.freePort(),
    };
    await startRedis(ports.first);
    await startRedis(ports.second, ports.first);
    const replica = direct(ports.second);
    await eventually(
      async () =>
        (await replica.info('replication')).includes('master_link_status:up') ? true : undefined,
      { what: 'the replica to be in sync', intervalMs: 100 },
    );
    // The file as deployed, but for where it listens and the servers' addresses.
    const config = readFileSync(PROXY_CONFIG, 'utf8')
      .replace(/^(\s*)bind :6379$/m, `$1bind 127.0.0.1:${ports.proxy}`)
      .replace(/^\s*server .*$/gm, '')
      .concat(
        `  server redis-0 127.0.0.1:${ports.first}\n  server redis-1 127.0.0.1:${ports.second}\n`,
      );
    const file = path.join(scratch, 'haproxy.cfg');
    writeFileSync(file, config);
    const haproxy = services.ensureDebianCommand('haproxy', 'haproxy');
    const proxy = spawn(haproxy, ['-db', '-f', file], {
      stdio: 'ignore',
      env: { ...process.env, REDIS_PASSWORD: PASSWORD, POD_NAMESPACE: 'test' },
    });
    children.push(proxy);
    await services.waitFor('HAProxy', () => services.isPortOpen(ports.proxy), 10_000, proxy);
  });

  afterAll(async () => {
    await Promise.all(clients.filter((c) => c.status === 'ready').map((c) => c.quit()));
    await Promise.all(children.map((child) => services.stopChild(child, 'SIGTERM')));
    rmSync(scratch, { recursive: true, force: true });
  });

  it('sends every connection to the master, never the replica', async () => {
    const seen = await eventually(
      async () => ((await landsOn().catch(() => 0)) === ports.first ? true : undefined),
      {
        what: 'the proxy to mark the master up',
      },
    );
    expect(seen).toBe(true);
    expect(await landsOnlyOn(ports.first)).toEqual([ports.first]);
  });

  it('after a failover, cuts the old master’s connections and sends new ones to the new master', async () => {
    const held = viaProxy();
    await held.connect();
    await held.set('before-failover', 'kept');
    // Replication is asynchronous: what the replica has not received when it
    // is promoted is lost, proxy or not. Wait for it, as a planned failover does.
    expect(await held.call('WAIT', '1', '5000')).toBe(1);
    const closed = new Promise<void>((resolve) => held.once('end', () => resolve()));

    const promoted = direct(ports.second);
    const demoted = direct(ports.first);
    await promoted.connect();
    await demoted.connect();
    await promoted.replicaof('NO', 'ONE');
    await demoted.replicaof('127.0.0.1', String(ports.second));
    const failedOverAt = Date.now();

    await closed;
    const landed = await eventually(
      async () => ((await landsOn().catch(() => 0)) === ports.second ? true : undefined),
      { what: 'new connections to reach the new master' },
    );
    expect(landed).toBe(true);
    expect(Date.now() - failedOverAt).toBeLessThan(10_000);
    expect(await landsOnlyOn(ports.second)).toEqual([ports.second]);
    const client = viaProxy();
    await client.connect();
    expect(await client.get('before-failover')).toBe('kept');
    await client.set('after-failover', 'written');
    expect(await promoted.get('after-failover')).toBe('written');
  });
});
