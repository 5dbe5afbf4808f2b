// Real processes on real servers, for the fault-injection suite: a throwaway
// Postgres and Redis that a test may stop, kill, flush and restart, and the
// built API and worker (dist/) as child processes that it may kill -9,
// SIGSTOP or SIGTERM.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { postgresOptions } from '../../libs/domain/src/database/data-source-options';
import { signAccessToken, Role } from '@app/auth';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/local-services');

const ROOT = path.resolve(__dirname, '../..');
export const JWT = {
  secret: 'fault-suite-secret-0123456789abcdef0123',
  keyId: 'primary',
  previousKeys: [],
  issuer: 'aisimulation',
  audience: 'aisimulation-api',
};

/** A Redis set-up other than the stack's own single server: what the apps are told, and how it ends. */
export interface RedisBackend {
  readonly environment: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

interface Server {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export class AppProcess {
  readonly lines: string[] = [];
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) =>
      this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    if (process.env.FAULT_LOGS) {
      child.stdout?.on('data', (c: Buffer) => process.stderr.write(`[${name}] ${c}`));
      child.stderr?.on('data', (c: Buffer) => process.stderr.write(`[${name}:stderr] ${c}`));
    }
  }

  get pid(): number {
    return this.child.pid as number;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** It has not exited. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the exit code, or rejects after `timeoutMs`. */
  async exit(timeoutMs = 30_000): Promise<number | null> {
    return within(this.exited, timeoutMs, `${this.name} to exit`);
  }

  async waitForLog(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    return eventually(async () => this.lines.find((line) => pattern.test(line)), {
      timeoutMs,
      what: `${this.name} to log ${pattern}`,
    });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.signal('SIGCONT');
    this.signal('SIGKILL');
    await this.exited;
  }
}

export class FaultStack {
  readonly apps: AppProcess[] = [];
  private postgres?: Server;
  private redis?: Server;
  private redisBackend?: RedisBackend;
  private pooler?: { port: number; stop: () => Promise<void> };
  db!: Pool;
  private apiPort = 0;

  private constructor(
    private readonly dir: string,
    private readonly postgresPort: number,
    private readonly redisPort: number,
  ) {}

