#!/usr/bin/env node
// `npm run up`: the whole service on this machine, from a fresh clone.
// Installs what is missing, starts Postgres and Redis on loopback (unless
// DATABASE_URL / REDIS_URL point elsewhere), migrates, builds and starts the
// API and one worker, on the supported Node (.nvmrc).
//
// It listens on 127.0.0.1 unless HOST says otherwise, and signs tokens with a
// key made for its data folder (LOCAL_DATA_DIR, .data by default). Whatever
// way it ends — Ctrl-C, SIGTERM or SIGHUP to it or its group, its parent
// gone, or kill -9 — what it started stops too: servers and apps get a
// signal from the kernel when it dies (setpriv --pdeathsig), and it watches
// its own parent. A server of an earlier run still holding a port is found,
// named and stopped; anything else holding one is named, with how to stop it.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const started = [];
let stopping = false;

// A terminal closed under us (SIGHUP) fails our writes; stopping must still finish.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const say = (message) => process.stderr.write(`[up] ${message}\n`);

const dataDir = path.resolve(root, process.env.LOCAL_DATA_DIR || '.data');
const HOST = process.env.HOST || '127.0.0.1';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const PORTS = {
  postgres: Number(process.env.UP_POSTGRES_PORT || 55432),
  redis: Number(process.env.UP_REDIS_PORT || 56379),
  api: Number(process.env.PORT || 8000),
  workerMetrics: Number(process.env.METRICS_PORT || 9464),
};
/** The variable that moves each port, for messages. */
const PORT_VARIABLES = {
  postgres: 'UP_POSTGRES_PORT',
  redis: 'UP_REDIS_PORT',
  api: 'PORT',
  workerMetrics: 'METRICS_PORT',
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  say('installing npm dependencies (npm ci) …');
  run('npm', ['ci', '--loglevel=warn', '--no-audit', '--no-fund']);
}

/** Postgres refuses to run as root and must reach its data folder as `postgres`. */
function postgresDataRoot(services) {
  fs.mkdirSync(dataDir, { recursive: true });
  if (services.canPostgresUserUse(dataDir)) return dataDir;
  const hash = createHash('sha1').update(dataDir).digest('hex').slice(0, 10);
  const outside = path.join('/var/tmp', `aisimulation-${hash}`);
  fs.mkdirSync(outside, { recursive: true, mode: 0o755 });
  say(`the postgres user cannot reach ${dataDir}; keeping Postgres' data in ${outside}`);
  return outside;
}

/**
 * Whether a process holding one of our ports is one this launcher starts:
 * a server working in our data folders (Postgres and Redis each change to
 * theirs; Redis also renames its process), or our built apps run from here.
 */
function startedByUs(holder, postgresDir) {
  if (holder.cwd === postgresDir || holder.cwd === path.join(dataDir, 'redis')) return true;
  const app = (holder.argv ?? []).some((arg) => /^dist\/apps\/(api|worker)\/main\.js$/.test(arg));
  return app && holder.cwd === root;
}

function isLauncher(pid) {
  const argv = require('./lib/processes').processInfo(pid).argv ?? [];
  return argv.some((arg) => arg.endsWith(path.join('scripts', 'up.js')));
}

/**
 * Makes `port` free for `what`, or says exactly why it cannot: a server or
 * app of an earlier run whose launcher is gone is stopped (and said so);
 * one whose launcher still runs, or anything else, is named with its pid.
 */
async function clearPort(what, postgresDir) {
  const processes = require('./lib/processes');
  const { isPortOpen } = require('./lib/local-services');
  const port = PORTS[what];
  if (!(await isPortOpen(port))) return;
  const holder = processes.listenerOf(port);
  const moveIt = `or set ${PORT_VARIABLES[what]} to another port`;
  if (!holder) {
    throw new Error(
      `port ${port} (${what}) is in use by a process this user cannot see; stop it, ${moveIt}`,
    );
  }
  if (!startedByUs(holder, postgresDir)) {
    throw new Error(
      `port ${port} (${what}) is in use by pid ${holder.pid}: ${holder.command ?? 'unknown'}; ` +
        `stop it (kill ${holder.pid}), ${moveIt}`,
    );
  }
  if (holder.ppid && isLauncher(holder.ppid)) {
    throw new Error(
      `another npm run up (pid ${holder.ppid}) is running with this data folder; stop it first ` +
        `(Ctrl-C in its terminal, or kill ${holder.ppid})`,
    );
  }
  say(
    `port ${port} is held by ${holder.command} (pid ${holder.pid}), left by an earlier npm run up; stopping it`,
  );
  // Postgres' fast shutdown is SIGINT; the apps and Redis stop on SIGTERM.
  process.kill(holder.pid, what === 'postgres' ? 'SIGINT' : 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (processes.isRunning(holder.pid) && Date.now() < deadline) await sleep(100);
  if (processes.isRunning(holder.pid)) process.kill(holder.pid, 'SIGKILL');
  while (await isPortOpen(port)) await sleep(100);
}

async function startServices(env) {
  const services = require('./lib/local-services');
  const postgresRoot = env.DATABASE_URL ? undefined : postgresDataRoot(services);
  const postgresDir = postgresRoot && path.join(postgresRoot, 'postgres');
  for (const what of ['postgres', 'redis', 'api', 'workerMetrics']) {
    const ours = (what === 'postgres' && !env.DATABASE_URL) || (what === 'redis' && !env.REDIS_URL);
    if (ours || what === 'api' || what === 'workerMetrics') await clearPort(what, postgresDir);
  }
  if (!env.DATABASE_URL) {
    say(`starting Postgres on 127.0.0.1:${PORTS.postgres} (data in ${postgresDir})`);
    const postgres = await services.startPostgres({
      dataDir: postgresDir,
      port: PORTS.postgres,
      dieWithParent: true,
      log: say,
    });
    started.push(postgres);
    env.DATABASE_URL = await services.ensureDatabase(postgres.url, 'aisimulation');
  } else {
    say('DATABASE_URL is set: using that Postgres');
  }
  if (!env.REDIS_URL) {
    const dir = path.join(dataDir, 'redis');
    say(`starting Redis on 127.0.0.1:${PORTS.redis} (append-only file in ${dir})`);
    const redis = await services.startRedis({
      dir,
      port: PORTS.redis,
      persistent: true,
      dieWithParent: true,
      log: say,
    });
    started.push(redis);
    env.REDIS_URL = `${redis.url}/0`;
  } else {
    say('REDIS_URL is set: using that Redis');
  }
}

function startApp(name, script, env) {
  const services = require('./lib/local-services');
  const { command, args } = services.dyingWithParent(process.execPath, [script], 'TERM');
  // detached: a Ctrl-C reaches only this launcher, which then stops the
  // apps before the servers they use, each with one SIGTERM.
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (stream, target) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) target.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  started.push({ child, stop: () => services.stopChild(child, 'SIGTERM') });
  return child;
}

