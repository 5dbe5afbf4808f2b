import { Logger } from '@nestjs/common';

/**
 * Runs `task` every `intervalMs`, one pass at a time (a slow pass delays the
 * next instead of overlapping it). A failed pass is logged and the next one
 * runs on schedule: these loops must outlive a database or Redis outage.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  /** When the regular pass after the last one is due. */
  private regularAt = Infinity;
  /** When an extra pass was asked for, until it has started. */
  private extraAt?: number;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(initialDelayMs = this.intervalMs): void {
    this.stopped = false;
    this.regularAt = Date.now() + initialDelayMs;
    this.schedule();
  }

  /**
   * Adds a pass `delayMs` from now to the regular ones (after the pass in
   * progress then, if there is one). Asked again before it has started, the
   * later time stands: that pass sees all the earlier one would have.
   */
  runExtraPass(delayMs: number): void {
    if (this.stopped) return;
    this.extraAt = Math.max(this.extraAt ?? 0, Date.now() + delayMs);
    if (!this.running) this.schedule();
  }

  /** Stops scheduling and waits for a pass in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sets the timer for the next pass: the regular one, or an extra one asked for sooner. */
  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const at = Math.min(this.regularAt, this.extraAt ?? Infinity);
    this.timer = setTimeout(() => this.pass(), Math.max(0, at - Date.now()));
  }

  private pass(): void {
    const startedAt = Date.now();
    if (this.extraAt !== undefined && this.extraAt <= startedAt) this.extraAt = undefined;
    this.running = this.task()
      .catch((error: Error) => this.logger.warn(`${this.name} pass failed: ${error.message}`))
      .finally(() => {
        this.running = undefined;
        this.regularAt = Date.now() + this.intervalMs;
        this.schedule();
      });
  }
}
