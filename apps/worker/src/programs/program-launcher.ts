import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { LAUNCHER_MARK, LAUNCHER_SOURCE } from './launcher-source';

/** What to start: no shell, in its own process group. */
export interface LaunchRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  user?: { uid: number; gid: number };
}

/** How a program's process ended: its exit code, or the signal that ended it. */
export interface ProgramExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A started program: its pid (its group's too), its output, and its end. */
export interface LaunchedProgram {
  pid: number;
  /** Held until read: none of it, its end included, passes before listeners are on. */
  stdout: Readable;
  stderr: Readable;
  /** Its exit, told by the launcher (its output may still be on its way). */
  exit: Promise<ProgramExit>;
}

/** The launcher could not start it (not found, not executable, …): the error's code. */
export class LaunchError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'LaunchError';
  }
}

/** A launch under way: answered once with its pid or error, then with its exit. */
interface Launch {
  started: (pid: number) => void;
  failed: (error: LaunchError) => void;
  exited: (exit: ProgramExit) => void;
  pid?: number;
}

/** A token line is short; anything longer is not a launcher's connection. */
const MAX_TOKEN_LINE = 128;

/**
 * Starts programs through the launcher (launcher-source.ts), so that the
 * worker never forks itself: the launcher forks, and each program writes its
 * output straight into connections to this worker's socket (an abstract Unix
 * socket, each connection opened by a random token only this worker and the
 * launcher know). The launcher is also what makes sure no program outlives
 * the worker: when the worker ends in any way, its end of the launcher's
 * stdin closes, and the launcher kills every group still running.
 */
@Injectable()
export class ProgramLauncher implements OnApplicationShutdown {
  private readonly logger = new Logger(ProgramLauncher.name);
  private launcher: ChildProcess | null = null;
  private server: Promise<{ server: net.Server; path: string }> | null = null;
  private readonly awaited = new Map<string, (output: Readable) => void>();
  private readonly launches = new Map<number, Launch>();
  private nextId = 1;

  /** The launcher's pid, once it runs (for tests and the worker's log). */
  get pid(): number | undefined {
    return this.launcher?.pid;
  }

  async launch(request: LaunchRequest): Promise<LaunchedProgram> {
    const { path } = await this.listening();
    const id = this.nextId++;
    const tokens = [randomBytes(24).toString('hex'), randomBytes(24).toString('hex')];
    const [stdout, stderr] = tokens.map(
      (token) => new Promise<Readable>((resolve) => this.awaited.set(token, resolve)),
    );
    let exited!: (exit: ProgramExit) => void;
    const exit = new Promise<ProgramExit>((resolve) => (exited = resolve));
    const pid = new Promise<number>((started, failed) =>
      this.launches.set(id, { started, failed, exited }),
    );
    this.send({
      id,
      file: request.file,
      args: request.args,
      cwd: request.cwd,
      env: request.env,
      uid: request.user?.uid,
      gid: request.user?.gid,
      socket: path,
      tokens,
    });
    try {
      const started = await pid;
      return { pid: started, stdout: await stdout, stderr: await stderr, exit };
    } catch (error) {
      // Started or not, its connections are no longer awaited.
      for (const token of tokens) this.awaited.delete(token);
      void stdout.then((output) => output.destroy());
      void stderr.then((output) => output.destroy());
      throw error;
    }
  }

  onApplicationShutdown(): void {
    // Every run has been stopped or handed back by now; ending stdin lets the launcher go.
    this.launcher?.stdin?.end();
    this.launcher = null;
    void this.server?.then(({ server }) => server.close());
  }

  private send(request: object): void {
    if (!this.launcher) this.launcher = this.startLauncher();
    this.launcher.stdin?.write(`${JSON.stringify(request)}\n`);
  }

