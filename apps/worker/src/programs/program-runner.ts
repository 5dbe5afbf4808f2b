import {
  commandFor,
  declaredEnvFor,
  DomainError,
  ProgramDeclaration,
  resolveProgramParams,
  RunDataRepository,
  RunLogRepository,
  RunReportRepository,
  Simulation,
} from '@app/domain';
import { SimulationEventPublisher } from '@app/queue';
import { signRunToken } from '@app/auth';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { WorkerConfig } from '../config/worker-config';
import { HeldRun } from '../leases/held-runs';
import { NonRetryableRunError } from '../simulation-run/run-errors';
import { OutputLine } from './line-splitter';
import { ProgramLauncher } from './program-launcher';
import { OutputStream, ProgramExit, ProgramProcess, ProgramStartError } from './program-process';
import { closeRunDirectory, makeRunDirectory } from './run-directory';
import { sweepLeftoverRuns } from './leftover-runs';
import { LogSink } from './log-sink';
import { readMetricRecord } from './metric-records';
import { MetricSink } from './metric-sink';
import { GpuPool } from './gpu-pool';
import { Slots } from '../machinery/slots';

/** Lines of a failed run's output its failure reason quotes, the last ones. */
const REASON_LINES = 10;
/** A failure reason's length at most, quoted output included. */
const REASON_MAX_LENGTH = 2_000;
/** What a program finds on PATH: the system's directories, nothing of the worker's. */
const PROGRAM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A program that ended other than with exit code 0: the run's attempt failed. */
export class ProgramFailedError extends Error {
  constructor(
    message: string,
    readonly exit: ProgramExit,
  ) {
    super(message);
    this.name = 'ProgramFailedError';
  }
}

/**
 * Runs one attempt of a declared program: its params checked and filled in,
 * a fresh directory, a scrubbed environment (nothing of the worker's own:
 * its database and Redis URLs, passwords and keys never reach a program),
 * the process started by the launcher as an unprivileged user in its own
 * group. Resolves when it exits 0; otherwise throws why it failed. A run
 * stopped from outside (cancelled, lease lost, time limit, shutdown) has its
 * group stopped within the program's grace, and the stop is rethrown.
 */
@Injectable()
export class ProgramRunner implements OnModuleInit {
  private readonly logger = new Logger(ProgramRunner.name);
  private readonly programs: Map<string, ProgramDeclaration>;
  private readonly gpus: GpuPool;
  /**
   * Every run's output (logs and metric records) is written through half the
   * database pool at most: however many programs print at once, heartbeats,
   * claims and finishes always find a connection.
   */
  private readonly outputWrites: Slots;

  constructor(
    private readonly config: WorkerConfig,
    private readonly launcher: ProgramLauncher,
    private readonly runData: RunDataRepository,
    private readonly logs: RunLogRepository,
    private readonly reports: RunReportRepository,
    private readonly events: SimulationEventPublisher,
  ) {
    this.programs = new Map(config.programs.map((program) => [program.name, program]));
    this.gpus = new GpuPool(config.gpus);
    this.outputWrites = new Slots(Math.max(1, Math.floor(config.databasePoolSize / 2)));
  }

  /**
   * Before this worker takes a run: what workers that died here left behind
   * (their launchers too, or they would have killed it) is killed and removed.
   */
  async onModuleInit(): Promise<void> {
    if (this.programs.size === 0) return;
    const swept = await sweepLeftoverRuns(this.config.runsDirectory);
    if (swept.directories)
      this.logger.warn(
        `${swept.directories} run director(ies) left by dead workers under ${this.config.runsDirectory}: ` +
          `${swept.processes} process(es) still running in them killed, the directories cleaned up`,
      );
  }

  /** Whether any program here needs GPUs (runs of the others need no look before their claim). */
  get needsGpus(): boolean {
    return [...this.programs.values()].some((program) => program.gpus > 0);
  }

  /** The GPUs a run of `name` needs, now given to it; null while too few are free. */
  takeGpus(name: string): string[] | null {
    return this.gpus.take(this.declared(name)?.gpus ?? 0);
  }

  giveGpus(gpus: readonly string[]): void {
    this.gpus.give(gpus);
  }

  /** The program as this worker declares it; undefined when it does not. */
  declared(name: string): ProgramDeclaration | undefined {
    return this.programs.get(name);
  }

