import { ProgramLimits } from '@app/domain';
import { setTimeout as sleep } from 'node:timers/promises';
import { LineSplitter, OutputLine } from './line-splitter';
import { LaunchError, ProgramExit, ProgramLauncher } from './program-launcher';

export type { ProgramExit } from './program-launcher';
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

/**
 * One run's process: started by the launcher without a shell, as the leader
 * of its own process group (everything it forks stays in the group unless it
 * leaves on purpose), with the operator's limits set by the kernel
 * (prlimit). The group is what gets signalled, and it is killed whole once
 * the program ends, so nothing it left behind outlives the run.
 */
export class ProgramProcess {
  readonly exited: Promise<ProgramExit>;
  private ended = false;

  private constructor(
    readonly pid: number,
    exit: Promise<ProgramExit>,
    outputRead: Promise<void>,
  ) {
    // Its last output is read before its end is told.
    this.exited = exit.then(async (how) => {
      this.ended = true;
      await outputRead;
      return how;
    });
  }

  /** Starts the program; rejects when it cannot be started at all (not found, not executable). */
  static async start(launcher: ProgramLauncher, start: ProgramStart): Promise<ProgramProcess> {
    const [file, ...args] = [...limitsPrefix(start.limits), ...start.argv];
    const launched = await launcher
      .launch({ file, args, cwd: start.cwd, env: start.env, user: start.user })
      .catch((error: unknown) => {
        if (error instanceof LaunchError) throw new ProgramStartError(start.argv[0], error.code);
        throw error;
      });
    const outputRead = Promise.all(
      (['stdout', 'stderr'] as const).map((stream) => {
        const output = launched[stream];
        const splitter = new LineSplitter(start.maxLineBytes, (line) => start.onLine(stream, line));
        const ended = new Promise<void>((resolve) =>
          output.once('end', () => {
            splitter.end();
            resolve();
          }),
        );
        output.on('data', (chunk: Buffer) => splitter.write(chunk));
        return ended;
      }),
    ).then(() => undefined);
    return new ProgramProcess(launched.pid, launched.exit, outputRead);
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
    // The group; with SIGKILL its leader too, should it have left the group.
    const targets = signal === 'SIGKILL' && !this.ended ? [-this.pid, this.pid] : [-this.pid];
    for (const target of targets)
      try {
        process.kill(target, signal);
      } catch {
        // ESRCH: gone already.
      }
  }
}

export class ProgramStartError extends Error {
  constructor(file: string, code: string) {
    super(`could not start ${file}: ${code}`);
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