  /** With `redis`, the apps use that set-up instead of a single server of the stack's own. */
  static async start({ redis }: { redis?: RedisBackend } = {}): Promise<FaultStack> {
    if (!fs.existsSync(path.join(ROOT, 'dist/apps/worker/main.js'))) {
      throw new Error(
        'the fault suite runs the built apps: run `npm run build` first (npm run test:faults does)',
      );
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-faults-'));
    fs.chmodSync(dir, 0o755);
    const stack = new FaultStack(dir, await services.freePort(), await services.freePort());
    await stack.startPostgres();
    if (redis) stack.redisBackend = redis;
    else await stack.startRedis();
    const url = await services.ensureDatabase(stack.postgres!.url, 'aisimulation_fault_test');
    if (process.env.FAULTS_POOLER === 'pgbouncer') await stack.startPooler();
    const dataSource = new DataSource(postgresOptions({ url, poolSize: 1 }));
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    stack.db = new Pool({ connectionString: url, max: 4 });
    stack.db.on('error', () => undefined); // idle clients die when a test restarts Postgres
    return stack;
  }

  /**
   * Where the apps reach Postgres: straight, or with FAULTS_POOLER=pgbouncer
   * through Debian's PgBouncer in transaction mode, which stays up while the
   * tests stop and start Postgres behind it. The harness's own `db` is direct.
   */
  get databaseUrl(): string {
    const port = this.pooler?.port ?? this.postgresPort;
    return `postgres://postgres@127.0.0.1:${port}/aisimulation_fault_test`;
  }

  private async startPooler(): Promise<void> {
    this.pooler = await services.startPgBouncer({
      dir: path.join(this.dir, 'pgbouncer'),
      port: await services.freePort(),
      postgresPort: this.postgresPort,
    });
  }

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redisPort}/0`;
  }

  async startPostgres(): Promise<void> {
    this.postgres = await services.startPostgres({
      dataDir: path.join(this.dir, 'postgres'),
      port: this.postgresPort,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
  }

  /** Fast shutdown: sessions are ended, as in a restart or failover. */
  async stopPostgres(): Promise<void> {
    await this.postgres?.stop();
  }

  /** Redis with its append-only file on, as deployed: a restart keeps queued jobs. */
  async startRedis(): Promise<void> {
    this.redis = await services.startRedis({
      dir: path.join(this.dir, 'redis'),
      port: this.redisPort,
      persistent: true,
    });
  }

  killRedis(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.redis!.child;
    return new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async redisCommand(...args: string[]): Promise<void> {
    const Redis = (await import('ioredis')).default;
    const client = new Redis(this.redisUrl);
    await client.call(args[0], ...args.slice(1));
    client.disconnect();
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return appEnvironment({
      DATABASE_URL: this.databaseUrl,
      ...(this.pooler && { DATABASE_PREPARED_STATEMENTS: 'false' }),
      ...(this.redisBackend?.environment ?? { REDIS_URL: this.redisUrl }),
      ...extra,
    });
  }

  async startApi(extra: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    this.apiPort = await services.freePort();
    const api = this.spawn('api', 'dist/apps/api/main.js', {
      PORT: String(this.apiPort),
      ...extra,
    });
    await api.waitForLog(/listening on/);
    return api;
  }

  async startWorker(name: string, extra: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    const worker = this.spawn(name, 'dist/apps/worker/main.js', { WORKER_ID: name, ...extra });
    await worker.waitForLog(/ready as/);
    return worker;
  }

  private spawn(name: string, script: string, extra: NodeJS.ProcessEnv): AppProcess {
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: this.env(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(name, child);
    this.apps.push(app);
    return app;
  }

  /**
   * A database stall for curve writes only: holds a lock that blocks inserts
   * into convergence_points (and nothing the heartbeat or the API touches)
   * for `ms`, so a run falls behind its plan while its worker stays healthy.
   */
  async stallCurveWrites(ms: number): Promise<void> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE convergence_points IN SHARE MODE');
      await sleep(ms);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  token(role: Role = Role.Viewer): string {
    return signAccessToken(JWT, { role, subject: `fault-${role}`, ttlSeconds: 600 });
  }

  /** fetch against the API process with a token of the given role. */
  async request(
    method: string,
    url: string,
    { role = Role.Operator, body }: { role?: Role; body?: unknown } = {},
  ): Promise<{ status: number; body: any; ms: number }> {
    const token = signAccessToken(JWT, { role, subject: `fault-${role}`, ttlSeconds: 600 });
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${this.apiPort}${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
      ms: performance.now() - started,
    };
  }

  async statuses(): Promise<Record<string, number>> {
    const { rows } = await this.db.query(
      `SELECT status, count(*)::int AS n FROM simulations GROUP BY status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.n]));
  }

  /** Resolves when every simulation is finished, or rejects saying what is left. */
  async allFinished(expected: number, timeoutMs: number): Promise<void> {
    await eventually(
      async () =>
        (await this.statuses().catch(() => ({}) as Record<string, number>)).finished === expected
          ? true
          : undefined,
      { timeoutMs, intervalMs: 200, what: `${expected} finished simulations` },
    ).catch(async (error: Error) => {
      throw new Error(
        `${error.message}; statuses now ${JSON.stringify(await this.statuses().catch(() => ({})))}`,
      );
    });
  }

  /** Per simulation: its attempt count, and the points stored for it (all attempts) and for its current attempt. */
  async curves(): Promise<
    Array<{
      simulation_id: number;
      attempt: number;
      stored: number;
      current: number;
      distinct_seconds: number;
    }>
  > {
    const { rows } = await this.db.query(
      `SELECT s.simulation_id, s.attempt,
              count(p.*)::int AS stored,
              count(p.*) FILTER (WHERE p.attempt = s.attempt)::int AS current,
              count(DISTINCT p.seconds)::int AS distinct_seconds
       FROM simulations s LEFT JOIN convergence_points p USING (simulation_id)
       GROUP BY s.simulation_id, s.attempt ORDER BY s.simulation_id`,
    );
    return rows;
  }

  async stop(): Promise<void> {
    await Promise.all(this.apps.map((app) => app.stop()));
    await this.db?.end().catch(() => undefined);
    await Promise.all([
      this.postgres?.stop(),
      this.redis?.stop(),
      this.redisBackend?.stop(),
      this.pooler?.stop(),
    ]);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What every built app of a fault suite runs with, before its own settings. */
export function appEnvironment(settings: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    JWT_SECRET: JWT.secret,
    LOG_LEVEL: 'log',
    NO_COLOR: '1',
    // The suites poll hard from one address; rate limits have their own e2e spec.
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
    RATE_LIMIT_PER_CLIENT_PER_MINUTE: '10000000',
    ...settings,
  };
}

export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Prints a measured figure so the suite's output documents what it saw. */
export function report(figure: string): void {
  process.stderr.write(`  [fault figure] ${figure}\n`);
}
