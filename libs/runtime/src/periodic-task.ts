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

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
    private readonly logger: Logger,
  ) {}

  start(initialDelayMs = this.intervalMs): void {
    this.stopped = false;
    this.schedule(initialDelayMs);
  }

  /** Stops scheduling and waits for a pass in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.task()
        .catch((error: Error) => this.logger.warn(`${this.name} pass failed: ${error.message}`))
        .finally(() => {
          this.running = undefined;
          this.schedule(this.intervalMs);
        });
    }, delayMs);
  }
}
