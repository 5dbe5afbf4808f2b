import { AttemptRef, LogStream, RunLogLine, RunLogRepository } from '@app/domain';
import { Logger } from '@nestjs/common';
import { OutputLine } from './line-splitter';
import { untilWritten } from '../machinery/database-retry';
import { Slots } from '../machinery/slots';

/** How often a run's new lines are written. */
const FLUSH_MS = 250;
/** How long lines are written again while the database cannot be reached, before they are given up. */
const RETRY_FOR_MS = 60_000;

/**
 * One attempt's log on its way to run_logs, kept within `maxBytes` at every
 * step: lines wait in memory at most a flush interval, and while they wait
 * only the newest `maxBytes` of them are kept (a program printing faster
 * than that loses lines in between, which the gaps in seq show). Once
 * written, the oldest written lines are deleted whenever the log outgrows
 * `maxBytes`, so what stays is its tail.
 */
export class LogSink {
  private readonly logger = new Logger(LogSink.name);
  private seq = 0;
  private waiting: RunLogLine[] = [];
  private waitingBytes = 0;
  /** What is stored, by write: the last seq of each, and its bytes. */
  private readonly written: Array<{ lastSeq: number; bytes: number }> = [];
  private writtenBytes = 0;
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly logs: RunLogRepository,
    /** Shared by every run's output on this worker, so heartbeats and claims always find a connection. */
    private readonly writes: Slots,
    private readonly ref: AttemptRef,
    private readonly maxBytes: number,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  push(stream: LogStream, line: OutputLine): void {
    const entry: RunLogLine = {
      seq: ++this.seq,
      stream,
      at: new Date(),
      text: line.text,
      cut: line.cut,
    };
    this.waiting.push(entry);
    this.waitingBytes += bytesOf(entry);
    while (this.waitingBytes > this.maxBytes && this.waiting.length > 1) {
      this.waitingBytes -= bytesOf(this.waiting.shift() as RunLogLine);
    }
  }

  /** Writes what waits, and stops; resolves once everything read so far is stored (or given up on). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  private async gated<T>(write: () => Promise<T>): Promise<T> {
    const release = await this.writes.acquire();
    try {
      return await write();
    } finally {
      release();
    }
  }

  private async write(): Promise<void> {
    if (this.waiting.length === 0) return;
    const lines = this.waiting;
    const bytes = this.waitingBytes;
    this.waiting = [];
    this.waitingBytes = 0;
    try {
      // Written again while the database is out of reach (a write that failed stored nothing).
      await untilWritten(() => this.gated(() => this.logs.append(this.ref, lines)), {
        deadline: Date.now() + RETRY_FOR_MS,
      });
      this.written.push({ lastSeq: lines[lines.length - 1].seq, bytes });
      this.writtenBytes += bytes;
      let dropThrough = 0;
      while (this.writtenBytes > this.maxBytes && this.written.length > 1) {
        const oldest = this.written.shift() as { lastSeq: number; bytes: number };
        this.writtenBytes -= oldest.bytes;
        dropThrough = oldest.lastSeq;
      }
      if (dropThrough) await this.gated(() => this.logs.dropBefore(this.ref, dropThrough + 1));
    } catch (error) {
      // Logs are the program's, not the run's state: a failed write loses those lines, not the run.
      this.logger.warn(
        `simulation ${this.ref.simulationId}: ${lines.length} log line(s) not stored: ${(error as Error).message}`,
      );
    }
  }
}

function bytesOf(line: RunLogLine): number {
  return Buffer.byteLength(line.text) + 1;
}
