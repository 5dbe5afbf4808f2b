import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeRunDirectory } from './run-directory';
import { groupOf, ownerFileOf, ownerIsAlive, type RunOwner } from './run-owner';

/** What a sweep found and did. */
export interface SweepResult {
  /** Run directories left by worker processes that no longer run. */
  directories: number;
  /** Processes still running in them, killed with their groups. */
  processes: number;
}

/**
 * Cleans up after workers that died without their launcher doing it (the
 * launcher killed too, or the host's processes frozen and thawed): every run
 * directory under `base` whose worker process is gone has the processes
 * still running for it killed, group and all, and is removed (unless its
 * program keeps its directories). A process is known as a run's by the
 * AISIM_RUN_DIR in its environment, which whatever it forks inherits; one
 * that cleared its environment is not found.
 */
export async function sweepLeftoverRuns(base: string): Promise<SweepResult> {
  const leftovers = leftoverDirectories(base);
  if (leftovers.size === 0) return { directories: 0, processes: 0 };
  const processes = processesOfRuns(new Set(leftovers.keys()));
  const ownGroup = groupOf(process.pid);
  for (const pid of processes) {
    const group = groupOf(pid);
    try {
      if (group !== undefined && group > 1 && group !== ownGroup) process.kill(-group, 'SIGKILL');
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already, with its group.
    }
  }
  for (const [directory, owner] of leftovers) await closeRunDirectory(directory, owner.keep);
  return { directories: leftovers.size, processes: processes.length };
}

/** Run directories under `base` whose owner no longer runs, with their owners. */
function leftoverDirectories(base: string): Map<string, RunOwner> {
  const found = new Map<string, RunOwner>();
  let entries: string[];
  try {
    entries = readdirSync(base);
  } catch {
    return found; // no runs here yet
  }
  for (const entry of entries) {
    if (!entry.endsWith('.owner')) continue;
    const directory = path.join(base, entry.slice(0, -'.owner'.length));
    let owner: RunOwner;
    try {
      owner = JSON.parse(readFileSync(ownerFileOf(directory), 'utf8')) as RunOwner;
    } catch {
      continue; // being written, or removed meanwhile
    }
    if (!ownerIsAlive(owner)) found.set(directory, owner);
  }
  return found;
}

/** The pids whose environment names one of `directories` as their AISIM_RUN_DIR. */
function processesOfRuns(directories: ReadonlySet<string>): number[] {
  const pids: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids; // no /proc: nothing can be found, and nothing is killed
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let environment: string;
    try {
      environment = readFileSync(`/proc/${entry}/environ`, 'utf8');
    } catch {
      continue; // ended meanwhile, or not ours to read
    }
    const variable = environment.split('\0').find((item) => item.startsWith('AISIM_RUN_DIR='));
    if (variable && directories.has(variable.slice('AISIM_RUN_DIR='.length)))
      pids.push(Number(entry));
  }
  return pids;
}
