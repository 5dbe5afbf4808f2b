// Starts throwaway or persistent Postgres and Redis servers on loopback, for
// `npm run up` and the test suites. Plain CommonJS so it runs before anything
// is built or transpiled.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

class MissingDependencyError extends Error {}

function findPostgresBinDir() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const debianRoot = '/usr/lib/postgresql';
  if (fs.existsSync(debianRoot)) {
    const versions = fs.readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, 'bin')));
  }
  const found = candidates.find(
    (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'postgres')),
  );
  if (!found) {
    throw new MissingDependencyError(
      'PostgreSQL server binaries (initdb, postgres) were not found. Install them (Debian: apt-get install postgresql), ' +
        'set PG_BIN to their folder, or set DATABASE_URL to a server you run yourself.',
    );
  }
  return found;
}

function findCommand(command) {
  const which = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  return fs.existsSync(`/usr/bin/${command}`) ? `/usr/bin/${command}` : undefined;
}

/**
 * A command from one of Debian's packages: installed when we may (root with
 * apt-get); otherwise an error that says what to do.
 */
function ensureDebianCommand(command, debianPackage, { log = () => {}, otherwise = '' } = {}) {
  const existing = findCommand(command);
  if (existing) return existing;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    log(`${command} is missing; installing ${debianPackage} with apt-get …`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', debianPackage], {
      stdio: 'inherit',
      env,
    });
    if (install.status === 0 && findCommand(command)) return findCommand(command);
  }
  throw new MissingDependencyError(
    `${command} was not found. Install it (Debian: sudo apt-get install ${debianPackage})${otherwise}.`,
  );
}

/**
 * Python modules of Debian's packages for the system's python3 (what a
 * program's PATH finds, not a user's own Python): installed when we may;
 * otherwise an error that says what to do.
 */
function ensureDebianPythonModules(modules, debianPackages, { log = () => {} } = {}) {
  const python = '/usr/bin/python3';
  const importable = () =>
    spawnSync(python, ['-c', `import ${modules.join(', ')}`], { stdio: 'ignore' }).status === 0;
  if (importable()) return python;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    log(
      `${python} cannot import ${modules.join(', ')}; installing ${debianPackages.join(' ')} with apt-get …`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...debianPackages], {
      stdio: 'inherit',
      env,
    });
    if (importable()) return python;
  }
  throw new MissingDependencyError(
    `${python} cannot import ${modules.join(', ')}. Install them (Debian: sudo apt-get install ${debianPackages.join(' ')}).`,
  );
}

function ensureRedisServer(log = () => {}) {
  return ensureDebianCommand('redis-server', 'redis-server', {
    log,
    otherwise: '; macOS: brew install redis; or set REDIS_URL to a server you run yourself',
  });
}

/**
 * Spawn options that run a command as the `postgres` user when we are root:
 * Postgres refuses to run as root. Setting uid/gid on the spawn (rather than
 * wrapping in runuser) keeps the child's pid that of Postgres itself, so
 * signals reach it.
 */
function postgresUserOptions() {
  if (!isRoot) return {};
  const id = (flag) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) {
    throw new MissingDependencyError(
      'running as root needs a `postgres` user to run Postgres as (useradd --system postgres)',
    );
  }
  return { uid, gid, env: { ...process.env, HOME: '/tmp', USER: 'postgres' } };
}

function canPostgresUserUse(dir) {
  if (!isRoot) return true;
  return spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir]).status === 0;
}

/**
 * Ports this process has handed out: a port is free again once its probe
 * closes, so two calls in a row (before either is listened on) could answer
 * the same one.
 */
const portsHandedOut = new Set();

async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = net.createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
    });
    if (!portsHandedOut.has(port)) {
      portsHandedOut.add(port);
      return port;
    }
  }
}

