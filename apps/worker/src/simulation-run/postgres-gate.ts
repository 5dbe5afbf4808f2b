import { Logger } from '@nestjs/common';

const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;

/**
 * Closed while Postgres does not answer this worker. A worker cut off from
 * Postgres but not from Redis would otherwise keep taking jobs it cannot
 * claim, renewing their Bull locks, while workers that can claim them wait:
 * closed, it takes none (its queues paused locally, its readiness false),
 * and probes Postgres every second until it answers, then opens again.
 */
export class PostgresGate {
  private readonly logger = new Logger(PostgresGate.name);
  private probing?: NodeJS.Timeout;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly stopTaking: () => Promise<void>,
    private readonly startTaking: () => Promise<void>,
  ) {}

  get closed(): boolean {
    return this.probing !== undefined;
  }

  /** Closes the gate (once, however many runs find Postgres silent). */
  close(reason: string): void {
    if (this.closed) return;
    this.logger.warn(`${reason}: taking no runs until Postgres answers`);
    this.probing = setTimeout(() => this.tryAgain(), PROBE_INTERVAL_MS);
    this.stopTaking().catch((error: Error) => this.logger.warn(`pause failed: ${error.message}`));
  }

  stop(): void {
    clearTimeout(this.probing);
    this.probing = undefined;
  }

  private async tryAgain(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS);
        }),
      ]);
    } catch {
      if (this.probing) this.probing = setTimeout(() => this.tryAgain(), PROBE_INTERVAL_MS);
      return;
    } finally {
      clearTimeout(timer);
    }
    if (!this.probing) return;
    this.probing = undefined;
    this.logger.log('Postgres answers again: taking runs');
    await this.startTaking().catch((error: Error) =>
      this.logger.warn(`resume failed: ${error.message}`),
    );
  }
}
