import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * BENCH_CPU_PROFILE=<dir>: every measured process (the API, the floor, the
 * baselines, the worker) writes a V8 CPU profile into <dir>/<name> when it stops.
 */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE;

/**
 * A process under measurement: the built API, a worker or a baseline server.
 * Memory comes from /proc: VmRSS now, VmHWM the peak since the last reset
 * (writing 5 to clear_refs resets it, Linux ≥ 4.0), so each scenario gets
 * its own peak.
 */
export class MeasuredProcess {
  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static start(
    name: string,
    script: string,
    env: NodeJS.ProcessEnv,
    logFile: string,
    nodeOptions: string[] = [],
  ) {
    const log = fs.openSync(logFile, 'a');
    const profiling = CPU_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR, name)}`]
      : [];
    const child = spawn(process.execPath, [...profiling, ...nodeOptions, script], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    return new MeasuredProcess(name, child, logFile);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  private status(field: 'VmRSS' | 'VmHWM'): number {
    const text = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  }

  rssMb(): number {
    return this.status('VmRSS');
  }

  peakMb(): number {
    return this.status('VmHWM');
  }

  resetPeak(): void {
    try {
      fs.writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
    } catch {
      // Not permitted here: the peak then runs from the process's start.
    }
  }

  /** Lines of its log that match, since `fromByte`. */
  logLines(pattern: RegExp, fromByte = 0): string[] {
    const text = fs.readFileSync(this.logFile, 'utf8').slice(fromByte);
    return text.split('\n').filter((line) => pattern.test(line));
  }

  logSize(): number {
    return fs.statSync(this.logFile).size;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function waitForHttp(
  url: string,
  process: MeasuredProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null) {
      const tail = fs.readFileSync(process.logFile, 'utf8').slice(-2000);
      throw new Error(
        `${process.name} exited (${process.child.exitCode}) before answering:\n${tail}`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
