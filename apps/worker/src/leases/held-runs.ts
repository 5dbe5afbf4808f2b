import { AttemptRef } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { RunStopped, StopReason } from './run-stopped';

export interface HeldRun {
  readonly ref: AttemptRef;
  /** Aborted, with a RunStopped as reason, when the run must stop. */
  readonly signal: AbortSignal;
  stop(reason: StopReason): void;
}

/**
 * The attempts this process is running right now. The heartbeat refreshes
 * them, and stops those the database says it no longer holds; shutdown stops
 * the rest.
 */
@Injectable()
export class HeldRuns {
  private readonly runs = new Map<number, HeldRun>();
  private readonly emptied: Array<() => void> = [];

  get size(): number {
    return this.runs.size;
  }

  hold(ref: AttemptRef): HeldRun {
    const controller = new AbortController();
    const run: HeldRun = {
      ref,
      signal: controller.signal,
      stop: (reason) => controller.abort(new RunStopped(reason)),
    };
    this.runs.set(ref.simulationId, run);
    return run;
  }

  release(run: HeldRun): void {
    if (this.runs.get(run.ref.simulationId) === run) this.runs.delete(run.ref.simulationId);
    if (this.runs.size === 0) this.emptied.splice(0).forEach((resolve) => resolve());
  }

  /** Whether this attempt is still running here (not finished and released meanwhile). */
  holds(ref: AttemptRef): boolean {
    return this.runs.get(ref.simulationId)?.ref.attempt === ref.attempt;
  }

  refs(): AttemptRef[] {
    return [...this.runs.values()].map((run) => run.ref);
  }

  stop(simulationId: number, reason: StopReason): void {
    this.runs.get(simulationId)?.stop(reason);
  }

  stopAll(reason: StopReason): void {
    for (const run of this.runs.values()) run.stop(reason);
  }

  /** Resolves when no run is held, or after `timeoutMs`; answers whether it emptied. */
  async whenEmpty(timeoutMs: number): Promise<boolean> {
    if (this.runs.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const emptied = new Promise<boolean>((resolve) => this.emptied.push(() => resolve(true)));
    const timeout = new Promise<boolean>(
      (resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)),
    );
    const result = await Promise.race([emptied, timeout]);
    clearTimeout(timer);
    return result;
  }
}
