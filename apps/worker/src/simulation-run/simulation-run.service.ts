import { attemptsStarted, attemptTimeouts, retriesQueued } from '@app/runtime';
import {
  AttemptOutcome,
  AttemptRef,
  CurveBuilder,
  CurvePoint,
  EndAttempt,
  MachineRepository,
  Program,
  Simulation,
  SimulationLifecycle,
  SimulationRepository,
  SimulationStatus,
} from '@app/domain';
import {
  RunSimulationPayload,
  SimulationEventPublisher,
  SimulationQueueProducer,
} from '@app/queue';
import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkerConfig } from '../config/worker-config';
import { CurveEmulator, plannedDurationMs, tickMsFor } from './convergence-emulator';
import { CurveWriter } from './curve-writer';
import { untilWritten } from '../machinery/database-retry';
import { failureReasonFor } from './failure-reason';
import { HeldRun, HeldRuns } from '../leases/held-runs';
import { addRunLogBindings } from './run-log-context';
import { RunTransitions } from './run-transitions';
import { RunStopped } from '../leases/run-stopped';
import { recordStaleWrite } from '../leases/stale-writes';
import {
  ClaimUnansweredError,
  MachineDrainingError,
  NonRetryableRunError,
  GpusBusyError,
  ProgramElsewhereError,
} from './run-errors';
import { ProgramFailedError, ProgramRunner } from '../programs/program-runner';
import { GpuWaits } from './gpu-waits';

/**
 * Points written per statement at most. Large enough that a million-point
 * curve takes a few hundred statements; small enough that one statement
 * takes tens of milliseconds, so heartbeats and other runs keep their turn.
 */
export const MAX_POINTS_PER_WRITE = 5_000;

/** How a job's run ended: an attempt's outcome (AttemptOutcome's words), or no attempt at all. */
export type RunOutcome =
  'finished' | 'retrying' | 'failed' | 'cancelled' | 'lost' | 'handed_back' | 'not_claimed';

@Injectable()
export class SimulationRunService {
  private readonly logger = new Logger(SimulationRunService.name);

  constructor(
    private readonly config: WorkerConfig,
    private readonly lifecycle: SimulationLifecycle,
    private readonly simulations: SimulationRepository,
    private readonly machines: MachineRepository,
    private readonly curves: CurveWriter,
    private readonly transitions: RunTransitions,
    private readonly emulator: CurveEmulator,
    private readonly queue: SimulationQueueProducer,
    private readonly runs: HeldRuns,
    private readonly events: SimulationEventPublisher,
    private readonly programs: ProgramRunner,
    private readonly gpuWaits: GpuWaits,
  ) {}

  /**
   * Runs one attempt of a simulation: claims it (only one worker can), writes
   * its curve a point per tick as it is produced, and records how the attempt
   * ended. Every write is fenced by the attempt, so once this worker has lost
   * the simulation (timed out, cancelled, recovered elsewhere) it writes
   * nothing more and stops.
   */
  async run({ simulationId, requestId }: RunSimulationPayload): Promise<RunOutcome> {
    // GPUs are taken before the claim: a run waits for them in the queue, pending, not here.
    const { gpus, machineId } = await this.takeGpusFor(simulationId);
    try {
      const claimed = await answeredWithin(
        this.transitions.claim(simulationId),
        this.config.leaseMs,
        () => new ClaimUnansweredError(simulationId, this.config.leaseMs),
      );
      if (!claimed) return await this.whyNotClaimed(simulationId);
      return await this.runClaimed(claimed, gpus, requestId);
    } finally {
      if (gpus.length) {
        this.programs.giveGpus(gpus);
        void this.gpuWaits.wake(machineId);
      }
    }
  }