  private listening(): Promise<{ server: net.Server; path: string }> {
    this.server ??= new Promise((resolve, reject) => {
      // Abstract (Linux): no file to leave behind or to guard; the tokens guard it.
      const path = `\0aisim-launcher-${process.pid}-${randomBytes(8).toString('hex')}`;
      const server = net.createServer((socket) => this.accept(socket));
      server.once('error', reject);
      server.listen(path, () => resolve({ server, path }));
      server.unref();
    });
    return this.server;
  }

  /**
   * A connection opened by a token this worker awaits becomes that program's
   * stdout or stderr: piped into a stream of its own, which holds what comes
   * (the end of a program that printed nothing and exited at once included)
   * until it is read. A socket left alone would end, and close, unread.
   */
  private accept(socket: net.Socket): void {
    let head = Buffer.alloc(0);
    socket.on('error', () => socket.destroy());
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const newline = head.indexOf(10);
      if (newline < 0) {
        if (head.length > MAX_TOKEN_LINE) socket.destroy();
        return;
      }
      socket.off('data', onData);
      const token = head.subarray(0, newline).toString('latin1');
      const resolve = this.awaited.get(token);
      if (!resolve) return void socket.destroy();
      this.awaited.delete(token);
      const output = new PassThrough();
      if (newline + 1 < head.length) output.write(head.subarray(newline + 1));
      socket.pipe(output);
      // Cut off (an error): what came is still read, and the output ends.
      socket.once('close', () => output.writableEnded || output.end());
      resolve(output);
    };
    socket.on('data', onData);
  }

  private startLauncher(): ChildProcess {
    const launcher = spawn(process.execPath, ['-e', LAUNCHER_SOURCE, LAUNCHER_MARK], {
      detached: true,
      stdio: ['pipe', 'pipe', 'ignore'],
      env: {},
    });
    launcher.stdin?.on('error', () => undefined);
    let rest = '';
    launcher.stdout?.setEncoding('utf8');
    launcher.stdout?.on('data', (chunk: string) => {
      rest += chunk;
      let newline: number;
      while ((newline = rest.indexOf('\n')) >= 0) {
        this.heard(JSON.parse(rest.slice(0, newline)));
        rest = rest.slice(newline + 1);
      }
    });
    launcher.once('exit', (code, signal) => {
      if (this.launcher === launcher) this.launcher = null;
      if (this.launches.size === 0) return;
      // Its programs cannot be told of any more: they are killed, and their runs fail.
      this.logger.error(
        `program launcher ended (${signal ?? code}) with ${this.launches.size} program(s) running: killing them`,
      );
      for (const [id, launch] of this.launches) {
        this.launches.delete(id);
        if (launch.pid === undefined) {
          launch.failed(new LaunchError('the worker’s program launcher ended'));
          continue;
        }
        for (const target of [-launch.pid, launch.pid])
          try {
            process.kill(target, 'SIGKILL');
          } catch {
            // Gone already.
          }
        launch.exited({ code: null, signal: 'SIGKILL' });
      }
    });
    // Neither the launcher nor its pipes keep the worker's event loop alive.
    launcher.unref();
    for (const stream of [launcher.stdin, launcher.stdout])
      (stream as unknown as { unref?: () => void } | null)?.unref?.();
    this.logger.log(`program launcher started (pid ${launcher.pid})`);
    return launcher;
  }

  private heard(message: {
    id: number;
    pid?: number;
    error?: string;
    exit?: [number | null, NodeJS.Signals | null];
  }): void {
    const launch = this.launches.get(message.id);
    if (!launch) return;
    if (message.pid !== undefined) {
      launch.pid = message.pid;
      launch.started(message.pid);
    } else if (message.error !== undefined) {
      // An error once started (a failed signal) changes nothing: its exit still comes.
      if (launch.pid !== undefined) return;
      this.launches.delete(message.id);
      launch.failed(new LaunchError(message.error));
    } else if (message.exit) {
      this.launches.delete(message.id);
      launch.exited({ code: message.exit[0], signal: message.exit[1] });
    }
  }
}