  async run(held: HeldRun, simulation: Simulation, gpus: readonly string[] = []): Promise<void> {
    const program = this.declared(simulation.program);
    if (!program)
      throw new NonRetryableRunError(
        `program "${simulation.program}" is not declared on machine ${simulation.machineId}'s worker ` +
          `(it runs: emulate${[...this.programs.keys()].map((name) => `, ${name}`).join('')})`,
      );
    const values = this.paramsFor(
      program,
      (await this.runData.paramsAndTagsOf(simulation.simulationId)).params,
    );
    const directory = await makeRunDirectory(
      this.config.runsDirectory,
      held.ref,
      values,
      this.config.runUser,
      { keep: program.keepWorkdir },
    );
    const tail: string[] = [];
    const log = new LogSink(this.logs, this.outputWrites, held.ref, program.logs.maxBytes);
    const logLine = (stream: OutputStream, line: OutputLine) => {
      log.push(stream, line);
      tail.push(`${stream === 'stderr' ? '! ' : ''}${line.text}${line.cut ? ' […]' : ''}`);
      if (tail.length > REASON_LINES) tail.shift();
    };
    const note = (problem: string) => logLine('stderr', { text: `aisim: ${problem}`, cut: false });
    // Where the run's seconds start, for its records and for the SDK in the program alike.
    const startedAt = simulation.startedAt ?? new Date();
    const metrics = new MetricSink(
      this.reports,
      this.outputWrites,
      this.events,
      held.ref,
      startedAt,
      note,
    );
    // A metric record on stdout goes to the run's curves; every other line is its log.
    const remember = (stream: OutputStream, line: OutputLine) => {
      const record = stream === 'stdout' && !line.cut ? readMetricRecord(line.text) : undefined;
      if (record && 'points' in record) return metrics.push(record.points);
      logLine(stream, line);
      if (record) note(record.problem);
    };
    try {
      held.signal.throwIfAborted();
      const child = await ProgramProcess.start(this.launcher, {
        argv: commandFor(program, values),
        env: {
          PATH: PROGRAM_PATH,
          LANG: 'C.UTF-8',
          HOME: directory.path,
          TMPDIR: directory.path,
          ...declaredEnvFor(program, values),
          AISIM_RUN_ID: String(simulation.simulationId),
          AISIM_ATTEMPT: String(held.ref.attempt),
          AISIM_RUN_DIR: directory.path,
          AISIM_PARAMS_FILE: directory.paramsFile,
          AISIM_STARTED_AT: (startedAt.getTime() / 1000).toFixed(3),
          ...this.reportingFor(held),
          // Its own GPUs, or none: a program never sees every GPU of the machine.
          CUDA_VISIBLE_DEVICES: gpus.join(','),
        },
        cwd: directory.path,
        user: this.config.runUser,
        limits: program.limits,
        maxLineBytes: program.logs.maxLineBytes,
        onLine: remember,
      }).catch((error: unknown) => {
        if (error instanceof ProgramStartError) throw new NonRetryableRunError(error.message);
        throw error;
      });
      const exit = await this.untilExitOrStop(child, held, program);
      if (exit.code === 0) return;
      throw new ProgramFailedError(failureReason(exit, tail), exit);
    } finally {
      // The whole log and every metric are stored before the run's end is told.
      await metrics.close();
      await log.close();
      await closeRunDirectory(directory.path, program.keepWorkdir).catch((error: Error) =>
        this.logger.warn(`could not remove ${directory.path}: ${error.message}`),
      );
    }
  }

  /** AISIM_URL and the attempt's own AISIM_TOKEN, when this worker knows where programs report. */
  private reportingFor(held: HeldRun): Record<string, string> {
    const reporting = this.config.runReporting;
    if (!reporting) return {};
    const token = signRunToken(reporting.jwt, {
      ...held.ref,
      createdBy: `worker:${this.config.workerId}`,
    });
    return { AISIM_URL: reporting.apiUrl, AISIM_TOKEN: token };
  }

  /** The run's params against the program as declared now (it may have changed since the run was created). */
  private paramsFor(program: ProgramDeclaration, params: Record<string, unknown>) {
    try {
      return resolveProgramParams(program, params);
    } catch (error) {
      if (error instanceof DomainError) throw new NonRetryableRunError(error.message);
      throw error;
    }
  }

  private async untilExitOrStop(
    child: ProgramProcess,
    held: HeldRun,
    program: ProgramDeclaration,
  ): Promise<ProgramExit> {
    const stopped = new Promise<'stopped'>((resolve) => {
      if (held.signal.aborted) resolve('stopped');
      held.signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    const first = await Promise.race([child.exited, stopped]);
    if (first !== 'stopped') return first;
    await child.stop(program.killGraceSeconds * 1000);
    throw held.signal.reason;
  }
}

function failureReason(exit: ProgramExit, tail: string[]): string {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const said = tail.length ? `; its last output:\n${tail.join('\n')}` : '; it printed nothing';
  const reason = `the program ${how}${said}`;
  return reason.length > REASON_MAX_LENGTH ? `${reason.slice(0, REASON_MAX_LENGTH - 1)}…` : reason;
}
