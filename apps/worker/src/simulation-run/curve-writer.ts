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
/**
 * How long a write waits for others to share its statement. Without it a
 * thousand runs whose points fall due spread over each second made groups of
 * four (bench scenario 6: 20,820 statements for 80,000 points); 20 ms is
 * nothing beside a one-second tick.
 */
export const GATHER_MS = 20;
/** Waiting points worth a statement on their own: they leave at once (fast-ticking long curves). */
const ENOUGH_POINTS = MAX_POINTS_PER_STATEMENT / 2;

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
 * awaits its own write and gets its own fenced answer, but writes made within
 * GATHER_MS of each other, or while statements are in flight, leave together:
 * a thousand runs with a point due each second cost a few dozen statements a
 * second instead of a thousand (each its own round trip, parse and plan on a
 * database that shares the machine's cores).
 *
 * A combined statement refused for any reason other than the connection is
 * retried one write per statement, so one bad write fails only its own run.
 */
@Injectable()
export class CurveWriter {
  private waiting: PendingWrite[] = [];
  private waitingPoints = 0;
  private inFlight = 0;
  /** The waiting writes have gathered long enough (or are enough): send as soon as a slot is free. */
  private due = false;
  private gatherTimer?: NodeJS.Timeout;

  constructor(private readonly points: ConvergencePointRepository) {}

  write(ref: AttemptRef, batch: CurveBatch): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ref, batch, alone: false, resolve, reject });
      this.waitingPoints += batch.points.length;
      if (this.waitingPoints >= ENOUGH_POINTS) {
        if (!this.due) {
          this.due = true;
          setImmediate(() => this.sendWaiting());
        }
      } else {
        this.gatherTimer ??= setTimeout(() => {
          this.gatherTimer = undefined;
          this.due = true;
          this.sendWaiting();
        }, GATHER_MS);
      }
    });
  }

  private sendWaiting(): void {
    while (this.due && this.inFlight < MAX_STATEMENTS_IN_FLIGHT && this.waiting.length > 0) {
      const group = this.takeGroup();
      this.inFlight++;
      void this.send(group).finally(() => {
        this.inFlight--;
        this.sendWaiting();
      });
    }
    if (this.waiting.length === 0) {
      this.due = false;
      clearTimeout(this.gatherTimer);
      this.gatherTimer = undefined;
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
      this.waitingPoints -= first.batch.points.length;
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
    for (const write of group) this.waitingPoints -= write.batch.points.length;
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
        this.waitingPoints += group.reduce((sum, write) => sum + write.batch.points.length, 0);
        this.due = true;
        return;
      }
      for (const write of group) write.reject(error);
    }
  }
}

function attemptKey(ref: AttemptRef): string {
  return `${ref.simulationId}:${ref.attempt}`;
}
