// Boots the real API and workers, through the same bootstrap functions as
// production, against this Jest worker's private database and Redis db.
import { createApiApp } from '../apps/api/src/bootstrap';
import { buildOpenApiDocument } from '../apps/api/src/swagger';
import { loadApiConfig } from '../apps/api/src/config/api-config';
import {
  type ProjectRoles,
  resolveJwtSettings,
  Role,
  signAccessToken,
  signRunToken,
} from '@app/auth';

/** A role by its name, so specs outside the API (the worker's) need not import the API's enum. */
export type RoleName = `${Role}`;
import { createWorker } from '../apps/worker/src/bootstrap';
import { loadWorkerConfig } from '../apps/worker/src/config/worker-config';
import { StatusServer } from '../apps/worker/src/metrics/status-server';
import { postgresOptions } from '@app/domain';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Redis from 'ioredis';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ExchangeRecorder } from './exchange-recorder';
import { describeViolations, OpenApiContract } from './openapi-contract';
import { provisionTestConnections, TestConnections } from './test-services';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

export const TEST_JWT_SECRET = 'e2e-test-secret-that-is-long-enough-0123456789';

export interface WorkerOptions {
  tickMs?: number;
  concurrency?: number;
  reconcileIntervalMs?: number;
  /** Any other worker variables, e.g. LEASE_MS. */
  env?: NodeJS.ProcessEnv;
}

export class E2eStack {
  private readonly workers: INestApplicationContext[] = [];
  private baseUrl?: string;
  private pooler?: { url: string; stop: () => Promise<void> };

  private constructor(
    readonly connections: TestConnections,
    readonly env: NodeJS.ProcessEnv,
    readonly api: NestExpressApplication,
    /** Direct database access, for arranging data and asserting end states. */
    readonly db: DataSource,
    readonly redis: Redis,
    /** Every answer any API of this stack gave; close() holds them against the OpenAPI document. */
    readonly recorder: ExchangeRecorder,
  ) {}

