import {
  CurveReadRepository,
  LOSS_METRIC,
  SimulationStatus,
  TERMINAL_STATUSES,
  type CurvePoint,
} from '@app/domain';
import { metricOfEvent, type PointsWrittenEvent, type SimulationEvent } from '@app/queue';
import { Logger } from '@nestjs/common';
import { jsonNumber } from '../../common/json-number';
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { LiveCurveFeeds } from './live-curve-feeds';

/** Where a client is in a curve: the attempt and the seconds of the last point it has. */
export interface CurveCursor {
  attempt: number;
  seconds: number;
}

const logger = new Logger('LiveCurveStream');

export const STREAM_PAGE_SIZE = 5_000;
export const KEEP_ALIVE_MS = 15_000;
/** A client this far behind stops being written to live; it catches up from the database once it drains. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * The series a stream follows and how its points look: the contract's
 * `{seconds, loss}` on /converge/{id}/stream, and `{seconds, value, step?}`
 * for a named metric (loss included) on /simulation/{id}/metrics/{name}/stream.
 */
export interface StreamedSeries {
  metric: string;
  shape: 'contract' | 'metric';
}

export const CONTRACT_SERIES: StreamedSeries = { metric: LOSS_METRIC.name, shape: 'contract' };

/** A metric id not known (yet): the metric has not been reported in the cursor's attempt. */
const UNKNOWN_METRIC = -1;

/** Event ids say where the client is, so a reconnect resumes exactly after it. */
export function eventIdOf(cursor: CurveCursor): string {
  return `${cursor.attempt}:${cursor.seconds}`;
}