async function isPortOpen(port, host = LOOPBACK.address) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(what, check, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`${what} exited with code ${child.exitCode} while starting`);
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline)
      throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopChild(child, signal, timeoutMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** Where a server runs: this machine's loopback, or a network namespace and its address there. */
const LOOPBACK = { namespace: undefined, address: '127.0.0.1' };

/** Whether util-linux's setpriv can set a parent-death signal here (Linux, util-linux 2.33+). */
let parentDeathSupported;
function canSetParentDeathSignal() {
  parentDeathSupported ??=
    process.platform === 'linux' &&
    /--pdeathsig/.test(spawnSync('setpriv', ['--help'], { encoding: 'utf8' }).stdout ?? '');
  return parentDeathSupported;
}

/**
 * `command` and `args` wrapped so that the kernel sends the process `signal`
 * when the process that spawned it dies, however it dies (kill -9 included):
 * setpriv sets the signal and execs, so the pid is the command's own. Where
 * setpriv cannot, the command as it is.
 */
function dyingWithParent(command, args, signal) {
  if (!signal || !canSetParentDeathSignal()) return { command, args };
  return { command: 'setpriv', args: ['--pdeathsig', signal, '--', command, ...args] };
}

/**
 * `command` and `args` as spawned in `host`: through `ip netns exec` inside a
 * namespace (which execs, so the pid is the server's own), and as the
 * postgres user when `asPostgres` (then by setpriv, which execs too). With
 * `parentDeathSignal` (loopback only), the server gets that signal when its
 * starter dies.
 */
function placed(host, command, args, { asPostgres = false, parentDeathSignal } = {}) {
  if (!host.namespace) {
    // The uid changes before setpriv runs (a change of user clears the signal, so not after).
    const wrapped = dyingWithParent(command, args, parentDeathSignal);
    return { ...wrapped, options: asPostgres ? postgresUserOptions() : {} };
  }
  const user =
    asPostgres && isRoot
      ? ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups']
      : [];
  return {
    command: 'ip',
    args: ['netns', 'exec', host.namespace, ...user, command, ...args],
    options: {},
  };
}

/**
 * Starts a Postgres server on 127.0.0.1:`port` (or `host`'s address in its namespace,
 * trusting connections from the network `clients`, a CIDR) with its data in `dataDir`
 * (initialised on first use; trust authentication, loopback only).
 */
async function startPostgres({
  dataDir,
  port,
  settings = {},
  host = LOOPBACK,
  clients,
  stdio = 'ignore',
  dieWithParent = false,
  log = () => {},
}) {
  const bin = findPostgresBinDir();
  fs.mkdirSync(dataDir, { recursive: true });
  if (isRoot) spawnSync('chown', ['-R', 'postgres:postgres', dataDir]);
  if (!canPostgresUserUse(dataDir)) {
    throw new Error(
      `the postgres user cannot reach ${dataDir}; choose a data folder whose parents it may traverse`,
    );
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a Postgres cluster in ${dataDir}`);
    fs.chmodSync(dataDir, 0o700);
    const initdbArgs = [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ];
    const result = spawnSync(path.join(bin, 'initdb'), initdbArgs, {
      encoding: 'utf8',
      ...postgresUserOptions(),
    });
    if (result.status !== 0) throw new Error(`initdb failed:\n${result.stderr || result.stdout}`);
  }
  if (clients) {
    // Trusted, as loopback is: a test network only the suite's hosts are on.
    const hba = path.join(dataDir, 'pg_hba.conf');
    const line = `host all all ${clients} trust`;
    if (!fs.readFileSync(hba, 'utf8').includes(line)) fs.appendFileSync(hba, `${line}\n`);
  }
  if (await isPortOpen(port, host.address))
    throw new Error(`port ${port} is already in use; is another Postgres running there?`);
  const options = {
    listen_addresses: host.address,
    unix_socket_directories: '',
    max_connections: '200',
    ...settings,
  };
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    ...Object.entries(options).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  // detached: its own process group, so a Ctrl-C meant for `npm run up` does
  // not reach it before the apps that use it have stopped.
  // SIGINT is Postgres' "fast" shutdown: ends sessions, checkpoints, exits.
  const run = placed(host, path.join(bin, 'postgres'), args, {
    asPostgres: true,
    parentDeathSignal: dieWithParent ? 'INT' : undefined,
  });
  const child = spawn(run.command, run.args, { stdio, detached: true, ...run.options });
  const url = `postgres://postgres@${host.address}:${port}`;
  const { Client } = require('pg');
  await waitFor(
    'Postgres',
    async () => {
      const client = new Client({ connectionString: `${url}/postgres` });
      await client.connect();
      await client.end();
      return true;
    },
    30_000,
    child,
  );
  return {
    url,
    port,
    child,
    stop: () => stopChild(child, 'SIGINT'),
  };
}

async function ensureDatabase(serverUrl, name) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return `${serverUrl}/${name}`;
}

/** Drops the database `name` on the server, if it is there, closing whatever is connected to it. */
async function dropDatabase(serverUrl, name) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Starts redis-server on 127.0.0.1:`port`. With `persistent`, it keeps an
 * append-only file in `dir` (fsync every second) so queued jobs survive a
 * restart; either way it never evicts keys, since an evicted key is a lost job.
 * `password` sets requirepass (and masterauth, for a replica of a server with
 * the same); `replicaOf` a port on loopback or an { address, port }; `host`
 * a namespace to run in and its address there; `tls` ({ cert, key, ca } files)
 * serves TLS only, on `port`.
 */
async function startRedis({
  dir,
  port,
  persistent = false,
  password,
  replicaOf,
  tls,
  host = LOOPBACK,
  stdio = 'ignore',
  dieWithParent = false,
  log = () => {},
}) {
  const server = ensureRedisServer(log);
  fs.mkdirSync(dir, { recursive: true });
  if (await isPortOpen(port, host.address))
    throw new Error(`port ${port} is already in use; is another Redis running there?`);
  const args = [
    '--port',
    String(port),
    '--bind',
    host.address,
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--logfile',
    '',
    '--appendonly',
    persistent ? 'yes' : 'no',
    '--appendfsync',
    'everysec',
  ];
  if (password) args.push('--requirepass', password, '--masterauth', password);
  if (replicaOf) {
    const master =
      typeof replicaOf === 'number' ? { address: '127.0.0.1', port: replicaOf } : replicaOf;
    args.push('--replicaof', master.address, String(master.port));
  }
  if (tls) {
    args.splice(args.indexOf('--port'), 2, '--port', '0', '--tls-port', String(port));
    args.push('--tls-cert-file', tls.cert, '--tls-key-file', tls.key);
    args.push('--tls-ca-cert-file', tls.ca, '--tls-auth-clients', 'no');
  }
  const run = placed(host, server, args, { parentDeathSignal: dieWithParent ? 'TERM' : undefined });
  const child = spawn(run.command, run.args, { stdio, detached: true });
  const ready = tls
    ? () => isPortOpen(port, host.address)
    : () => pingRedis(port, password, host.address);
  await waitFor('Redis', ready, 15_000, child);
  const scheme = tls ? 'rediss' : 'redis';
  return {
    url: `${scheme}://${host.address}:${port}`,
    port,
    child,
    stop: () => stopChild(child, 'SIGTERM'),
  };
}

/**
 * Debian's Redis Sentinel on 127.0.0.1:`port` (or `host`'s address),
 * monitoring the master at `masterAddress`:`masterPort` as `name` with a
 * quorum of `quorum`. `password` is the
 * master's (and its replicas'); `sentinelPassword` the Sentinel's own, which
 * the Sentinels also use among themselves. A Sentinel rewrites its file as it
 * learns the set-up, so each has one of its own in `dir`.
 */
async function startSentinel({
  dir,
  port,
  masterPort,
  masterAddress = '127.0.0.1',
  name,
  quorum = 2,
  password,
  sentinelPassword,
  downAfterMs = 1_000,
  failoverTimeoutMs = 10_000,
  host = LOOPBACK,
  stdio = 'ignore',
  log = () => {},
}) {
  const sentinel = ensureDebianCommand('redis-sentinel', 'redis-sentinel', { log });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'sentinel.conf');
  fs.writeFileSync(
    file,
    [
      `port ${port}`,
      `bind ${host.address}`,
      `dir ${dir}`,
      ...(sentinelPassword ? [`requirepass ${sentinelPassword}`] : []),
      `sentinel monitor ${name} ${masterAddress} ${masterPort} ${quorum}`,
      ...(password ? [`sentinel auth-pass ${name} ${password}`] : []),
      `sentinel down-after-milliseconds ${name} ${downAfterMs}`,
      `sentinel failover-timeout ${name} ${failoverTimeoutMs}`,
      `sentinel parallel-syncs ${name} 1`,
      '',
    ].join('\n'),
  );
  const run = placed(host, sentinel, [file]);
  const child = spawn(run.command, run.args, { stdio, detached: true });
  await waitFor(
    'Redis Sentinel',
    () => pingRedis(port, sentinelPassword, host.address),
    15_000,
    child,
  );
  return { port, child, stop: () => stopChild(child, 'SIGTERM') };
}

