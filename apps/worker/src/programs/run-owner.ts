import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * The worker process that made a run's directory. A pid alone could be a
 * later process's: the process's start time (since boot, /proc/<pid>/stat)
 * tells them apart.
 */
export interface RunOwner {
  host: string;
  pid: number;
  startedAt: string;
  /** The program keeps its runs' directories (keep_workdir). */
  keep: boolean;
}

/** Where a run directory's owner is written: beside it, in the worker's own directory. */
export function ownerFileOf(directory: string): string {
  return `${directory}.owner`;
}

export function thisProcessAsOwner(keep: boolean): RunOwner {
  return { host: hostname(), pid: process.pid, startedAt: startTimeOf(process.pid) ?? '', keep };
}

/** Whether the worker process that made a directory still runs (on this host; another host's is taken to). */
export function ownerIsAlive(owner: RunOwner): boolean {
  // Another host's, or one whose start time could not be read: never taken for dead.
  if (owner.host !== hostname() || !owner.startedAt) return true;
  const startedAt = startTimeOf(owner.pid);
  return startedAt !== undefined && startedAt === owner.startedAt;
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
export function startTimeOf(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** The process group of `pid`, from /proc/<pid>/stat. */
export function groupOf(pid: number): number | undefined {
  const group = statFields(pid)?.[2];
  return group === undefined ? undefined : Number(group);
}

/** /proc/<pid>/stat's fields after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
