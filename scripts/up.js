#!/usr/bin/env node
// `npm run up`: the whole service on this machine, from a fresh clone.
// Installs what is missing, starts Postgres and Redis on loopback (unless
// DATABASE_URL / REDIS_URL point elsewhere), migrates, builds and starts the
// API and one worker, on the supported Node (.nvmrc). Ctrl-C stops everything
// it started.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const say = (message) => process.stderr.write(`[up] ${message}\n`);
const started = [];
let stopping = false;

const LOCAL_POSTGRES_PORT = 55432;
const LOCAL_REDIS_PORT = 56379;
const API_PORT = Number(process.env.PORT || 8000);
const WORKER_METRICS_PORT = Number(process.env.METRICS_PORT || 9464);

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

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.js'))
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const outputs = [
    'dist/apps/api/main.js',
    'dist/apps/api/migrate.js',
    'dist/apps/worker/main.js',
  ].map((f) => path.join(root, f));
  const builtAt = Math.min(...outputs.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
  const sourcesAt = Math.max(
    newestMtime(path.join(root, 'apps')),
    newestMtime(path.join(root, 'libs')),
  );
  if (builtAt > sourcesAt) return;
  say('building the API and the worker …');
  run('npm', ['run', 'build', '--loglevel=warn']);
}

/** Postgres refuses to run as root and must reach its data folder as `postgres`. */
function dataRoot(services) {
  const inRepo = path.join(root, '.data');
  fs.mkdirSync(inRepo, { recursive: true });
  if (services.canPostgresUserUse(inRepo)) return inRepo;
  const hash = createHash('sha1').update(root).digest('hex').slice(0, 10);
  const outside = path.join('/var/tmp', `aisimulation-${hash}`);
  fs.mkdirSync(outside, { recursive: true, mode: 0o755 });
  say(`the postgres user cannot reach ${inRepo}; keeping data in ${outside}`);
  return outside;
}

async function startServices(env) {
  const services = require('./lib/local-services');
  if (!env.DATABASE_URL) {
    const dir = dataRoot(services);
    say(
      `starting Postgres on 127.0.0.1:${LOCAL_POSTGRES_PORT} (data in ${path.join(dir, 'postgres')})`,
    );
    const postgres = await services.startPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: LOCAL_POSTGRES_PORT,
      log: say,
    });
    started.push(postgres);
    env.DATABASE_URL = await services.ensureDatabase(postgres.url, 'aisimulation');
  } else {
    say('DATABASE_URL is set: using that Postgres');
  }
  if (!env.REDIS_URL) {
    const dir = path.join(root, '.data', 'redis');
    say(`starting Redis on 127.0.0.1:${LOCAL_REDIS_PORT} (append-only file in ${dir})`);
    const redis = await services.startRedis({
      dir,
      port: LOCAL_REDIS_PORT,
      persistent: true,
      log: say,
    });
    started.push(redis);
    env.REDIS_URL = `${redis.url}/0`;
  } else {
    say('REDIS_URL is set: using that Redis');
  }
}

function startApp(name, script, env) {
  // detached: a Ctrl-C reaches only this launcher, which then stops the
  // apps before the servers they use, each with one SIGTERM.
  const child = spawn(process.execPath, [script], {
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
  started.push({ child, stop: () => require('./lib/local-services').stopChild(child, 'SIGTERM') });
  return child;
}

async function waitForApi() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${API_PORT}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
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

async function main() {
  // Last resort if this launcher dies some other way: children are detached, so tell them.
  process.on('exit', () =>
    started.forEach((service) => service.child?.exitCode === null && service.child.kill('SIGTERM')),
  );
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  ensureDependencies();
  ensureBuild();
  const env = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'development' };
  await startServices(env);

  say('applying migrations …');
  run(process.execPath, ['dist/apps/api/migrate.js'], { env });

  startApp('api', 'dist/apps/api/main.js', { ...env, PORT: String(API_PORT) });
  startApp('worker', 'dist/apps/worker/main.js', {
    ...env,
    METRICS_PORT: String(WORKER_METRICS_PORT),
  });
  await waitForApi();

  const base = `http://localhost:${API_PORT}`;
  process.stderr.write(
    [
      '',
      `  AISimulation is up.`,
      `    Dashboard  ${base}/  (sign in with a token: npm run token -- --role operator)`,
      `    API        ${base}`,
      `    Swagger    ${base}/docs`,
      `    Health     ${base}/health/ready`,
      `    Metrics    ${base}/metrics (API), http://localhost:${WORKER_METRICS_PORT}/metrics (worker)`,
      `    Queues     ${base}/admin/queues (admin sign-in)`,
      '',
      '  Get a token and create a simulation (in another terminal):',
      '    TOKEN=$(npm run token -- --role operator)',
      `    curl -s -X POST ${base}/simulation -H "Authorization: Bearer $TOKEN" \\`,
      `         -H 'Content-Type: application/json' -d '{"name":"Sample Simulation","machine":{"machine_id":101,"name":"Machine A"}}'`,
      `    curl -s ${base}/converge/<id> -H "Authorization: Bearer $TOKEN"   # <id> from the answer above`,
      '',
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
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
