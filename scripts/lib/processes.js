// What this machine's /proc says about processes: who listens on a port, a
// process's command line, working directory and parent. Linux only; where
// /proc cannot tell (another user's process, another OS), the answers say
// "unknown" rather than guess.
'use strict';

const fs = require('node:fs');

const LISTEN = '0A';

/** Socket inodes listening on `port`, over IPv4 and IPv6. */
function listeningInodes(port) {
  const inodes = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== LISTEN) continue;
      if (parseInt(fields[1].split(':')[1], 16) === port) inodes.add(fields[9]);
    }
  }
  return inodes;
}

function pids() {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
}

/** The process listening on `port` as { pid, command, cwd, ppid }, or undefined if /proc does not say. */
function listenerOf(port) {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of pids()) {
    let fds;
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return processInfo(Number(pid));
    }
  }
  return undefined;
}

/** What /proc says of one process; fields it cannot read are undefined. */
function processInfo(pid) {
  const read = (file) => {
    try {
      return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return undefined;
    }
  };
  const argv = read('cmdline')?.split('\0').filter(Boolean);
  let cwd;
  try {
    cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    cwd = undefined;
  }
  // The command may hold spaces and parentheses: the fields after its closing one are fixed.
  const stat = read('stat');
  const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : undefined;
  return { pid, argv, command: argv?.join(' '), cwd, ppid };
}

/** Running, that is: not gone, and not a zombie waiting for its parent to reap it. */
function isRunning(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Pids of every process whose environment holds `name=value` (root sees all; others their own). */
function pidsWithEnvironment(name, value) {
  const wanted = `${name}=${value}`;
  return pids()
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(wanted);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Pids of every process whose working directory is `dir` or inside it. */
function pidsWorkingIn(dir) {
  return pids()
    .filter((pid) => {
      try {
        const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
        return cwd === dir || cwd.startsWith(`${dir}/`);
      } catch {
        return false;
      }
    })
    .map(Number);
}

module.exports = { isRunning, listenerOf, pidsWithEnvironment, pidsWorkingIn, processInfo };