  private async runClaimed(
    claimed: Simulation,
    gpus: string[],
    requestId: string | undefined,
  ): Promise<RunOutcome> {
    addRunLogBindings({ attempt: claimed.attempt });
    attemptsStarted.inc();
    const held = this.runs.hold({ simulationId: claimed.simulationId, attempt: claimed.attempt });
    const timeout = setTimeout(() => held.stop('timeout'), this.timeoutFor(claimed));
    try {
      if (claimed.program === Program.Emulate) await this.emitCurve(held, claimed);
      else {
        if (gpus.length)
          await untilWritten(() => this.lifecycle.recordGpus(held.ref, gpus), {
            signal: held.signal,
          });
        await this.programs.run(held, claimed, gpus);
        await untilWritten(() => this.lifecycle.recordExitCode(held.ref, 0), {
          signal: held.signal,
        });
      }
      const finished = await untilWritten(() => this.transitions.finish(held.ref), {
        signal: held.signal,
      });
      if (finished) return 'finished';
      recordStaleWrite(held.ref, 'finish');
      return this.explainLoss(held.ref);
    } catch (error) {
      return await this.settle(
        held,
        claimed,
        held.signal.aborted ? held.signal.reason : error,
        requestId,
      );
    } finally {
      clearTimeout(timeout);
      this.runs.release(held);
    }
  }

  /**
   * The GPUs a pending run's program needs, taken from this worker's; none
   * for a worker whose programs need none (and then no read at all).
   * Throws GpusBusyError, back to the queue, while too few are free.
   */
  private async takeGpusFor(simulationId: number): Promise<{ gpus: string[]; machineId: number }> {
    const none = { gpus: [], machineId: 0 };
    if (!this.programs.needsGpus) return none;
    const pending = await this.simulations.findById(simulationId);
    if (pending?.status !== SimulationStatus.Pending) return none;
    const gpus = this.programs.takeGpus(pending.program);
    if (!gpus) throw new GpusBusyError(pending, this.programs.declared(pending.program)?.gpus ?? 0);
    return { gpus, machineId: pending.machineId };
  }

  /** A job whose run was not claimed: done, or back to the queue to wait (a draining machine, another worker's program). */
  private async whyNotClaimed(simulationId: number): Promise<RunOutcome> {
    const current = await this.simulations.findById(simulationId);
    if (current?.status === SimulationStatus.Pending) {
      const machine = await this.machines.findById(current.machineId);
      if (machine?.draining) throw new MachineDrainingError(current.machineId);
      if (current.program !== Program.Emulate && current.program !== Program.External)
        throw new ProgramElsewhereError(current);
    }
    this.logger.log(
      `simulation ${simulationId} is not pending (taken, ended or gone); nothing to do`,
    );
    return 'not_claimed';
  }

  /**
   * A run may end SIMULATION_TIMEOUT_MS later than planned: long curves get
   * their time, and a run that falls that far behind is stuck.
   */
  private timeoutFor(simulation: Simulation): number {
    const program = this.programs.declared(simulation.program);
    if (program) return program.timeLimitSeconds * 1000;
    return this.config.timeoutMs + plannedDurationMs(simulation.emulation, this.config.tickMs);
  }

  /**
   * Emits the curve in real time: point i is due i ticks after the start.
   * Every point due is written at once, in batches, so a fast tick (or none)
   * costs one statement per batch rather than per point, and a write that
   * took long is caught up on instead of delaying every later point.
   */
  private async emitCurve(held: HeldRun, simulation: Simulation): Promise<void> {
    const curve = this.emulator.curveFor(simulation);
    const total = simulation.emulation.points;
    const tickMs = tickMsFor(simulation.emulation, this.config.tickMs);
    const builder = new CurveBuilder(total);
    // The day's partition holds the whole run request's curve: it never changes within an attempt.
    const curveRef = { ...held.ref, day: simulation.curveDay };
    const startedAt = performance.now();
    let previousSeconds: number | null = null;
    while (builder.length < total) {
      held.signal.throwIfAborted();
      const due =
        tickMs > 0 ? Math.min(total, Math.floor((performance.now() - startedAt) / tickMs)) : total;
      if (due <= builder.length) {
        const nextDueAt = startedAt + (builder.length + 1) * tickMs;
        await sleep(Math.max(0, nextDueAt - performance.now()), undefined, {
          signal: held.signal,
        });
        continue;
      }
      const points = take(curve, Math.min(due - builder.length, MAX_POINTS_PER_WRITE));
      if (points.length === 0) break;
      const batch = builder.append(points);
      const { held: stillHeld } = await untilWritten(() => this.curves.write(curveRef, batch), {
        signal: held.signal,
      });
      if (!stillHeld) {
        recordStaleWrite(held.ref, 'curve point');
        throw new RunStopped('lease-lost');
      }
      this.events.pointsWritten({
        ...held.ref,
        after: previousSeconds,
        points: points.map((point) => [point.seconds, point.loss]),
      });
      previousSeconds = points[points.length - 1].seconds;
    }
  }

