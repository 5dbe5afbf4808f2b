// The service deployed on several hosts of one machine (network namespaces,
// network.ts): Postgres on one host; three Redis hosts, each a Redis and a
// Sentinel (the first the master); two API hosts behind HAProxy on a host of
// its own; three worker hosts, two serving machine 1 and one machine 2. The
// test runner is the client host. Apps are the built ones (dist/), started
// inside their hosts; everything stops with the network's teardown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Redis from 'ioredis';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { signAccessToken, Role } from '@app/auth';
import { postgresOptions } from '../../libs/domain/src/database/data-source-options';
import { connectRedis } from '../../libs/queue/src/redis-options';
import { AppProcess, appEnvironment, JWT } from '../faults/fault-harness';
import { ClusterNetwork, Host } from './network';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/local-services');

const ROOT = path.resolve(__dirname, '../..');
const POSTGRES_PORT = 5432;
export const REDIS_PORT = 6379;
export const SENTINEL_PORT = 26379;
const API_PORT = 8000;
const BALANCER_PORT = 8080;
const REDIS_PASSWORD = 'cluster-redis-password';
const MASTER_NAME = 'aisimulation';

export const HOSTS = {
  postgres: 'pg',
  redis: ['redis-1', 'redis-2', 'redis-3'],
  balancer: 'lb',
  apis: ['api-1', 'api-2'],
  workers: ['worker-1', 'worker-2', 'worker-3'],
} as const;

/** Which machine each worker host serves. */
export const WORKER_MACHINES: Record<string, number> = {
  'worker-1': 1,
  'worker-2': 1,
  'worker-3': 2,
};

/**
 * Timings sized for a suite of minutes on two cores: a lease of 6 s, swept
 * every second; everything else follows from it as in production.
 */
export const TIMINGS = {
  LEASE_MS: '6000',
  HEARTBEAT_INTERVAL_MS: '1000',
  SWEEP_INTERVAL_MS: '1000',
  RECONCILE_INTERVAL_MS: '3000',
  MACHINE_REFRESH_MS: '1000',
  SIMULATION_TICK_MS: '100',
  RETRY_BACKOFF_MS: '500',
};

interface Stoppable {
  stop(): Promise<void>;
}

export class Cluster {
  readonly apps = new Map<string, AppProcess>();
  private readonly servers: Stoppable[] = [];
  db!: Pool;

  private constructor(
    readonly network: ClusterNetwork,
    private readonly dir: string,
  ) {}

