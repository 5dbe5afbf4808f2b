import { curveWriteRuns } from '@app/config';
import {
  AppendResult,
  AttemptRef,
  ConvergencePointRepository,
  CurveBatch,
  isConnectionError,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

/** Points one combined statement carries at most (a single larger batch still goes, alone). */
export const MAX_POINTS_PER_STATEMENT = 10_000;
/**
 * Combined statements in flight at once. Two keep Postgres busy while the
 * next group gathers, and leave the pool's other connections to heartbeats,
 * claims and finishes.
 */
export const MAX_STATEMENTS_IN_FLIGHT = 2;

interface PendingWrite {
  ref: AttemptRef;
  batch: CurveBatch;
  /** Sent in a statement of its own (after a combined statement was refused). */
  alone: boolean;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the curves of every run in this process. Each run still
 * awaits its own write and gets its own fenced answer, but writes that come
 * in while statements are in flight wait and leave together in the next one:
 * a thousand runs with a point due each second cost a few statements a second
 * instead of a thousand (each its own round trip, parse and plan on a
 * database that shares the machine's cores). When idle, a write leaves on the
 * next turn of the event loop.
 *
 * A combined statement refused for any reason other than the connection is
 * retried one write per statement, so one bad write fails only its own run.
 */
@Injectable()
export class CurveWriter {
  private waiting: PendingWrite[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly points: ConvergencePointRepository) {}

  write(ref: AttemptRef, batch: CurveBatch): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ref, batch, alone: false, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.sendWaiting();
        });
      }
    });
  }

  private sendWaiting(): void {
    while (this.inFlight < MAX_STATEMENTS_IN_FLIGHT && this.waiting.length > 0) {
      const group = this.takeGroup();
      this.inFlight++;
      void this.send(group).finally(() => {
        this.inFlight--;
        this.sendWaiting();
      });
    }
  }

  /**
   * The oldest waiting writes that fit in one statement. An attempt appears
   * at most once per statement (its fence and duplicate check are per
   * attempt); a second write of the same attempt waits for the next one.
   */
  private takeGroup(): PendingWrite[] {
    const [first, ...rest] = this.waiting;
    if (first.alone) {
      this.waiting = rest;
      return [first];
    }
    const group = [first];
    const attempts = new Set([attemptKey(first.ref)]);
    let points = first.batch.points.length;
    const left: PendingWrite[] = [];
    for (const write of rest) {
      const key = attemptKey(write.ref);
      const size = write.batch.points.length;
      if (write.alone || attempts.has(key) || points + size > MAX_POINTS_PER_STATEMENT) {
        left.push(write);
        continue;
      }
      group.push(write);
      attempts.add(key);
      points += size;
    }
    this.waiting = left;
    return group;
  }

  private async send(group: PendingWrite[]): Promise<void> {
    curveWriteRuns.observe(group.length);
    try {
      const results = await this.points.appendPointsOfRuns(
        group.map(({ ref, batch }) => ({ ref, batch })),
      );
      group.forEach((write, index) => write.resolve(results[index]));
    } catch (error) {
      if (group.length > 1 && !isConnectionError(error)) {
        for (const write of group) write.alone = true;
        this.waiting.unshift(...group);
        return;
      }
      for (const write of group) write.reject(error);
    }
  }
}

function attemptKey(ref: AttemptRef): string {
  return `${ref.simulationId}:${ref.attempt}`;
}
