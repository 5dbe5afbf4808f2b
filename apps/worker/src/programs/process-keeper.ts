import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The keeper: a small process of its own (its own group and session, so a
 * terminal's Ctrl-C or a signal to the worker's group does not reach it)
 * that reads `+<group>` and `-<group>` lines on its stdin and, when stdin
 * ends, kills every group still listed. Stdin ends when the worker exits in
 * any way, `kill -9` included: the kernel closes the worker's end of the
 * pipe. It ignores the signals a shutdown sends, so it outlives the worker
 * just long enough to do that.
 */
const KEEPER_SOURCE = `
const groups = new Set();
let rest = '';
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  rest += chunk;
  let newline;
  while ((newline = rest.indexOf('\\n')) >= 0) {
    const line = rest.slice(0, newline);
    rest = rest.slice(newline + 1);
    const group = Number(line.slice(1));
    if (!Number.isSafeInteger(group) || group <= 1) continue;
    if (line[0] === '+') groups.add(group);
    else groups.delete(group);
  }
});
process.stdin.on('end', () => {
  for (const group of groups) {
    try { process.kill(-group, 'SIGKILL'); } catch {}
  }
  process.exit(0);
});
`;

/**
 * Makes sure no program outlives its worker: every run's process group is
 * told to the keeper while it runs, and forgotten once it is gone.
 */
@Injectable()
export class ProcessKeeper implements OnApplicationShutdown {
  private readonly logger = new Logger(ProcessKeeper.name);
  private keeper: ChildProcess | null = null;
  private readonly groups = new Set<number>();

  watch(group: number): void {
    this.groups.add(group);
    this.tell(`+${group}`);
  }

  forget(group: number): void {
    this.groups.delete(group);
    this.tell(`-${group}`);
  }

  /** The keeper's pid, once it runs (for tests and the worker's log). */
  get pid(): number | undefined {
    return this.keeper?.pid;
  }

  onApplicationShutdown(): void {
    // Every run has been stopped or handed back by now; ending stdin lets the keeper go.
    this.keeper?.stdin?.end();
    this.keeper = null;
  }

  private tell(line: string): void {
    if (!this.keeper) this.keeper = this.startKeeper();
    this.keeper.stdin?.write(`${line}\n`);
  }

  private startKeeper(): ChildProcess {
    const keeper = spawn(process.execPath, ['-e', KEEPER_SOURCE], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      env: {},
    });
    keeper.stdin?.on('error', () => undefined);
    keeper.once('exit', (code, signal) => {
      if (this.keeper !== keeper) return;
      this.logger.warn(`process keeper ended (${signal ?? code}); starting another`);
      this.keeper = null;
      // The groups still running are told to the next one.
      if (this.groups.size) {
        const next = this.startKeeper();
        this.keeper = next;
        for (const group of this.groups) next.stdin?.write(`+${group}\n`);
      }
    });
    // Neither the keeper nor its pipe keeps the worker's event loop alive.
    keeper.unref();
    (keeper.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    this.logger.log(`process keeper started (pid ${keeper.pid})`);
    return keeper;
  }
}