async function waitForApi(host) {
  const deadline = Date.now() + 60_000;
  const address = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://${urlHost(address)}:${PORTS.api}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error('the API did not become healthy within 60 s');
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('stopping …');
  for (const service of started.reverse()) {
    await service.stop().catch(() => {});
  }
  process.exit(code);
}

/** Stops everything when the process that started this one is gone (a wrapper killed, npm gone). */
function watchParent() {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) {
      say('the process that started npm run up is gone; stopping');
      void shutdown(0);
    }
  }, 500).unref();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const urlHost = (host) => (host.includes(':') ? `[${host}]` : host);

function banner(host) {
  const base = `http://${urlHost(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host)}:${PORTS.api}`;
  const metrics = `http://${urlHost(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host)}:${PORTS.workerMetrics}`;
  const wide = !LOOPBACK_HOSTS.has(host);
  return [
    '',
    `  AISimulation is up${wide ? ` on every interface (HOST=${host})` : ', on this machine only'}.`,
    `    Dashboard  ${base}/  (sign in with a token: npm run token -- --role operator)`,
    `    API        ${base}`,
    `    Swagger    ${base}/docs`,
    `    Health     ${base}/health/ready`,
    `    Metrics    ${base}/metrics (API), ${metrics}/metrics (worker)`,
    `    Queues     ${base}/admin/queues (admin sign-in)`,
    ...(wide
      ? [
          '',
          `  Anyone who can reach this machine can call it; tokens are signed with the key in`,
          `  ${path.join(dataDir, 'jwt-secret')}, which only this user can read.`,
        ]
      : []),
    '',
    '  Get a token and create a simulation (in another terminal):',
    '    TOKEN=$(npm run token -- --role operator)',
    `    curl -s -X POST ${base}/simulation -H "Authorization: Bearer $TOKEN" \\`,
    `         -H 'Content-Type: application/json' -d '{"name":"Sample Simulation","machine":{"machine_id":101,"name":"Machine A"}}'`,
    `    curl -s ${base}/converge/<id> -H "Authorization: Bearer $TOKEN"   # <id> from the answer above`,
    '',
    `  Logs show warnings and errors (LOG_LEVEL=log npm run up shows each request). Ctrl-C stops everything.`,
    '',
  ].join('\n');
}

async function main() {
  // Last resort if this launcher dies some other way: children are detached, so tell them.
  process.on('exit', () =>
    started.forEach((service) => service.child?.exitCode === null && service.child.kill('SIGTERM')),
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));
  watchParent();
  ensureDependencies();
  require('./ensure-build').ensureBuild(say);
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV || 'development',
    HOST,
    METRICS_HOST: process.env.METRICS_HOST || HOST,
    LOCAL_DATA_DIR: dataDir,
    // A line per request (the dashboard polls every 2 s) would bury what matters.
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };
  await startServices(env);

  say('applying migrations …');
  run(process.execPath, ['dist/apps/api/migrate.js'], { env });

  startApp('api', 'dist/apps/api/main.js', { ...env, PORT: String(PORTS.api) });
  startApp('worker', 'dist/apps/worker/main.js', {
    ...env,
    METRICS_PORT: String(PORTS.workerMetrics),
  });
  await waitForApi(HOST);
  process.stderr.write(banner(HOST));
}

const supportedNode = require('./supported-node');
if (supportedNode.runsOnSupportedNode()) {
  main().catch(async (error) => {
    say(error.message);
    await shutdown(1);
  });
} else {
  // The service runs on the Node it is tested on (.nvmrc), fetched if need be;
  // npm and the apps started from here run on it too.
  say(
    `Node ${process.versions.node} is not the supported major; running on Node ${supportedNode.supportedMajor()}`,
  );
  supportedNode.runOnSupportedNode('node', [__filename, ...process.argv.slice(2)]);
}
