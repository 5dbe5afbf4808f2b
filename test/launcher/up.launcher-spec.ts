// `npm run up` for real: what it listens on, what it signs tokens with, and
// that every way it can end stops everything it started. Each case starts the
// whole local service (Postgres, Redis, migrations, API, worker) from the
// built apps, on free ports and a data folder of its own, and counts its
// processes (every one carries a tag in its environment) and ports before and
// after. Root only: one case reaches in from another network namespace.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { ClusterNetwork } from '../cluster/network';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/local-services');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const processes = require('../../scripts/lib/processes');

const ROOT = path.resolve(__dirname, '..', '..');
const isRunning = (pid: number): boolean => processes.isRunning(pid);
const TAG_VARIABLE = 'AISIM_UP_SPEC_TAG';

interface Ports {
  postgres: number;
  redis: number;
  api: number;
  workerMetrics: number;
}

interface Launch {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

describe('npm run up', () => {
  const tag = randomBytes(6).toString('hex');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aisim-up-spec-'));
  // Postgres runs as its own user, which must reach its folder inside.
  chmodSync(dataDir, 0o755);
  let ports: Ports;

  beforeEach(async () => {
    ports = {
      postgres: await services.freePort(),
      redis: await services.freePort(),
      api: await services.freePort(),
      workerMetrics: await services.freePort(),
    };
  });

  afterEach(async () => {
    // Whatever a failed case left: nothing of it may outlive the suite.
    for (const pid of ours()) tryKill(pid, 'SIGKILL');
    await allGone(10_000);
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /**
   * Pids of every process this suite's launches started, however deep: those
   * carrying the tag, and those working in its data folder (Postgres and Redis
   * write their process titles over their environment, tag and all).
   */
  const ours = (): number[] => [
    ...new Set([
      ...processes.pidsWithEnvironment(TAG_VARIABLE, tag),
      ...processes.pidsWorkingIn(dataDir),
    ]),
  ];

  const openPorts = async (): Promise<string[]> => {
    const open: string[] = [];
    for (const [name, port] of Object.entries(ports))
      if (await services.isPortOpen(port)) open.push(`${name} ${port}`);
    return open;
  };

  function environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      [TAG_VARIABLE]: tag,
      LOCAL_DATA_DIR: dataDir,
      UP_POSTGRES_PORT: String(ports.postgres),
      UP_REDIS_PORT: String(ports.redis),
      PORT: String(ports.api),
      METRICS_PORT: String(ports.workerMetrics),
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10000000',
      NODE_ENV: 'development',
      ...extra,
    };
  }

  /** Starts `command` (npm run up by default) in a process group of its own; resolves once it is up. */
  async function launch(
    extra: NodeJS.ProcessEnv = {},
    command: [string, ...string[]] = ['npm', 'run', 'up'],
    { waitUntilUp = true } = {},
  ): Promise<Launch> {
    const child = spawn(command[0], command.slice(1), {
      cwd: ROOT,
      env: environment(extra),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout!.on('data', (chunk) => (text += chunk));
    child.stderr!.on('data', (chunk) => (text += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const launched = { child, output: () => text, exited };
    if (!waitUntilUp) return launched;
    const deadline = Date.now() + 120_000;
    while (!text.includes('AISimulation is up')) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`npm run up did not come up:\n${text}`);
      await sleep(200);
    }
    return launched;
  }

  /** Waits until none of our processes is left and none of the ports is open; fails naming what is. */
  async function allGone(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = ours().filter(isRunning);
      const open = await openPorts();
      if (left.length === 0 && open.length === 0) return;
      if (Date.now() > deadline) {
        const described = left.map((pid) => `${pid} ${processes.processInfo(pid).command}`);
        throw new Error(
          `still there after ${timeoutMs} ms: processes [${described.join('; ')}], ports [${open.join(', ')}]`,
        );
      }
      await sleep(100);
    }
  }

  /** Everything is running: a handful of processes, every port answering. */
  async function expectRunning(): Promise<void> {
    // npm, the launcher, Postgres (and its own processes), Redis, the API and the worker.
    expect(ours().length).toBeGreaterThanOrEqual(6);
    expect(await openPorts()).toEqual([
      `postgres ${ports.postgres}`,
      `redis ${ports.redis}`,
      `api ${ports.api}`,
      `workerMetrics ${ports.workerMetrics}`,
    ]);
  }

  /** The process running scripts/up.js itself (a wrapper names it further along its arguments). */
  const launcherPid = (): number =>
    ours().find((pid) => processes.processInfo(pid).argv?.[1]?.endsWith('scripts/up.js'))!;

  it('listens on loopback only and signs with a key of its own: no constant of the source opens it; Ctrl-C to npm alone stops everything', async () => {
    const up = await launch();
    await expectRunning();
    const network = ClusterNetwork.create(['outside']);
    try {
      const outside = network.host('outside');
      const reach = (port: number) => connectFrom(network, outside, network.clientAddress, port);
      expect(await reach(ports.api)).toBe('refused');
      expect(await reach(ports.workerMetrics)).toBe('refused');
      // The path itself works: something listening on every interface is reached.
      const wide = net.createServer((socket) => socket.end()).listen(0, '0.0.0.0');
      await new Promise((resolve) => wide.once('listening', resolve));
      try {
        expect(await reach((wide.address() as net.AddressInfo).port)).toBe('connected');
      } finally {
        wide.close();
      }
    } finally {
      network.teardown();
    }

    const api = `http://127.0.0.1:${ports.api}`;
    const adminWith = (secret: string) =>
      sign({ role: 'admin' }, secret, {
        algorithm: 'HS256',
        keyid: 'primary',
        issuer: 'aisimulation',
        audience: 'aisimulation-api',
        subject: 'attacker',
        expiresIn: 600,
        jwtid: randomBytes(8).toString('hex'),
      });
    const clientsWith = async (token: string) =>
      (await fetch(`${api}/auth/clients`, { headers: { Authorization: `Bearer ${token}` } }))
        .status;
    const secrets = stringConstantsOfTheSource();
    expect(secrets.length).toBeGreaterThan(500);
    const statuses = await inBatches(secrets, 16, (secret) => clientsWith(adminWith(secret)));
    expect(new Set(statuses)).toEqual(new Set([401]));
    // The key it does use is this data folder's, readable by this user only: the same token
    // signed with it is an admin's, and npm run token signs with it.
    const keyFile = path.join(dataDir, 'jwt-secret');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(secrets).not.toContain(key);
    expect(await clientsWith(adminWith(key))).toBe(200);
    const token = execFileSync('npm', ['run', 'token', '--', '--role', 'admin'], {
      cwd: ROOT,
      env: environment(),
      encoding: 'utf8',
    }).trim();
    expect(await clientsWith(token)).toBe(200);
    // A thousand requests later the terminal holds no line for any of them (warnings and errors only).
    expect(up.output()).not.toContain('/auth/clients');

    process.kill(up.child.pid!, 'SIGINT');
    await allGone(20_000);
    expect(await up.exited).toEqual({ code: 0, signal: null });
  });

  it('listens on every interface when HOST says so; SIGTERM to npm alone stops everything', async () => {
    const up = await launch({ HOST: '0.0.0.0' });
    await expectRunning();
    expect(up.output()).toContain('AISimulation is up on every interface (HOST=0.0.0.0)');
    const network = ClusterNetwork.create(['outside']);
    try {
      const outside = network.host('outside');
      expect(await connectFrom(network, outside, network.clientAddress, ports.api)).toBe(
        'connected',
      );
    } finally {
      network.teardown();
    }
    process.kill(up.child.pid!, 'SIGTERM');
    await allGone(20_000);
  });

  it('stops everything on SIGHUP to its process group (the terminal closed)', async () => {
    const up = await launch();
    await expectRunning();
    process.kill(-up.child.pid!, 'SIGHUP');
    await allGone(20_000);
  });

  it('stops everything when the launcher itself is killed with SIGKILL', async () => {
    await launch();
    await expectRunning();
    process.kill(launcherPid(), 'SIGKILL');
    await allGone(20_000);
  });

  it('stops everything when the process that started it is killed with SIGKILL (a Node-version wrapper)', async () => {
    const wrapper = await launch({}, [
      process.execPath,
      'scripts/supported-node.js',
      '--',
      process.execPath,
      'scripts/up.js',
    ]);
    await expectRunning();
    expect(launcherPid()).not.toBe(wrapper.child.pid);
    process.kill(wrapper.child.pid!, 'SIGKILL');
    await allGone(20_000);
  });

  it('finds a server of an earlier run still holding its port, says so, stops it and starts', async () => {
    const leftover = await services.startPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: ports.postgres,
    });
    try {
      const up = await launch();
      expect(up.output()).toContain(`[up] port ${ports.postgres} is held by `);
      expect(up.output()).toContain(
        `(pid ${leftover.child.pid}), left by an earlier npm run up; stopping it`,
      );
      expect(isRunning(leftover.child.pid)).toBe(false);
      await expectRunning();
      process.kill(up.child.pid!, 'SIGINT');
      await allGone(20_000);
    } finally {
      await leftover.stop();
    }
  });

  it('names what else holds a port, with its pid and how to stop it, and starts nothing', async () => {
    const holder = net.createServer().listen(ports.api, '127.0.0.1');
    await new Promise((resolve) => holder.once('listening', resolve));
    try {
      const up = await launch({}, undefined, { waitUntilUp: false });
      expect((await up.exited).code).not.toBe(0);
      expect(up.output()).toContain(
        `[up] port ${ports.api} (api) is in use by pid ${process.pid}: ${processes.processInfo(process.pid).command}; ` +
          `stop it (kill ${process.pid}), or set PORT to another port`,
      );
      // Nothing was started: of the four ports only the one this spec holds is open.
      expect(ours().filter(isRunning)).toEqual([]);
      expect(await openPorts()).toEqual([`api ${ports.api}`]);
    } finally {
      holder.close();
    }
  });
});