  /** Records how an attempt that did not finish ended, and queues the next attempt if there is one. */
  private async settle(
    held: HeldRun,
    simulation: Simulation,
    cause: unknown,
    requestId?: string,
  ): Promise<RunOutcome> {
    const { ref } = held;
    // The run's own signal is spent; the bookkeeping gets until the lease would run out.
    const deadline = Date.now() + this.config.leaseMs;

    if (cause instanceof RunStopped && cause.reason === 'lease-lost') return this.explainLoss(ref);

    if (cause instanceof RunStopped && cause.reason === 'shutdown') {
      const handed = await untilWritten(() => this.lifecycle.handBack(ref), { deadline });
      if (!handed) {
        recordStaleWrite(ref, 'hand-back');
        return this.explainLoss(ref);
      }
      await this.queue.queueAttempt(handed, { requestId });
      this.logger.log(
        `simulation ${ref.simulationId}: attempt ${ref.attempt} handed back at shutdown`,
      );
      return 'handed_back';
    }

    const end = this.describeFailure(cause, simulation);
    if (cause instanceof ProgramFailedError)
      await untilWritten(() => this.lifecycle.recordExitCode(ref, cause.exit.code), { deadline });
    const ended = await untilWritten(() => this.lifecycle.endAttempt(ref, end), { deadline });
    if (!ended) {
      recordStaleWrite(ref, `end (${end.outcome})`);
      return this.explainLoss(ref);
    }
    if (ended.status === SimulationStatus.Pending) {
      const delayMs = this.config.retryBackoffMs * 2 ** (ref.attempt - 1);
      this.logger.warn(
        `simulation ${ref.simulationId}: attempt ${ref.attempt} ${end.outcome} (${end.reason}); retrying in ${delayMs} ms`,
      );
      // The request id goes on, so a retried run's lines still name it.
      await this.queue.queueAttempt(ended, { delayMs, requestId });
      retriesQueued.inc();
      return 'retrying';
    }
    this.logger.error(
      `simulation ${ref.simulationId}: attempt ${ref.attempt} ${end.outcome} (${end.reason}); failed for good`,
    );
    return 'failed';
  }

  private describeFailure(cause: unknown, simulation: Simulation): EndAttempt {
    if (cause instanceof RunStopped && cause.reason === 'timeout') {
      attemptTimeouts.inc();
      const program = this.programs.declared(simulation.program);
      return {
        outcome: AttemptOutcome.TimedOut,
        reason: program
          ? `timed out: program "${program.name}" ran past its time limit of ${program.timeLimitSeconds} s`
          : `timed out: still running ${this.config.timeoutMs} ms after its planned end`,
        retryable: true,
      };
    }
    if (cause instanceof ProgramFailedError) {
      return { outcome: AttemptOutcome.Failed, reason: cause.message, retryable: true };
    }
    if (cause instanceof NonRetryableRunError) {
      return { outcome: AttemptOutcome.Failed, reason: cause.message, retryable: false };
    }
    this.logger.error(`run failed: ${(cause as Error)?.message ?? String(cause)}`);
    return { outcome: AttemptOutcome.Failed, reason: failureReasonFor(cause), retryable: true };
  }

  /** This attempt no longer holds the simulation; say why it stopped without writing anything. */
  private async explainLoss(ref: AttemptRef): Promise<RunOutcome> {
    const current = await this.simulations.findById(ref.simulationId).catch(() => null);
    if (current?.status === SimulationStatus.Cancelled && current.attempt === ref.attempt) {
      this.logger.log(
        `simulation ${ref.simulationId}: attempt ${ref.attempt} stopped, the simulation was cancelled`,
      );
      return 'cancelled';
    }
    this.logger.warn(
      `simulation ${ref.simulationId}: attempt ${ref.attempt} lost the simulation; stopped writing`,
    );
    return 'lost';
  }
}

function take(curve: Iterator<CurvePoint>, count: number): CurvePoint[] {
  const points: CurvePoint[] = [];
  while (points.length < count) {
    const next = curve.next();
    if (next.done) break;
    points.push(next.value);
  }
  return points;
}

/** `work`, or `failure()` once `ms` have passed without an answer. */
async function answeredWithin<T>(work: Promise<T>, ms: number, failure: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failure()), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
