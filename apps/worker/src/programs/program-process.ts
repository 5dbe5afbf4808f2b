import { ProgramLimits } from '@app/domain';
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { LineSplitter, OutputLine } from './line-splitter';

export type OutputStream = 'stdout' | 'stderr';

export interface ProgramStart {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** Whom it runs as; absent: as the worker. */
  user?: { uid: number; gid: number };
  limits: ProgramLimits;
  maxLineBytes: number;
  onLine: (stream: OutputStream, line: OutputLine) => void;
}

/** How a program's process ended: its exit code, or the signal that ended it. */
export interface ProgramExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One run's process: spawned without a shell, as the leader of its own
 * process group (everything it forks stays in the group unless it leaves on
 * purpose), with the operator's limits set by the kernel (prlimit). The
 * group is what gets signalled, and it is killed whole once the program
 * ends, so nothing it left behind outlives the run.
 */
export class ProgramProcess {
  readonly pid: number;
  readonly exited: Promise<ProgramExit>;
  private ended = false;

  private constructor(private readonly child: ChildProcess) {
    this.pid = child.pid as number;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code: number | null, signal: NodeJS.Signals | null) => {
        this.ended = true;
        // The leader is gone; whatever it forked into its group goes with it (a
        // process it left holding the output pipes would otherwise keep them open).
        this.signalGroup('SIGKILL');
        // Its last output is read before its end is told ('close' always follows 'exit').
        child.once('close', () => resolve({ code, signal }));
      }),
    );
  }

  /** Starts the program; rejects when it cannot be started at all (not found, not executable). */
  static async start(start: ProgramStart): Promise<ProgramProcess> {
    const [file, ...args] = [...limitsPrefix(start.limits), ...start.argv];
    const child = spawn(file, args, {
      cwd: start.cwd,
      env: start.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(start.user && { uid: start.user.uid, gid: start.user.gid }),
    });
    for (const stream of ['stdout', 'stderr'] as const) {
      const splitter = new LineSplitter(start.maxLineBytes, (line) => start.onLine(stream, line));
      child[stream]?.on('data', (chunk: Buffer) => splitter.write(chunk));
      child[stream]?.on('end', () => splitter.end());
    }
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (error) => reject(new ProgramStartError(start.argv[0], error)));
    });
    return new ProgramProcess(child);
  }

  /**
   * Asks the group to stop (SIGTERM), and kills it (SIGKILL) if the program
   * has not exited after `graceMs`. Resolves once it has exited.
   */
  async stop(graceMs: number): Promise<ProgramExit> {
    this.signalGroup('SIGTERM');
    const ac = new AbortController();
    const exit = await Promise.race([
      this.exited,
      sleep(graceMs, null, { signal: ac.signal }).catch(() => null),
    ]);
    ac.abort();
    if (exit) return exit;
    this.signalGroup('SIGKILL');
    return this.exited;
  }

  private signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // ESRCH: the group is gone already.
    }
    if (signal === 'SIGKILL' && !this.ended) this.child.kill('SIGKILL');
  }
}

export class ProgramStartError extends Error {
  constructor(file: string, cause: Error) {
    super(`could not start ${file}: ${(cause as NodeJS.ErrnoException).code ?? cause.message}`);
    this.name = 'ProgramStartError';
  }
}

/** prlimit's options for the limits set, then `--`; nothing when none is. */
function limitsPrefix(limits: ProgramLimits): string[] {
  const options: string[] = [];
  const mb = 2 ** 20;
  if (limits.memoryMb !== undefined) options.push(`--as=${limits.memoryMb * mb}`);
  if (limits.cpuSeconds !== undefined) options.push(`--cpu=${limits.cpuSeconds}`);
  if (limits.openFiles !== undefined) options.push(`--nofile=${limits.openFiles}`);
  if (limits.fileSizeMb !== undefined) options.push(`--fsize=${limits.fileSizeMb * mb}`);
  if (limits.processes !== undefined) options.push(`--nproc=${limits.processes}`);
  return options.length ? ['prlimit', ...options, '--'] : [];
}