  static async start(): Promise<Cluster> {
    if (!fs.existsSync(path.join(ROOT, 'dist/apps/worker/main.js')))
      throw new Error('the cluster suite runs the built apps: `npm run test:cluster` builds them');
    const network = ClusterNetwork.create([
      HOSTS.postgres,
      ...HOSTS.redis,
      HOSTS.balancer,
      ...HOSTS.apis,
      ...HOSTS.workers,
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-cluster-'));
    fs.chmodSync(dir, 0o755);
    const cluster = new Cluster(network, dir);
    try {
      await cluster.startBackends();
      for (const name of HOSTS.apis) await cluster.startApi(name);
      await cluster.startBalancer();
      for (const name of HOSTS.workers) await cluster.startWorker(name);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  host(name: string): Host {
    return this.network.host(name);
  }

  get databaseUrl(): string {
    return `postgres://postgres@${this.host(HOSTS.postgres).address}:${POSTGRES_PORT}/aisimulation`;
  }

  /** Where clients reach the service: the balancer. */
  get url(): string {
    return `http://${this.host(HOSTS.balancer).address}:${BALANCER_PORT}`;
  }

  apiUrl(name: string): string {
    return `http://${this.host(name).address}:${API_PORT}`;
  }

  token(role: Role = Role.Operator, subject = `cluster-${role}`): string {
    return signAccessToken(JWT, { role, subject, ttlSeconds: 3600 });
  }

  private async startBackends(): Promise<void> {
    const pg = this.host(HOSTS.postgres);
    const postgres = await services.startPostgres({
      dataDir: path.join(this.dir, 'postgres'),
      port: POSTGRES_PORT,
      host: pg,
      clients: this.network.cidr,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    this.servers.push(postgres);
    await services.ensureDatabase(postgres.url, 'aisimulation');
    const dataSource = new DataSource(postgresOptions({ url: this.databaseUrl, poolSize: 1 }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    this.db = new Pool({ connectionString: this.databaseUrl, max: 4 });
    this.db.on('error', () => undefined);

    const [first, ...others] = HOSTS.redis.map((name) => this.host(name));
    for (const host of [first, ...others])
      this.servers.push(
        await services.startRedis({
          dir: path.join(this.dir, host.name),
          port: REDIS_PORT,
          host,
          password: REDIS_PASSWORD,
          persistent: true,
          replicaOf: host === first ? undefined : { address: first.address, port: REDIS_PORT },
        }),
      );
    for (const host of [first, ...others])
      this.servers.push(
        await services.startSentinel({
          dir: path.join(this.dir, `${host.name}-sentinel`),
          port: SENTINEL_PORT,
          host,
          masterAddress: first.address,
          masterPort: REDIS_PORT,
          name: MASTER_NAME,
          password: REDIS_PASSWORD,
          sentinelPassword: REDIS_PASSWORD,
        }),
      );
  }

  /** The settings every app host gets: Postgres, the Sentinels, the timings. */
  private environment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return appEnvironment({
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: `redis://:${REDIS_PASSWORD}@${MASTER_NAME}/0`,
      REDIS_SENTINELS: HOSTS.redis
        .map((name) => `${this.host(name).address}:${SENTINEL_PORT}`)
        .join(','),
      REDIS_SENTINEL_NAME: MASTER_NAME,
      REDIS_SENTINEL_PASSWORD: REDIS_PASSWORD,
      ...TIMINGS,
      ...extra,
    });
  }

  async startApi(name: string): Promise<AppProcess> {
    const api = this.spawnApp(name, 'dist/apps/api/main.js', {
      PORT: String(API_PORT),
      HOST: '0.0.0.0',
      // The balancer is the client's peer; X-Forwarded-For names the client.
      TRUST_PROXY: this.host(HOSTS.balancer).address,
    });
    await api.waitForLog(/listening on/);
    return api;
  }

  async startWorker(name: string): Promise<AppProcess> {
    const machine = WORKER_MACHINES[name];
    const worker = this.spawnApp(name, 'dist/apps/worker/main.js', {
      WORKER_ID: name,
      MACHINE_ID: String(machine),
      MACHINE_NAME: `machine ${machine}`,
      WORKER_CONCURRENCY: '20',
    });
    await worker.waitForLog(/ready as/);
    return worker;
  }

  private spawnApp(name: string, script: string, extra: NodeJS.ProcessEnv): AppProcess {
    const child = this.network.spawn(this.host(name), process.execPath, [script], {
      cwd: ROOT,
      env: this.environment(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(name, child);
    this.apps.set(name, app);
    return app;
  }

  /** HAProxy on its own host: round robin over the API hosts, each checked on /health/live. */
  private async startBalancer(): Promise<void> {
    const haproxy = services.ensureDebianCommand('haproxy', 'haproxy');
    const lb = this.host(HOSTS.balancer);
    const config = path.join(this.dir, 'haproxy.cfg');
    fs.writeFileSync(
      config,
      [
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 60s',
        '  timeout server 60s',
        // A live stream is one long response: held open while points arrive.
        '  timeout tunnel 10m',
        '  option forwardfor',
        'frontend api',
        `  bind ${lb.address}:${BALANCER_PORT}`,
        '  default_backend apis',
        'backend apis',
        '  balance roundrobin',
        '  option httpchk GET /health/live',
        // A host cut off answers no check at all: give up on one after 500 ms, not `timeout connect`.
        '  timeout check 500ms',
        '  default-server inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions',
        ...HOSTS.apis.map(
          (name) => `  server ${name} ${this.host(name).address}:${API_PORT} check`,
        ),
        '',
      ].join('\n'),
    );
    const child = this.network.spawn(lb, haproxy, ['-db', '-f', config], { stdio: 'ignore' });
    this.servers.push({ stop: () => services.stopChild(child, 'SIGTERM') });
    await services.waitFor(
      'the balancer',
      async () => (await fetch(`${this.url}/health/live`)).status === 200,
      15_000,
      child,
    );
  }

  /** A connection to the master of now, through the Sentinels, as the apps make it. */
  redisClient(): Redis {
    return connectRedis(
      {
        url: `redis://:${REDIS_PASSWORD}@${MASTER_NAME}/0`,
        sentinels: {
          addresses: HOSTS.redis.map((name) => ({
            host: this.host(name).address,
            port: SENTINEL_PORT,
          })),
          name: MASTER_NAME,
          password: REDIS_PASSWORD,
        },
      },
      { maxRetriesPerRequest: 2 },
    );
  }

  /** The address the Sentinels give for the master now. */
  async sentinelMaster(): Promise<string> {
    for (const name of HOSTS.redis) {
      const sentinel = connectRedis(
        { url: `redis://:${REDIS_PASSWORD}@${this.host(name).address}:${SENTINEL_PORT}` },
        {
          lazyConnect: true,
          retryStrategy: () => null,
          maxRetriesPerRequest: 0,
          connectTimeout: 1_000,
        },
      );
      try {
        await sentinel.connect();
        const answer = await sentinel.call('SENTINEL', 'get-master-addr-by-name', MASTER_NAME);
        return (answer as string[])[0];
      } catch {
        // that Sentinel's host may be the one cut off: ask the next
      } finally {
        sentinel.disconnect();
      }
    }
    throw new Error('no Sentinel answered');
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => app.stop()));
    await this.db?.end().catch(() => undefined);
    await Promise.all(this.servers.map((server) => server.stop().catch(() => undefined)));
    this.network.teardown();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
