import { readFileSync } from 'node:fs';

export interface RunUser {
  name: string;
  uid: number;
  gid: number;
}

/**
 * Whom programs run as. A worker running as root runs them as RUN_USER
 * (`nobody` unless set), never as root; any other worker runs them as
 * itself (it cannot change user), and RUN_USER must then be unset or itself.
 */
export function resolveRunUser(
  configured: string | undefined,
  passwd = readPasswd(),
): RunUser | undefined {
  const self = process.getuid?.();
  if (self === undefined) return undefined;
  const name = configured ?? (self === 0 ? 'nobody' : undefined);
  if (name === undefined) return undefined;
  const entry = passwd.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`RUN_USER ${name} is not a user of this system (/etc/passwd)`);
  if (self !== 0 && entry.uid !== self)
    throw new Error(`RUN_USER ${name}: a worker not running as root runs programs as itself only`);
  if (entry.uid === 0) throw new Error(`RUN_USER ${name} is root: programs never run as root`);
  return entry;
}

function readPasswd(): RunUser[] {
  return readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [name, , uid, gid] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    });
}
