import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sweepLeftoverRuns } from './leftover-runs';
import { ownerFileOf, thisProcessAsOwner, type RunOwner } from './run-owner';

describe('the sweep for runs left by dead workers', () => {
  let base: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'leftover-runs-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  });

  /** A run directory owned by `owner`, with a process running for it (in its own group). */
  const runOf = (name: string, owner: RunOwner): { directory: string; child: ChildProcess } => {
    const directory = path.join(base, name);
    mkdirSync(directory);
    writeFileSync(ownerFileOf(directory), JSON.stringify(owner));
    const child = spawn('sleep', ['60'], {
      env: { AISIM_RUN_DIR: directory },
      detached: true,
      stdio: 'ignore',
    });
    children.push(child);
    return { directory, child };
  };
  const exited = (child: ChildProcess) =>
    new Promise<NodeJS.Signals | null>((resolve) =>
      child.exitCode !== null || child.signalCode !== null
        ? resolve(child.signalCode)
        : child.once('exit', (_code, signal) => resolve(signal)),
    );
  /** An owner that was this host's worker, but no process runs with its pid and start time. */
  const dead = (keep = false): RunOwner => ({ ...thisProcessAsOwner(keep), startedAt: '1' });

  it("kills what runs for a dead worker's directory and removes it; a live worker's stays as it is", async () => {
    const left = runOf('7-1-aaaa', dead());
    const live = runOf('8-1-bbbb', thisProcessAsOwner(false));
    await new Promise((resolve) => left.child.once('spawn', resolve));

    expect(await sweepLeftoverRuns(base)).toEqual({ directories: 1, processes: 1 });
    expect(await exited(left.child)).toBe('SIGKILL');
    expect(existsSync(left.directory)).toBe(false);
    expect(existsSync(ownerFileOf(left.directory))).toBe(false);
    expect(live.child.exitCode).toBeNull();
    expect(live.child.signalCode).toBeNull();
    expect(existsSync(ownerFileOf(live.directory))).toBe(true);
  });

  it("keeps a dead worker's directory its program keeps, and never looks at it again", async () => {
    const kept = runOf('9-2-cccc', dead(true));
    await new Promise((resolve) => kept.child.once('spawn', resolve));
    expect(await sweepLeftoverRuns(base)).toEqual({ directories: 1, processes: 1 });
    expect(existsSync(kept.directory)).toBe(true);
    expect(existsSync(ownerFileOf(kept.directory))).toBe(false);
    expect(await sweepLeftoverRuns(base)).toEqual({ directories: 0, processes: 0 });
  });

  it("takes another host's directory (a shared RUNS_DIR) for a live one", async () => {
    runOf('10-1-dddd', { ...dead(), host: 'another-host' });
    expect(await sweepLeftoverRuns(base)).toEqual({ directories: 0, processes: 0 });
  });
});