/**
 * Debian's PgBouncer in front of a Postgres on loopback, with stock settings
 * but for the pool mode (transaction by default, as CloudNativePG's Pooler
 * and managed poolers run) and trust auth, as the test Postgres has. It
 * refuses to run as root, so it runs as `postgres` when we are root.
 */
async function startPgBouncer({
  dir,
  port,
  postgresPort,
  poolMode = 'transaction',
  log = () => {},
}) {
  const binary = ensureDebianCommand('pgbouncer', 'pgbouncer', { log });
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const userlist = path.join(dir, 'userlist.txt');
  fs.writeFileSync(userlist, '"postgres" ""\n');
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${postgresPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${userlist}`,
      `pool_mode = ${poolMode}`,
      'ignore_startup_parameters = extra_float_digits',
      'max_client_conn = 500',
      'default_pool_size = 20',
      '',
    ].join('\n'),
  );
  fs.chmodSync(dir, 0o755);
  const child = spawn(binary, [ini], { stdio: 'ignore', detached: true, ...postgresUserOptions() });
  await waitFor('PgBouncer', () => isPortOpen(port), 15_000, child);
  return { port, child, stop: () => stopChild(child, 'SIGTERM') };
}

function pingRedis(port, password, host = LOOPBACK.address) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () =>
      socket.write(password ? `AUTH ${password}\r\nPING\r\n` : 'PING\r\n'),
    );
    let answer = '';
    socket.on('data', (data) => {
      answer += data.toString();
      // One answer per command sent: AUTH's, then PING's.
      if (answer.split('\r\n').length <= (password ? 2 : 1)) return;
      socket.destroy();
      resolve(answer.endsWith('+PONG\r\n'));
    });
    socket.once('error', () => resolve(false));
  });
}

module.exports = {
  LOOPBACK,
  dyingWithParent,
  MissingDependencyError,
  canPostgresUserUse,
  dropDatabase,
  ensureDatabase,
  ensureDebianCommand,
  ensureDebianPythonModules,
  ensureRedisServer,
  findPostgresBinDir,
  freePort,
  isPortOpen,
  isRoot,
  startPostgres,
  startPgBouncer,
  startRedis,
  startSentinel,
  stopChild,
  waitFor,
};