/** 'connected' or 'refused' (or the error code): a TCP connect from inside `host`'s namespace. */
async function connectFrom(
  network: ClusterNetwork,
  host: ReturnType<ClusterNetwork['host']>,
  address: string,
  port: number,
): Promise<string> {
  const script = `const s = require('net').connect(${port}, ${JSON.stringify(address)});
    s.setTimeout(3000, () => { console.log('timeout'); process.exit(0); });
    s.on('connect', () => { console.log('connected'); process.exit(0); });
    s.on('error', (e) => { console.log(e.code === 'ECONNREFUSED' ? 'refused' : e.code); process.exit(0); });`;
  const child = network.spawn(host, process.execPath, ['-e', script], { stdio: 'pipe' });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  await new Promise((resolve) => child.once('exit', resolve));
  return out.trim();
}

/** Every quoted string of 8 to 300 characters in the tracked source: any of them could be a key. */
function stringConstantsOfTheSource(): string[] {
  const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.js', '*.mjs', '*.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && !file.startsWith('bench/results/') && file !== 'package-lock.json');
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const match of text.matchAll(
      /'([^'\\\n]{8,300})'|"([^"\\\n]{8,300})"|`([^`\\$]{8,300})`/g,
    ))
      found.add(match[1] ?? match[2] ?? match[3]);
  }
  return [...found];
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
