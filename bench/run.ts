/**
 * `npm run bench`: the service measured against the limit, side by side.
 *
 * Starts Postgres (default durability) and Redis, seeds 100,000 simulations
 * over 20 machines and curves of 1,000 / 10,000 / 1,000,000 points, then runs
 * the production build of the API and a worker (NODE_ENV=production, info
 * logs) next to a baseline doing the same SQL on raw node:http + pg (and COPY
 * for writes). Each pair runs A B A B A B with fixed autocannon settings.
 * Prints a table and writes bench/results/latest.json and latest.md (a BENCH_SCENARIOS run: partial-<scenarios>.json).
 */
import { postgresOptions } from '@app/domain';
import { repositoryStatements } from './lib/repository-statements';
import { machineQueueName } from '@app/queue';
import Queue from 'bull';
import * as esbuild from 'esbuild';
import * as prettier from 'prettier';
import Redis from 'ioredis';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { resolveJwtSettings, Role, signAccessToken } from '@app/auth';
import {
  LOAD,
  median,
  runLoad,
  type BenchRow as Row,
  type LoadRequest,
  type LoadResult,
  type PairOutcome,
  type Side,
} from './lib/load';
import { MeasuredProcess, waitForHttp } from './lib/processes';
import { CURVE_LENGTHS, MACHINES, seed, SIMULATIONS } from './lib/seed';
import { historyScenario } from './history-scenario';
import { searchScenario } from './search-scenario';
import { ingestionScenario } from './ingestion-scenario';
import { programsScenario } from './programs-scenario';
import { sdkScenario } from './sdk-scenario';
import { mlflowSubsetScenario } from './mlflow-subset-scenario';
import { batchAgainstSingles } from './lib/batch-creates';
import { sampleHeapSpaces } from './lib/heap-spaces';
import {
  copyCurveWrite,
  enqueueSimulations,
  measureWorkerThroughput,
  waitForStatus,
  workerCurveWrite,
} from './lib/worker-scenarios';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

const ROUNDS = 3;
/** BENCH_SCENARIOS=1,3 runs only those (while working on one); the default is all. */
const ONLY = new Set((process.env.BENCH_SCENARIOS ?? '').split(',').filter(Boolean).map(Number));
const wanted = (scenario: number) => ONLY.size === 0 || ONLY.has(scenario);
/** BENCH_API_NODE_FLAGS="--max-semi-space-size=8 …": node flags for the API, for experiments. */
const API_NODE_FLAGS = (process.env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean);
/** BENCH_PG_STATEMENTS=1: Postgres' own profile, the statements that took its time, printed at the end. */
const PG_STATEMENTS = process.env.BENCH_PG_STATEMENTS === '1';
const WORKER_MACHINE = MACHINES + 1;
/** Scenario 13's worker, which runs declared programs. */
const PROGRAM_MACHINE = MACHINES + 2;
const root = path.resolve(__dirname, '..');
const log = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomInt = (low: number, high: number) => low + Math.floor(Math.random() * (high - low + 1));
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

let settle: () => Promise<void> = async () => undefined;

/**
 * Waits until Postgres has no statement of the last round still running: the
 * load generator stops sending, but queries it started (a slow GROUP BY takes
 * seconds) would otherwise run on into the other side's round.
 */
function settleOn(db: DataSource): () => Promise<void> {
  return async () => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const [{ active }] = await db.query(
        `SELECT count(*)::int AS active FROM pg_stat_activity
         WHERE state = 'active' AND backend_type = 'client backend'
           AND pid <> pg_backend_pid() AND datname = current_database()`,
      );
      if (active === 0) return;
      await sleep(100);
    }
  };
}

/**
 * Before a scenario measures: no checkpoint owed and no autovacuum at work
 * anywhere on the server, so the writes of the scenario before (tens of
 * gigabytes at scale) are not paid for by whichever side is measured first.
 */