  /**
   * `pooler`: the API and workers reach Postgres through Debian's PgBouncer
   * in transaction mode (stock settings), with DATABASE_PREPARED_STATEMENTS
   * as given; `db` stays a direct connection.
   */
  static async start(
    options: { pooler?: { preparedStatements: boolean } } = {},
  ): Promise<E2eStack> {
    const connections = await provisionTestConnections();
    const pooler = options.pooler && (await startPooler(connections.databaseUrl));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: pooler?.url ?? connections.databaseUrl,
      ...(options.pooler && {
        DATABASE_PREPARED_STATEMENTS: String(options.pooler.preparedStatements),
      }),
      REDIS_URL: connections.redisUrl,
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: '5',
      // Specs make thousands of requests from one address; the rate-limit spec sets its own.
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
      RATE_LIMIT_PER_CLIENT_PER_MINUTE: '10000000',
      RATE_LIMIT_TOKEN_PER_MINUTE: '10000000',
    };
    const redis = new Redis(connections.redisUrl, { maxRetriesPerRequest: 1 });
    await redis.flushdb();
    const db = new DataSource(postgresOptions({ url: connections.databaseUrl, poolSize: 3 }));
    await db.initialize();
    const recorder = new ExchangeRecorder();
    const api = await createApiApp(loadApiConfig(env));
    recorder.attach(api);
    await api.init();
    const stack = new E2eStack(connections, env, api, db, redis, recorder);
    stack.pooler = pooler;
    return stack;
  }

  /**
   * Another API on the same database and Redis, configured with `overrides`;
   * its answers are recorded and checked like the main one's. The spec
   * closes it. Passport keeps one 'jwt' strategy per
   * process, the last app made's, so specs make these after using `api`.
   */
  async createApi(overrides: NodeJS.ProcessEnv): Promise<NestExpressApplication> {
    const app = await createApiApp(loadApiConfig({ ...this.env, ...overrides }));
    this.recorder.attach(app);
    await app.init();
    return app;
  }

  /** Starts the API listening on a free port (for streaming clients); answers its base URL. */
  async listen(): Promise<string> {
    if (!this.baseUrl) {
      await this.api.listen(0, '127.0.0.1');
      const address = this.api.getHttpServer().address() as { port: number };
      this.baseUrl = `http://127.0.0.1:${address.port}`;
    }
    return this.baseUrl;
  }

  /** A supertest client for the API. */
  get http() {
    return request(this.api.getHttpServer());
  }

  /** An access token; with `projects`, scoped to them (docs/projects.md). */
  token(
    role: Role | RoleName,
    ttlSeconds = 600,
    subject = `e2e-${role}`,
    projects?: ProjectRoles,
  ): string {
    return signAccessToken(resolveJwtSettings(this.env), {
      role: role as Role,
      subject,
      ttlSeconds,
      projects,
    });
  }

  /** A run-scoped token: reports for attempt `attempt` of simulation `simulationId`, and nothing else. */
  runToken(simulationId: number, attempt = 1): string {
    return signRunToken(resolveJwtSettings(this.env), {
      simulationId,
      attempt,
      createdBy: 'e2e-operator',
    });
  }

  /** Requests carrying a token with the given role (and, optionally, another subject than e2e-<role>). */
  as(role: Role | RoleName, subject?: string) {
    const header = `Bearer ${this.token(role, 600, subject)}`;
    const http = () => this.http;
    return {
      get: (url: string) => http().get(url).set('Authorization', header),
      post: (url: string, body?: string | object) => {
        const pending = http().post(url).set('Authorization', header);
        return body === undefined ? pending : pending.send(body);
      },
      patch: (url: string, body: object) =>
        http().patch(url).set('Authorization', header).send(body),
      delete: (url: string) => http().delete(url).set('Authorization', header),
    };
  }

  /** GET /simulation/{id} as a viewer. */
  async simulation(id: number) {
    return (await this.as(Role.Viewer).get(`/simulation/${id}`).expect(200)).body;
  }

  /** Polls the simulation until it has `status`; answers it then. */
  async waitForStatus(id: number, status: string, timeoutMs = 15_000) {
    return eventually(
      async () => {
        const current = await this.simulation(id);
        return current.status === status ? current : undefined;
      },
      { what: `simulation ${id} to be ${status}`, timeoutMs },
    );
  }

  async startWorker(options: WorkerOptions = {}): Promise<INestApplicationContext> {
    const worker = await createWorker(
      loadWorkerConfig({
        ...this.env,
        SIMULATION_TICK_MS: String(options.tickMs ?? 50),
        WORKER_CONCURRENCY: String(options.concurrency ?? 20),
        RECONCILE_INTERVAL_MS: String(options.reconcileIntervalMs ?? 60_000),
        RETRY_BACKOFF_MS: '50',
        // Tests make machines on the fly; a pool worker should find their queues at once.
        MACHINE_REFRESH_MS: '200',
        ...options.env,
      }),
    );
    this.workers.push(worker);
    return worker;
  }

  /**
   * Where a worker serves its metrics and probes (started with METRICS_PORT,
   * 0 for any free port), so API specs need not reach into the worker's source.
   */
  statusUrlOf(worker: INestApplicationContext): string {
    return `http://127.0.0.1:${worker.get(StatusServer).port}`;
  }

  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  /** Empties every table and the Redis db, so each test starts from nothing. */
  async reset(): Promise<void> {
    await this.db.query(
      `TRUNCATE api_clients, convergence_points, convergence_summaries, simulation_attempts, idempotency_keys, workers, simulations, machines, expired_curve_days, maintenance_leases RESTART IDENTITY CASCADE`,
    );
    // Experiment 0 is the migration's: every run outside the MLflow subset belongs to it.
    await this.db.query(`DELETE FROM experiments WHERE experiment_id <> 0`);
    await this.db.query(`ALTER TABLE experiments ALTER COLUMN experiment_id RESTART WITH 1`);
    // Project 1 is the migration's `default`, every run's unless another is named.
    await this.db.query(`DELETE FROM projects WHERE project_id <> 1`);
    await this.db.query(`ALTER TABLE projects ALTER COLUMN project_id RESTART WITH 2`);
    await this.redis.flushdb();
  }

  /**
   * Every response recorded so far that the served OpenAPI document does not
   * allow, one line per problem (fails the spec file from close()).
   */
  async contractViolations(): Promise<string[]> {
    const document = buildOpenApiDocument(this.api);
    return describeViolations(new OpenApiContract(document as never), this.recorder.exchanges);
  }

  async close(): Promise<void> {
    // Checked first (the app serves the document), reported last (after everything is closed).
    const violations = await this.contractViolations().catch((error: Error) => [
      `could not check the answers against the document: ${error.message}`,
    ]);
    await this.stopWorkers();
    await this.api.close();
    await this.db.destroy();
    this.redis.disconnect();
    await this.pooler?.stop();
    if (violations.length) {
      throw new Error(
        `${violations.length} answer(s) broke the OpenAPI document:\n  ${violations.join('\n  ')}`,
      );
    }
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 15_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A PgBouncer of this stack's own in front of its database, in transaction mode. */
async function startPooler(databaseUrl: string) {
  const direct = new URL(databaseUrl);
  const port = await services.freePort();
  const bouncer = await services.startPgBouncer({
    dir: mkdtempSync(path.join(tmpdir(), 'pgbouncer-')),
    port,
    postgresPort: Number(direct.port),
  });
  const pooled = new URL(databaseUrl);
  pooled.port = String(port);
  return { url: pooled.toString(), stop: () => bouncer.stop() as Promise<void> };
}
