/**
 * The launcher: a small Node process of the worker's that starts programs
 * for it. Forking copies the forking process's page tables, so a fork of the
 * worker (hundreds of MB) blocks its event loop for tens of milliseconds and
 * more; the launcher is small, and its waits are not the worker's.
 *
 * It reads requests, one JSON line each, on stdin:
 *   {"id", "file", "args", "cwd", "env", "uid"?, "gid"?, "socket", "tokens": [out, err]}
 * connects twice to the worker's socket (each connection opened by its
 * token and a newline), starts the program with those two connections as its
 * stdout and stderr (so its output goes straight to the worker) in a process
 * group of its own, and answers on stdout, one JSON line each:
 *   {"id", "pid"}                     started
 *   {"id", "error"}                   could not be started (ENOENT, EACCES, …)
 *   {"id", "exit": [code, signal]}    ended; its group is killed first
 * When stdin ends (the worker exited in any way, `kill -9` included: the
 * kernel closes its end of the pipe) it kills every group still running,
 * and exits. It ignores the signals a shutdown sends, so it outlives the
 * worker just long enough to do that.
 */
export const LAUNCHER_SOURCE = `
'use strict';
const net = require('node:net');
const { spawn } = require('node:child_process');
const groups = new Set();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
const say = (message) => process.stdout.write(JSON.stringify(message) + '\\n');
const killGroup = (pid) => { try { process.kill(-pid, 'SIGKILL'); } catch {} };

function connect(path, token) {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(path, () => socket.write(token + '\\n', () => resolve(socket)));
    socket.once('error', reject);
  });
}

async function launch(request) {
  const sockets = [];
  try {
    for (const token of request.tokens) sockets.push(await connect(request.socket, token));
  } catch (error) {
    for (const socket of sockets) socket.destroy();
    return say({ id: request.id, error: 'could not reach the worker: ' + error.message });
  }
  // The program holds its own copies of the connections; the launcher's close.
  const release = () => { for (const socket of sockets) socket.destroy(); };
  let child;
  try {
    child = spawn(request.file, request.args, {
      cwd: request.cwd,
      env: request.env,
      uid: request.uid,
      gid: request.gid,
      detached: true,
      stdio: ['ignore', sockets[0], sockets[1]],
    });
  } catch (error) {
    release();
    return say({ id: request.id, error: error.code || error.message });
  }
  child.once('error', (error) => {
    release();
    say({ id: request.id, error: error.code || error.message });
  });
  child.once('spawn', () => {
    groups.add(child.pid);
    release();
    say({ id: request.id, pid: child.pid });
  });
  child.once('exit', (code, signal) => {
    groups.delete(child.pid);
    // The leader is gone; whatever it forked into its group goes with it (a
    // process it left holding the output would otherwise keep it open).
    killGroup(child.pid);
    say({ id: request.id, exit: [code, signal] });
  });
}

let rest = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  rest += chunk;
  let newline;
  while ((newline = rest.indexOf('\\n')) >= 0) {
    const line = rest.slice(0, newline);
    rest = rest.slice(newline + 1);
    let request;
    try { request = JSON.parse(line); } catch { continue; }
    void launch(request);
  }
});
process.stdin.on('end', () => {
  for (const pid of groups) killGroup(pid);
  process.exit(0);
});
`;

/** What the launcher's command line ends with, so that it can be told among processes. */
export const LAUNCHER_MARK = 'aisim-program-launcher';