async function quiesce(db: DataSource): Promise<void> {
  await db.query('CHECKPOINT');
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const [{ busy }] = await db.query(
      `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
    );
    if (busy === 0) return;
    await sleep(500);
  }
  log('   (autovacuum still at work after 3 minutes: measuring anyway)');
}

/**
 * Runs `measure` while pending simulations are taken off the backlog as
 * workers would take them (deleted once 200 ms old, every 100 ms).
 */
async function whileRunsAreTaken<T>(db: DataSource, measure: () => Promise<T>): Promise<T> {
  let taking = true;
  const taker = (async () => {
    while (taking) {
      await db.query(
        `DELETE FROM simulations WHERE status = 'pending' AND creation_date < now() - interval '200 milliseconds'`,
      );
      await sleep(100);
    }
  })();
  try {
    return await measure();
  } finally {
    taking = false;
    await taker;
  }
}

/** A against B, interleaved: warm both, then A B A B A B; medians of the rounds. */
async function pair(a: Side, b: Side): Promise<PairOutcome> {
  await runLoad(a.url, a.request, LOAD.warmupSeconds);
  await settle();
  await runLoad(b.url, b.request, LOAD.warmupSeconds);
  await settle();
  a.process?.resetPeak();
  b.process?.resetPeak();
  const rounds: { a: LoadResult[]; b: LoadResult[] } = { a: [], b: [] };
  for (let i = 0; i < ROUNDS; i++) {
    rounds.a.push(await runLoad(a.url, a.request));
    await settle();
    rounds.b.push(await runLoad(b.url, b.request));
    await settle();
  }
  for (const [side, results] of [
    [a, rounds.a],
    [b, rounds.b],
  ] as const) {
    const failed = results.reduce((sum, r) => sum + r.failures, 0);
    if (failed && !side.failuresMeasured)
      throw new Error(`${side.name}: ${failed} failed requests; the figures would lie`);
  }
  const summary = (side: Side, results: LoadResult[]) => ({
    rps: round(median(results.map((r) => r.rps)), 0),
    p50: round(median(results.map((r) => r.p50))),
    p99: round(median(results.map((r) => r.p99))),
    peakMb: side.process ? round(side.process.peakMb(), 0) : null,
    rounds: results,
  });
  const outcomeA = summary(a, rounds.a);
  const outcomeB = summary(b, rounds.b);
  return {
    a: outcomeA,
    b: outcomeB,
    rpsRatio: round(outcomeA.rps / outcomeB.rps),
    p99Ratio: round(outcomeA.p99 / outcomeB.p99),
  };
}

/** The statements Postgres spent most time on (planning included) since the scenarios began. */
async function printTopStatements(db: DataSource): Promise<void> {
  const top: Array<{
    calls: number;
    exec_ms: number;
    plan_ms: number;
    mean_ms: number;
    rows: number;
    query: string;
  }> = await db.query(
    `SELECT calls, round(total_exec_time)::int AS exec_ms, round(total_plan_time)::int AS plan_ms,
            round((total_exec_time + total_plan_time)::numeric / nullif(calls, 0), 3)::float AS mean_ms, rows,
            regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
     FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
     ORDER BY total_exec_time + total_plan_time DESC LIMIT 15`,
  );
  log('\nPostgres: statements by total time (exec + plan)');
  for (const row of top) {
    log(
      `  ${String(row.exec_ms + row.plan_ms).padStart(7)} ms  exec ${row.exec_ms} plan ${row.plan_ms}  ${row.calls} calls  ${row.mean_ms} ms each  ${row.rows} rows  ${row.query}`,
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-bench-'));
  fs.chmodSync(dir, 0o755);
  log(`bench: working directory ${dir}`);
  const [postgres, redisServer] = await Promise.all([
    services.startPostgres({
      dataDir: path.join(dir, 'pg'),
      port: await services.freePort(),
      settings: PG_STATEMENTS
        ? {
            shared_preload_libraries: 'pg_stat_statements',
            'pg_stat_statements.track_planning': 'on',
          }
        : {},
    }),
    services.startRedis({ dir: path.join(dir, 'redis'), port: await services.freePort() }),
  ]);
  const databaseUrl = await services.ensureDatabase(postgres.url, 'aisimulation_bench');
  const redisUrl = `${redisServer.url}/0`;
  const db = new DataSource(postgresOptions({ url: databaseUrl, poolSize: 4 }));
  await db.initialize();
  await db.runMigrations();
  settle = settleOn(db);
  if (PG_STATEMENTS) await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const redis = new Redis(redisUrl);
  const processes: MeasuredProcess[] = [];
  const rows: Row[] = [];
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    load: { ...LOAD, rounds: ROUNDS },
  };

  try {
    log(
      `seeding ${SIMULATIONS.toLocaleString('en')} simulations over ${MACHINES} machines and curves of ${CURVE_LENGTHS.map((n) => n.toLocaleString('en')).join(' / ')} points …`,
    );
    const t = performance.now();
    const curve = await seed(db);
    if (PG_STATEMENTS) await db.query('SELECT pg_stat_statements_reset()');
    log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const bundle = async (entry: string, outfile: string, external: string[]) =>
      esbuild.build({
        entryPoints: [path.join(__dirname, entry)],
        bundle: true,
        platform: 'node',
        target: 'node20',
        outfile,
        external,
        logLevel: 'warning',
        tsconfig: path.join(root, 'tsconfig.json'),
        nodePaths: [path.join(root, 'node_modules')],
      });
    const baselineScript = path.join(dir, 'baseline.js');
    const floorScript = path.join(dir, 'floor.js');
    await bundle('baseline/server.ts', baselineScript, ['pg', 'bull', 'ioredis', 'pg-native']);
    await bundle('floor/server.ts', floorScript, [
      'pg',
      'pg-native',
      '@nestjs/*',
      'reflect-metadata',
    ]);

    const jwtSecret = 'bench-secret-0123456789-0123456789-0123456789';
    const common = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'log',
    };
    const apiPort = await services.freePort();
    const apiEnvironment = {
      ...common,
      HOST: '127.0.0.1',
      JWT_SECRET: jwtSecret,
      // The limits stay on (their Redis round trips are part of every request) but high
      // enough that one load generator on one address is never refused.
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
      RATE_LIMIT_PER_CLIENT_PER_MINUTE: '10000000',
      MAX_PENDING_PER_CLIENT: '10000000',
    };
    const api = MeasuredProcess.start(
      'api',
      path.join(root, 'dist/apps/api/main.js'),
      { ...apiEnvironment, PORT: String(apiPort) },
      path.join(dir, 'api.log'),
      API_NODE_FLAGS,
    );
    processes.push(api);
    const basePort = await services.freePort();
    const baseline = MeasuredProcess.start(
      'baseline',
      baselineScript,
      {
        ...common,
        PORT: String(basePort),
        DATABASE_POOL_SIZE: '10',
        MAX_PENDING_PER_CLIENT: apiEnvironment.MAX_PENDING_PER_CLIENT,
        NODE_PATH: path.join(root, 'node_modules'),
        BENCH_STATEMENTS: JSON.stringify(repositoryStatements()),
      },
      path.join(dir, 'baseline.log'),
    );
    processes.push(baseline);
    const floorPort = await services.freePort();
    const floor = MeasuredProcess.start(
      'floor',
      floorScript,
      {
        ...common,
        PORT: String(floorPort),
        DATABASE_POOL_SIZE: '10',
        NODE_PATH: path.join(root, 'node_modules'),
        BENCH_STATEMENTS: JSON.stringify(repositoryStatements()),
      },
      path.join(dir, 'floor.log'),
    );
    processes.push(floor);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const baseUrl = `http://127.0.0.1:${basePort}`;
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    await Promise.all([
      waitForHttp(`${apiUrl}/health/live`, api),
      waitForHttp(`${baseUrl}/`, baseline),
      waitForHttp(`${floorUrl}/`, floor),
    ]);
    await sleep(2000);
    const apiIdleMb = round(api.rssMb(), 0);
    let apiPeakScenario1: number | null = null;
    let baselinePeakScenario1: number | null = null;
    let apiHeapScenario1 = '';
    const baselineIdleMb = round(baseline.rssMb(), 0);

    const jwt = resolveJwtSettings({ NODE_ENV: 'production', JWT_SECRET: jwtSecret });
    const viewer = `Bearer ${signAccessToken(jwt, { role: Role.Viewer, subject: 'bench-viewer', ttlSeconds: 7200 })}`;
    const operators = Array.from(
      { length: 20 },
      (_, i) =>
        `Bearer ${signAccessToken(jwt, { role: Role.Operator, subject: `bench-operator-${i}`, ttlSeconds: 7200 })}`,
    );
    const auth = { authorization: viewer };
    /** A viewer scoped to three projects (issue 34), the seeded runs' `default` among them. */
    const teamViewer = `Bearer ${signAccessToken(jwt, {
      role: Role.Viewer,
      subject: 'bench-team-viewer',
      ttlSeconds: 7200,
      projects: { default: Role.Viewer, 'team-b': Role.Viewer, 'team-c': Role.Viewer },
    })}`;
    const randomSimulation = () => `/simulation/${randomInt(1, SIMULATIONS)}`;
    const A = (request: LoadRequest): Side => ({ name: 'API', url: apiUrl, request, process: api });
    const B = (request: LoadRequest): Side => ({
      name: 'baseline',
      url: baseUrl,
      request,
      process: baseline,
    });
    const describe = (o: PairOutcome) =>
      `${o.a.rps.toLocaleString('en')} vs ${o.b.rps.toLocaleString('en')} req/s; p50 ${o.a.p50} / ${o.b.p50} ms; p99 ${o.a.p99} / ${o.b.p99} ms`;

    /** A reference row: the framework floor against the baseline on scenario `n`'s requests. */
    const floorReference = async (n: number, route: string, requestPath: () => string) => {
      log(`\n${n} (reference). ${route} on bare NestJS + Express, same statements`);
      const outcome = await pair(
        { name: 'floor', url: floorUrl, request: { path: requestPath }, process: floor },
        B({ path: requestPath }),
      );
      log(`   ${describe(outcome)}`);
      rows.push({
        scenario: `${n} (reference). the same on bare NestJS + Express`,
        a: 'Nest, one controller',
        b: 'raw http + pg',
        figures: describe(outcome),
        ratio: `${outcome.rpsRatio}× req/s, p99 ${outcome.p99Ratio}×`,
        target: 'none: the framework floor',
        holds: null,
      });
      return outcome;
    };

    /**
     * The API against the framework floor on scenario `n`'s requests, side by side: what our
     * own stack (authentication, budgets, validation, logging, metrics, headers) costs.
     */
    const againstFloor = async (
      n: number,
      requestPath: () => string,
      target: { rps: number; p99: number },
    ) => {
      log(`\n${n} (vs floor). the API against bare NestJS + Express`);
      const outcome = await pair(A({ path: requestPath, headers: auth }), {
        name: 'floor',
        url: floorUrl,
        request: { path: requestPath },
        process: floor,
      });
      log(`   ${describe(outcome)}`);
      rows.push({
        scenario: `${n} (vs floor). the API against the framework floor`,
        a: 'API',
        b: 'Nest, one controller',
        figures: describe(outcome),
        ratio: `${outcome.rpsRatio}× req/s, p99 ${outcome.p99Ratio}×`,
        target: `≥ ${target.rps}× req/s, p99 ≤ ${target.p99}×`,
        holds: outcome.rpsRatio >= target.rps && outcome.p99Ratio <= target.p99,
      });
      return outcome;
    };

    if (wanted(1)) {
      // 1. One simulation by id.
      log('\n1. GET /simulation/{id} (random ids of 100,000)');
      const heap = sampleHeapSpaces(`${apiUrl}/metrics`);
      const s1 = await pair(
        A({ path: randomSimulation, headers: auth }),
        B({ path: randomSimulation }),
      );
      apiHeapScenario1 = await heap.stop();
      log(`   ${describe(s1)}`);
      log(`   the API's heap at its largest: ${apiHeapScenario1}`);
      apiPeakScenario1 = s1.a.peakMb;
      baselinePeakScenario1 = s1.b.peakMb;
      results.getById = s1;
      rows.push({
        scenario: '1. `GET /simulation/{id}`',
        a: 'API',
        b: 'raw http + pg',
        figures: describe(s1),
        ratio: `${s1.rpsRatio}× req/s, p99 ${s1.p99Ratio}×`,
        target: '≥ 0.6× req/s, p99 ≤ 1.5×',
        holds: s1.rpsRatio >= 0.6 && s1.p99Ratio <= 1.5,
      });

      // The same statements behind NestJS on Express with nothing of ours around them: how much
      // of the gap the framework itself takes.
      results.getByIdFrameworkFloor = await floorReference(
        1,
        'GET /simulation/{id}',
        randomSimulation,
      );
      results.getByIdAgainstFloor = await againstFloor(1, randomSimulation, {
        rps: 0.85,
        p99: 1.3,
      });

      // Issue 34: every check a token scoped to projects brings (its projects resolved, the run's
      // project checked, the project's rate budget, its name in the answer), against the floor,
      // which does none, and against the same API with a token without scope.
      log(
        '\n1 (projects). GET /simulation/{id}: a token scoped to projects vs the framework floor',
      );
      const scoped = await pair(
        A({ path: randomSimulation, headers: { authorization: teamViewer } }),
        {
          name: 'floor',
          url: floorUrl,
          request: { path: randomSimulation },
          process: floor,
        },
      );
      log(`   ${describe(scoped)}`);
      const unscoped = results.getByIdAgainstFloor as PairOutcome;
      const added = round(1 - scoped.rpsRatio / unscoped.rpsRatio);
      results.getByIdScopedAgainstFloor = scoped;
      rows.push({
        scenario: '1 (projects). `GET /simulation/{id}`, a token scoped to projects, vs the floor',
        a: 'API, scoped token',
        b: 'Nest, one controller',
        figures: `${describe(scoped)}; without scope (row above): ${unscoped.rpsRatio}× the floor`,
        ratio: `${scoped.rpsRatio}× req/s (${round(added * 100, 1)} % less than without scope)`,
        target: 'the access check adds ≤ 5 % against the floor',
        holds: added <= 0.05,
      });
    }

    if (wanted(2)) {
      // 2. The first page by update date, over 100,000 rows.
      log('\n2. GET /simulations?order_by=update_date&limit=50');
      const listPath = () => '/simulations?order_by=update_date&limit=50';
      const s2 = await pair(A({ path: listPath, headers: auth }), B({ path: listPath }));
      log(`   ${describe(s2)}`);
      results.list = s2;
      rows.push({
        scenario: '2. `GET /simulations?order_by=update_date&limit=50`',
        a: 'API',
        b: 'raw http + pg',
        figures: describe(s2),
        ratio: `${s2.rpsRatio}× req/s`,
        target: '≥ 0.6×',
        holds: s2.rpsRatio >= 0.6,
      });
      results.listFrameworkFloor = await floorReference(2, 'GET /simulations', listPath);
      results.listAgainstFloor = await againstFloor(2, listPath, { rps: 0.85, p99: 1.3 });
    }

    if (wanted(3)) {
      // 3. A 1,000-point curve, whole.
      log('\n3. GET /converge/{id}, 1,000 points');
      const thousand = () => `/converge/${curve[1_000]}`;
      const s3 = await pair(A({ path: thousand, headers: auth }), B({ path: thousand }));
      log(`   ${describe(s3)}`);
      results.curveWhole = s3;
      rows.push({
        scenario: '3. `GET /converge/{id}` (1,000 points)',
        a: 'API',
        b: 'raw http + pg',
        figures: describe(s3),
        ratio: `${s3.rpsRatio}× req/s`,
        target: '≥ 0.8×',
        holds: s3.rpsRatio >= 0.8,
      });

      results.curveWholeFrameworkFloor = await floorReference(3, 'GET /converge/{id}', thousand);
      results.curveWholeAgainstFloor = await againstFloor(3, thousand, { rps: 0.9, p99: 1.3 });
    }

    if (wanted(4)) {
      // 4. Log sampling: a million points against ten thousand, and against a naive GROUP BY.
      log(
        '\n4. GET /converge/{id}?scale=log&points=1000: 1,000,000 vs 10,000 points, and vs a naive GROUP BY',
      );
      const sampled = (id: number) => () => `/converge/${id}?scale=log&points=1000`;
      const s4 = await pair(
        { ...A({ path: sampled(curve[1_000_000]), headers: auth }), name: 'API, 1,000,000 points' },
        { ...A({ path: sampled(curve[10_000]), headers: auth }), name: 'API, 10,000 points' },
      );
      log(`   ${describe(s4)}`);
      const naive = await pair(
        A({ path: sampled(curve[1_000_000]), headers: auth }),
        B({ path: () => `/naive-log/${curve[1_000_000]}?points=1000` }),
      );
      log(`   vs naive GROUP BY: ${describe(naive)}`);
      results.curveSampled = { millionVsTenThousand: s4, millionVsNaiveGroupBy: naive };
      rows.push({
        scenario: '4a. `?scale=log&points=1000`, 1,000,000 vs 10,000 points',
        a: 'API, 1M points',
        b: 'API, 10k points',
        figures: describe(s4),
        ratio: `p99 ${s4.p99Ratio}×`,
        target: 'p99 ≤ 1.5×',
        holds: s4.p99Ratio <= 1.5,
      });
      rows.push({
        scenario: '4b. the same over 1,000,000 points vs a naive SQL `GROUP BY`',
        a: 'API',
        b: 'raw http + pg, GROUP BY',
        figures: describe(naive),
        ratio: `${naive.rpsRatio}× req/s`,
        target: '≥ 20×',
        holds: naive.rpsRatio >= 20,
      });
    }

    if (wanted(5)) {
      // 5. Creating: insert + enqueue, spread over 20 clients and 20 machines.
      log('\n5. POST /simulation (insert + queue.add)');
      const body = () => JSON.stringify({ name: 'bench', machine_id: randomInt(1, MACHINES) });
      // 20 clients: each creation takes its client's pending-cap lock before committing, on both sides.
      const client = () => randomInt(0, operators.length - 1);
      const s5 = await pair(
        A({
          method: 'POST',
          path: () => '/simulation',
          body,
          varyHeaders: () => ({ authorization: operators[client()] }),
        }),
        B({
          method: 'POST',
          path: () => '/simulation',
          body,
          varyHeaders: () => ({ 'x-creator': `bench-operator-${client()}` }),
        }),
      );
      log(`   ${describe(s5)}`);
      results.create = s5;
      rows.push({
        scenario: '5. `POST /simulation` (insert + enqueue)',
        a: 'API',
        b: 'raw http + pg + bull',
        figures: describe(s5),
        ratio: `${s5.rpsRatio}× req/s`,
        target: '≥ 0.6×',
        holds: s5.rpsRatio >= 0.6,
      });

      // 5b. One client's creates at 16 connections against 16 clients': the pending cap's
      // per-client lock is held only for its count and the commit, so one client is not queued.
      // The count's cost follows the client's backlog up to its cap, so the runs are taken off
      // it as workers would (pending rows older than 200 ms deleted); the same without, as a
      // reference, shows what a backlog in the thousands costs (the bench's cap is 10,000,000).
      log('\n5b. POST /simulation: one client at 16 connections vs 16 clients');
      const creates = (tokens: string[]) =>
        A({
          method: 'POST',
          path: () => '/simulation',
          body,
          varyHeaders: () => ({ authorization: tokens[randomInt(0, tokens.length - 1)] }),
        });
      const oneClientPair = () =>
        pair(
          { ...creates(operators.slice(0, 1)), name: 'API, one client' },
          { ...creates(operators.slice(0, 16)), name: 'API, 16 clients' },
        );
      const oneClient = await whileRunsAreTaken(db, oneClientPair);
      log(`   ${describe(oneClient)}`);
      results.createOneClient = oneClient;
      rows.push({
        scenario: '5b. `POST /simulation`, one client at 16 connections (runs taken as created)',
        a: 'API, one client',
        b: 'API, 16 clients',
        figures: describe(oneClient),
        ratio: `${oneClient.rpsRatio}× req/s`,
        target: '≥ 0.8×',
        holds: oneClient.rpsRatio >= 0.8,
      });
      await db.query(`DELETE FROM simulations WHERE status = 'pending'`);
      log('   the same, the backlog left to grow:');
      const backlog = await oneClientPair();
      log(`   ${describe(backlog)}`);
      results.createOneClientBacklog = backlog;
      rows.push({
        scenario: '5b (reference). the same, each backlog left to grow',
        a: 'API, one client',
        b: 'API, 16 clients',
        figures: describe(backlog),
        ratio: `${backlog.rpsRatio}× req/s`,
        target: 'none: the count follows the backlog up to the cap',
        holds: null,
      });

      // 5c. A sweep of 1,000 as one batch against 1,000 single creates at 16 connections.
      log('\n5c. POST /simulations/batch of 1,000 vs 1,000 POST /simulation at 16 connections');
      const batch = await batchAgainstSingles(apiUrl, operators[0], MACHINES);
      log(`   ${batch.figures}`);
      results.createBatch = batch;
      rows.push({
        scenario: '5c. `POST /simulations/batch` of 1,000 vs 1,000 `POST /simulation`',
        a: 'API, one batch',
        b: 'API, 1,000 requests',
        figures: batch.figures,
        ratio: `${batch.ratio}× simulations/s`,
        target: '≥ 10×',
        holds: batch.ratio >= 10,
      });

      await db.query(`DELETE FROM simulations WHERE status = 'pending'`);
      for (let machine = 1; machine <= MACHINES; machine++) {
        const queue = new Queue(machineQueueName(machine), redisUrl);
        await queue.obliterate({ force: true });
        await queue.close();
      }
    }

    if (wanted(6) || wanted(7) || wanted(8)) {
      const metricsPort = await services.freePort();
      const worker = MeasuredProcess.start(
        'worker',
        path.join(root, 'dist/apps/worker/main.js'),
        {
          ...common,
          MACHINE_ID: String(WORKER_MACHINE),
          WORKER_CONCURRENCY: '1000',
          METRICS_PORT: String(metricsPort),
        },
        path.join(dir, 'worker.log'),
      );
      processes.push(worker);
      const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
      await waitForHttp(metricsUrl, worker);

      if (wanted(6)) {
        log('\n6. One worker, 1,000 concurrent 10-second simulations (5,000 queued at once)');
        const s6 = await measureWorkerThroughput(
          db,
          redisUrl,
          worker,
          metricsUrl,
          WORKER_MACHINE,
          5_000,
        );
        log(`   ${JSON.stringify({ ...s6, timeline: undefined })}`);
        results.workerThroughput = s6;
        rows.push({
          scenario: '6. one worker, 1,000 concurrent 10-s runs',
          a: 'worker',
          b: '—',
          figures:
            `${s6.sustainedPerSecond} finished/s sustained (peak ${s6.peakRunning} running); event-loop p99 ` +
            `${s6.loopDelayP99Ms} ms (worst second's p99 ${s6.loopDelayWorstSecondP99Ms}, median second's ${s6.loopDelayMedianSecondP99Ms}); late heartbeats ${s6.lateHeartbeats}, ` +
            `leases lost ${s6.leasesLost}, stalled ${s6.stalledJobs}, not finished first time ${s6.notFinishedFirstTime}; ` +
            `peak ${s6.workerPeakMb} MB`,
          ratio: '—',
          target: '≥ 95/s, loop p99 < 50 ms, no late heartbeat, no stall',
          holds:
            s6.sustainedPerSecond >= 95 &&
            s6.loopDelayP99Ms < 50 &&
            s6.lateHeartbeats === 0 &&
            s6.stalledJobs === 0 &&
            s6.notFinishedFirstTime === 0,
        });
      }

      if (wanted(7)) {
        log('\n7. Curve writes, 1,000,000 points: a worker vs COPY from one process');
        const workerRates: number[] = [];
        const copyRates: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          workerRates.push(await workerCurveWrite(db, redisUrl, WORKER_MACHINE, 1_000_000));
          copyRates.push(await copyCurveWrite(databaseUrl, db, 1_000_000));
        }
        const workerRate = round(median(workerRates), 0);
        const copyRate = round(median(copyRates), 0);
        const ratio = round(workerRate / copyRate);
        log(`   worker ${workerRate} rows/s, COPY ${copyRate} rows/s: ${ratio}×`);
        results.curveWrites = { workerRates, copyRates, workerRate, copyRate, ratio };
        rows.push({
          scenario: '7. curve writes (1,000,000 points)',
          a: 'worker, end to end',
          b: '`COPY FROM STDIN`',
          figures: `${workerRate.toLocaleString('en')} vs ${copyRate.toLocaleString('en')} rows/s`,
          ratio: `${ratio}×`,
          target: '≥ 0.5×',
          holds: ratio >= 0.5,
        });
      }

      if (wanted(8)) {
        log('\n8. GET /simulation/{id} p99: idle vs while 1,000 runs write their curves');
        const read = { path: randomSimulation, headers: auth };
        const idle: LoadResult[] = [];
        const busy: LoadResult[] = [];
        await runLoad(apiUrl, read, LOAD.warmupSeconds);
        for (let i = 0; i < ROUNDS; i++) {
          await settle();
          idle.push(await runLoad(apiUrl, read));
          const ids = await enqueueSimulations(db, redisUrl, WORKER_MACHINE, 1_000);
          await waitForStatus(db, ids, 'running', 950);
          busy.push(await runLoad(apiUrl, read));
          await waitForStatus(db, ids, 'finished', 1_000);
        }
        const idleP99 = round(median(idle.map((r) => r.p99)));
        const busyP99 = round(median(busy.map((r) => r.p99)));
        const ratio = round(busyP99 / idleP99);
        log(`   p99 idle ${idleP99} ms, busy ${busyP99} ms: ${ratio}×`);
        results.mixed = { idle, busy, idleP99, busyP99, ratio };
        rows.push({
          scenario: '8. `GET /simulation/{id}` while 1,000 runs write curves',
          a: 'busy',
          b: 'idle',
          figures: `p99 ${busyP99} vs ${idleP99} ms; ${round(median(busy.map((r) => r.rps)), 0)} vs ${round(median(idle.map((r) => r.rps)), 0)} req/s`,
          ratio: `p99 ${ratio}×`,
          target: 'p99 ≤ 1.5×',
          holds: ratio <= 1.5,
        });
      }
    }

    const startHistoryApi = async (name: string, historyUrl: string) => {
      const port = await services.freePort();
      const child = MeasuredProcess.start(
        name,
        path.join(root, 'dist/apps/api/main.js'),
        {
          ...apiEnvironment,
          DATABASE_URL: historyUrl,
          PORT: String(port),
        },
        path.join(dir, `${name}.log`),
      );
      const url = `http://127.0.0.1:${port}`;
      await waitForHttp(`${url}/health/live`, child);
      return { url, process: child };
    };
    // What the scenarios at scale (10, 11) need: their own databases and APIs, paired as the rest.
    const scaleContext = {
      serverUrl: postgres.url,
      ensureDatabase: services.ensureDatabase,
      dropDatabase: services.dropDatabase,
      startApi: startHistoryApi,
      pair,
      describe,
      settleOn: (other: DataSource) => (settle = settleOn(other)),
      authorization: viewer,
      teamAuthorization: `Bearer ${signAccessToken(jwt, {
        role: Role.Viewer,
        subject: 'bench-team',
        ttlSeconds: 7200,
        projects: { team: Role.Viewer },
      })}`,
      log,
    };
    if (wanted(10)) {
      await quiesce(db);
      const history = await historyScenario(scaleContext);
      settle = settleOn(db);
      rows.push(...history.rows);
      results.history = history.results;
    }

    if (wanted(11)) {
      await quiesce(db);
      const search = await searchScenario(scaleContext);
      settle = settleOn(db);
      rows.push(...search.rows);
      results.search = search.results;
    }

    if (wanted(12)) {
      await quiesce(db);
      const ingestion = await ingestionScenario({
        apiUrl,
        api,
        db,
        databaseUrl,
        operator: operators[0],
        viewer,
        log,
        pair,
        describe,
        settle: () => settle(),
        quiesce: () => quiesce(db),
      });
      rows.push(...ingestion.rows);
      results.ingestion = ingestion.results;
    }

    if (wanted(13)) {
      const programs = await programsScenario({
        apiUrl,
        db,
        dir,
        workerScript: path.join(root, 'dist/apps/worker/main.js'),
        environment: common,
        machineId: PROGRAM_MACHINE,
        operator: operators[0],
        freePort: () => services.freePort(),
        waitForHttp,
        log,
      });
      processes.push(programs.worker);
      rows.push(...programs.rows);
      results.programs = programs.results;
    }

    if (wanted(14)) {
      const sdk = await sdkScenario({ apiUrl, dir, machineId: 1, operator: operators[0], log });
      rows.push(...sdk.rows);
      results.sdk = sdk.results;
    }

    if (wanted(15)) {
      const subset = await mlflowSubsetScenario({
        apiUrl,
        operator: operators[0],
        log,
        settle: () => settle(),
      });
      rows.push(...subset.rows);
      results.mlflowSubset = subset.results;
    }

    if (wanted(9)) {
      const peakRatio =
        apiPeakScenario1 && baselinePeakScenario1
          ? round(apiPeakScenario1 / baselinePeakScenario1)
          : null;
      results.memory = {
        apiIdleMb,
        apiPeakUnderScenario1Mb: apiPeakScenario1,
        baselineIdleMb,
        baselinePeakUnderScenario1Mb: baselinePeakScenario1,
        apiHeapUnderScenario1: apiHeapScenario1,
      };
      rows.push({
        scenario: '9. API process memory',
        a: 'API',
        b: 'baseline',
        figures:
          `idle ${apiIdleMb} MB (baseline ${baselineIdleMb} MB); peak under scenario 1 ${apiPeakScenario1} MB ` +
          `(baseline ${baselinePeakScenario1} MB)` +
          (apiHeapScenario1 ? `; the API's heap at its largest: ${apiHeapScenario1}` : ''),
        ratio: peakRatio === null ? '—' : `peak ${peakRatio}×`,
        target: 'peak ≤ 2×',
        holds: peakRatio === null ? null : peakRatio <= 2,
      });
    }
    if (PG_STATEMENTS) await printTopStatements(db);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    redis.disconnect();
    await db.destroy();
    await Promise.all([postgres.stop(), redisServer.stop()]);
    // The history scenario leaves tens of gigabytes; the logs stay for a look.
    fs.rmSync(path.join(dir, 'pg'), { recursive: true, force: true });
  }

  const table = [
    '| Scenario | A | B | Figures (A vs B) | Ratio | Target | Holds |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.a} | ${r.b} | ${r.figures} | ${r.ratio} | ${r.target} | ${r.holds === null ? '—' : r.holds ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  results.table = rows;
  results.seconds = round((performance.now() - started) / 1000, 0);
  const out = path.join(root, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  // Formatted as the repository's checks expect, so a run's results can be committed as they are.
  const format = (text: string, parser: string) =>
    prettier.format(text, { parser, printWidth: 100 });
  if (ONLY.size > 0) {
    // Some scenarios only: the latest whole run's results and the docs drawn from them stay.
    const name = `partial-${[...ONLY].join('-')}`;
    fs.writeFileSync(path.join(out, `${name}.json`), await format(JSON.stringify(results), 'json'));
    log(
      `\n${table}\n\nwritten: bench/results/${name}.json (${results.seconds} s); latest.* untouched`,
    );
    return;
  }
  fs.writeFileSync(path.join(out, 'latest.json'), await format(JSON.stringify(results), 'json'));
  fs.writeFileSync(path.join(out, 'latest.md'), await format(table, 'markdown'));
  // The docs' table and plots are drawn from latest.json: drawn anew, so a run is committed whole.
  execFileSync(process.execPath, [path.join(root, 'scripts/docs/generate-docs.mjs')], {
    stdio: 'inherit',
  });
  log(
    `\n${table}\n\nwritten: bench/results/latest.json, bench/results/latest.md and docs/performance.md (${results.seconds} s)`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
