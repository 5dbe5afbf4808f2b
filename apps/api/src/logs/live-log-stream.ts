import {
  DomainError,
  RunLogRepository,
  SimulationRepository,
  TERMINAL_STATUSES,
} from '@app/domain';
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { toRunLogLineResponse } from './run-logs.response';

/** Where a follower is in a run's output: the attempt and the seq of the last line it has. */
export interface LogCursor {
  attempt: number;
  seq: number;
}

/** How often a follower looks for new lines. */
export const LOG_POLL_MS = 250;
const LINES_PER_EVENT = 1_000;
const KEEP_ALIVE_MS = 15_000;
/** A follower this far behind is waited for before more is written. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export function logEventIdOf(cursor: LogCursor): string {
  return `${cursor.attempt}:${cursor.seq}`;
}

export function parseLogEventId(value: string): LogCursor | null {
  const match = /^(\d{1,9}):(\d{1,15})$/.exec(value.trim());
  return match ? { attempt: Number(match[1]), seq: Number(match[2]) } : null;
}

/**
 * One client following a run's output (Server-Sent Events). Lines are read
 * from the database after the client's cursor, so a follower that
 * reconnects with its Last-Event-ID, to this API or another after a
 * restart, goes on after the last line it had, with no gap and no line
 * twice. It follows the run's attempts as they come and ends once the run
 * has ended and every line of its last attempt is sent.
 *
 *   event: lines    {"attempt":1,"lines":[{"seq":1,"stream":"stdout",…}]}  id: 1:1
 *   event: attempt  {"attempt":2}     a new attempt: its output starts over
 *   event: end      {"attempt":2,"status":"finished"}   then the stream closes
 */
export class LiveLogStream {
  private closed = false;
  private keepAlive?: NodeJS.Timeout;

  constructor(
    private readonly response: ServerResponse,
    private readonly simulationId: number,
    private readonly simulations: SimulationRepository,
    private readonly logs: RunLogRepository,
    private cursor: LogCursor,
  ) {}

  /** Runs until the run ends or the client leaves; `close` ends it from outside. */
  async run(): Promise<void> {
    this.response.on('close', () => this.close());
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    try {
      while (!this.closed) {
        const simulation = await this.simulations.findById(this.simulationId);
        if (!simulation) return;
        // An id of an attempt that does not exist (yet) cannot be resumed: start over.
        if (this.cursor.attempt > simulation.attempt) this.cursor = { attempt: 0, seq: 0 };
        if (simulation.attempt > this.cursor.attempt && this.cursor.attempt > 0) {
          // Lines of the attempt followed that came in after the last look go first.
          await this.sendLinesOf(this.cursor.attempt);
          this.cursor = { attempt: simulation.attempt, seq: 0 };
          this.event('attempt', { attempt: simulation.attempt });
        } else if (this.cursor.attempt === 0 && simulation.attempt > 0) {
          this.cursor = { attempt: simulation.attempt, seq: this.cursor.seq };
        }
        const ended = TERMINAL_STATUSES.includes(simulation.status);
        if (this.cursor.attempt > 0) await this.sendLinesOf(this.cursor.attempt);
        if (ended && simulation.attempt === this.cursor.attempt) {
          this.event('end', { attempt: simulation.attempt, status: simulation.status });
          return;
        }
        await sleep(LOG_POLL_MS);
      }
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    this.response.end();
  }

  /** Every line of `attempt` after the cursor, a thousand an event. */
  private async sendLinesOf(attempt: number): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const lines = await this.logs.read(
        { simulationId: this.simulationId, attempt },
        { after: this.cursor.seq, limit: LINES_PER_EVENT },
      );
      if (lines.length === 0) return;
      this.cursor = { attempt, seq: lines[lines.length - 1].seq };
      this.event(
        'lines',
        { attempt, lines: lines.map(toRunLogLineResponse) },
        logEventIdOf(this.cursor),
      );
      if (this.response.writableLength > MAX_BUFFERED_BYTES)
        await Promise.race([once(this.response, 'drain'), once(this.response, 'close')]);
      if (lines.length < LINES_PER_EVENT) return;
    }
  }

  private event(name: string, data: unknown, id?: string): void {
    this.write(`${id ? `id: ${id}\n` : ''}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(text: string): void {
    if (!this.closed) this.response.write(text);
  }
}

/** The Last-Event-ID of a log stream, or a 400 naming what it must be. */
export function logCursorOf(header: string | undefined): LogCursor | null {
  if (header === undefined) return null;
  const cursor = header.length <= 32 ? parseLogEventId(header) : null;
  if (!cursor)
    throw DomainError.invalid('Last-Event-ID must be an id this stream sent: <attempt>:<seq>');
  return cursor;
}