export function parseEventId(value: string): CurveCursor | null {
  const match = /^(\d{1,9}):(\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i.exec(value.trim());
  if (!match) return null;
  const cursor = { attempt: Number(match[1]), seconds: Number(match[2]) };
  return Number.isFinite(cursor.seconds) ? cursor : null;
}

/**
 * One client's Server-Sent Events stream of one metric of a simulation.
 *
 * It subscribes first, then reads what is stored after the client's cursor,
 * then plays the live events it buffered meanwhile, skipping what it already
 * sent: no point is missed in the hand-over and none is sent twice. Events
 * are handled one at a time, in order. A live batch that does not follow on
 * from the cursor (pub/sub lost a message, or this client was too slow to be
 * written to) is a gap, filled from the database before going on.
 *
 *   event: status   {"attempt":1,"status":"running"}
 *   event: attempt  {"attempt":2}        a new attempt: its curve starts over
 *   event: points   {"attempt":1,"points":[{"seconds":10,"loss":0.042},…]}  id: 1:10
 *   event: end      {"attempt":1,"status":"finished"}   then the stream closes
 */
export class LiveCurveStream {
  private cursor: CurveCursor;
  /** The partition of the curve streamed, known once the stream has read its simulation. */
  private curveDay = '';
  /** The streamed metric's id in the cursor's attempt; ids are numbered per attempt. */
  private metricId: number;
  private sentStatus: SimulationStatus | null = null;
  private live = false;
  private readonly buffered: SimulationEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private stopWatching: () => void = () => undefined;
  private untrack: () => void = () => undefined;
  private keepAlive?: NodeJS.Timeout;

  constructor(
    private readonly response: ServerResponse,
    private readonly simulationId: number,
    private readonly curves: CurveReadRepository,
    private readonly feeds: LiveCurveFeeds,
    resumeFrom: CurveCursor | null,
    private readonly series: StreamedSeries = CONTRACT_SERIES,
  ) {
    this.cursor = resumeFrom ?? { attempt: 0, seconds: 0 };
    this.metricId = this.idInEveryAttempt();
  }

  /** Runs until the simulation ends or the client leaves. */
  start(): void {
    this.response.on('close', () => this.close());
    this.untrack = this.feeds.trackStream(() => this.close());
    this.stopWatching = this.feeds.watch(this.simulationId, this.series.metric, (event) => {
      if (this.live) this.enqueue(() => this.handle(event));
      else this.buffered.push(event);
    });
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);

    this.enqueue(async () => {
      // Read after subscribing: a change from here on arrives as an event.
      const state = await this.curves.window(
        this.simulationId,
        0,
        Number.POSITIVE_INFINITY,
        this.series.metric,
      );
      if (!state) return this.close();
      // A stream ends with its run request, so its curve stays in this day's partition.
      this.curveDay = state.ref.day;
      // An id from an attempt that does not exist (yet) cannot be resumed: start over.
      if (this.cursor.attempt > state.ref.attempt) this.cursor = { attempt: 0, seconds: 0 };
      await this.enterAttempt(state.ref.attempt);
      if (state.ref.attempt === this.cursor.attempt) this.metricId = state.ref.metricId;
      await this.catchUp();
      await this.sendStatus(state.ref.attempt, state.status);
      this.live = true;
      for (const event of this.buffered.splice(0)) await this.handle(event);
    });
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.closed ? undefined : step()))
      .catch((error: Error) => {
        // Most likely Postgres is away: end the stream; the client comes back with its Last-Event-ID.
        logger.warn(`stream of simulation ${this.simulationId} ended: ${error.message}`);
        this.close();
      });
  }

  private async handle(event: SimulationEvent): Promise<void> {
    if (this.closed || event.attempt < this.cursor.attempt) return;
    await this.enterAttempt(event.attempt);
    if (event.type === 'status') return this.sendStatus(event.attempt, event.status);
    if (metricOfEvent(event) === this.series.metric) await this.receivePoints(event);
  }

  /** A later attempt restarts the curve: say so, and follow it from its beginning. */
  private async enterAttempt(attempt: number): Promise<void> {
    if (attempt <= this.cursor.attempt) return;
    const hadPoints = this.cursor.attempt > 0;
    this.cursor = { attempt, seconds: 0 };
    this.metricId = this.idInEveryAttempt();
    this.sentStatus = null;
    if (hadPoints) await this.send('attempt', { attempt });
  }

  private async receivePoints(event: PointsWrittenEvent): Promise<void> {
    const after = event.after ?? 0;
    if (after > this.cursor.seconds || this.response.writableLength > MAX_BUFFERED_BYTES) {
      await this.catchUp();
    }
    const fresh = event.points
      .filter(([seconds]) => seconds > this.cursor.seconds)
      .map(([seconds, loss, step]) => ({ seconds, loss, step: step ?? null }));
    if (fresh.length && this.response.writableLength <= MAX_BUFFERED_BYTES) {
      await this.sendPoints(fresh);
    }
  }

  private async sendStatus(attempt: number, status: SimulationStatus): Promise<void> {
    if (attempt === this.cursor.attempt && status !== this.sentStatus) {
      this.sentStatus = status;
      await this.send('status', { attempt, status });
    }
    if (TERMINAL_STATUSES.includes(status)) {
      // Whatever pub/sub dropped is in the database by now: send it, then end.
      await this.catchUp();
      await this.send('end', { attempt, status });
      this.close();
    }
  }

  /** Sends every stored point of the cursor's attempt after the cursor, page by page. */
  private async catchUp(): Promise<void> {
    if (this.cursor.attempt === 0 || !(await this.metricKnown())) return;
    const ref = {
      simulationId: this.simulationId,
      attempt: this.cursor.attempt,
      day: this.curveDay,
      metricId: this.metricId,
    };
    for (;;) {
      const page = await this.curves.page(
        ref,
        this.cursor.seconds,
        Number.POSITIVE_INFINITY,
        STREAM_PAGE_SIZE,
      );
      if (page.length === 0 || this.closed) return;
      await this.sendPoints(page);
      if (page.length < STREAM_PAGE_SIZE) return;
    }
  }

  private async sendPoints(points: CurvePoint[]): Promise<void> {
    this.cursor = { attempt: this.cursor.attempt, seconds: points[points.length - 1].seconds };
    // NaN and ±Infinity (an external run may report them) by their names, as every answer carries them.
    const shaped =
      this.series.shape === 'contract'
        ? points.map(({ seconds, loss }) => ({ seconds, loss: jsonNumber(loss) }))
        : points.map(({ seconds, loss, step }) => ({
            seconds,
            value: jsonNumber(loss),
            ...(step === null || step === undefined ? {} : { step }),
          }));
    await this.send(
      'points',
      { attempt: this.cursor.attempt, points: shaped },
      eventIdOf(this.cursor),
    );
  }

  /** `loss` is 0 in every attempt; any other metric's id is known once the attempt has reported it. */
  private idInEveryAttempt(): number {
    return this.series.metric === LOSS_METRIC.name ? LOSS_METRIC.id : UNKNOWN_METRIC;
  }

  /** Looks the metric's id up in the cursor's attempt while it is not known; false while it has none. */
  private async metricKnown(): Promise<boolean> {
    if (this.metricId !== UNKNOWN_METRIC) return true;
    const state = await this.curves.window(this.simulationId, 0, 0, this.series.metric);
    if (state?.ref.attempt === this.cursor.attempt && state.metricKnown)
      this.metricId = state.ref.metricId;
    return this.metricId !== UNKNOWN_METRIC;
  }

  private async send(event: string, data: unknown, id?: string): Promise<void> {
    const frame = `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    if (!this.write(frame)) await this.drained();
  }

  private write(frame: string): boolean {
    if (this.closed) return true;
    return this.response.write(frame);
  }

  private async drained(): Promise<void> {
    if (this.closed) return;
    await Promise.race([once(this.response, 'drain'), once(this.response, 'close')]);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatching();
    this.untrack();
    clearInterval(this.keepAlive);
    this.buffered.length = 0;
    if (!this.response.writableEnded) this.response.end();
  }
}
