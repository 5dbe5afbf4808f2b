import { AttemptRef, DomainError, ReportedPoint, RunReportRepository } from '@app/domain';
import { SimulationEventPublisher } from '@app/queue';
import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { untilWritten } from '../machinery/database-retry';
import { Slots } from '../machinery/slots';

/** How often a run's new metric points are stored. */
const FLUSH_MS = 250;
/** Points one stored report holds at most (as an API report). */
const MAX_POINTS_PER_REPORT = 10_000;
/** A metric's points a microsecond apart at least: each has its own place in time. */
const SPACING_SECONDS = 1e-6;
/** How long a report is sent again while the database cannot be reached, before its points are given up. */
const RETRY_FOR_MS = 60_000;

/**
 * A program run's metric records on their way to its curves: stored as the
 * run's reports are (one transaction each, fenced by the attempt), a few
 * times a second, and sent to its live streams. A record without `seconds`
 * stands where the worker read it, since the attempt started.
 */
export class MetricSink {
  private readonly logger = new Logger(MetricSink.name);
  private sequence = 0;
  private waiting: ReportedPoint[] = [];
  private readonly lastSeconds = new Map<string, number>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly reports: RunReportRepository,
    /** Shared by every run's output on this worker, so heartbeats and claims always find a connection. */
    private readonly writes: Slots,
    private readonly events: SimulationEventPublisher,
    private readonly ref: AttemptRef,
    private readonly startedAt: Date,
    /** Told why points were refused, for the run's log. */
    private readonly onProblem: (problem: string) => void,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  push(points: readonly ReportedPoint[]): void {
    const readAt = Math.max(SPACING_SECONDS, (Date.now() - this.startedAt.getTime()) / 1000);
    for (const point of points) {
      const last = this.lastSeconds.get(point.metric);
      const seconds =
        point.seconds ?? (last === undefined ? readAt : Math.max(readAt, last + SPACING_SECONDS));
      this.lastSeconds.set(point.metric, seconds);
      this.waiting.push({ ...point, seconds });
    }
    if (this.waiting.length >= MAX_POINTS_PER_REPORT) void this.flush();
  }

  /** Stores what waits, and stops; resolves once every record read so far is stored or refused. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.store());
    return this.flushing;
  }

  private async store(): Promise<void> {
    while (this.waiting.length) {
      const points = this.waiting.splice(0, MAX_POINTS_PER_REPORT);
      const sequence = -++this.sequence;
      const hash = createHash('sha256')
        .update(`${sequence}:${JSON.stringify(points)}`)
        .digest('hex');
      try {
        // Sent again, the same report, while the database is out of reach: it is stored once.
        const stored = await untilWritten(
          async () => {
            const release = await this.writes.acquire();
            try {
              return await this.reports.report(this.ref, { sequence, hash, points });
            } finally {
              release();
            }
          },
          { deadline: Date.now() + RETRY_FOR_MS },
        );
        this.events.reportWritten(this.ref, stored.written);
      } catch (error) {
        if (error instanceof DomainError)
          this.onProblem(`${points.length} metric point(s) refused: ${error.message}`);
        else
          this.logger.warn(
            `simulation ${this.ref.simulationId}: ${points.length} metric point(s) not stored: ${(error as Error).message}`,
          );
      }
    }
  }
}
