import { curveWriteRuns } from '@app/runtime';
import {
  AppendResult,
  ConvergencePointRepository,
  CurveBatch,
  CurveRef,
  RunCurveWrite,
  GroupCommit,
} from '@app/domain';
import { Injectable } from '@nestjs/common';

/** Points one combined statement carries at most (a single larger batch still goes, alone). */
export const MAX_POINTS_PER_STATEMENT = 10_000;

/**
 * The curves of every run in this process, written by group commit: a
 * thousand runs with a point due each second share a few dozen statements a
 * second instead of making a thousand (docs/performance.md has the counts). Each run still gets its own fenced
 * answer. Waiting up to 20 ms is nothing beside a one-second tick; a
 * fast-ticking long curve fills half a statement at once and does not wait.
 */
@Injectable()
export class CurveWriter {
  private readonly commits: GroupCommit<RunCurveWrite, AppendResult>;

  constructor(points: ConvergencePointRepository) {
    this.commits = new GroupCommit({
      run: (writes) => points.appendPointsOfRuns(writes),
      keyOf: ({ ref }) => `${ref.simulationId}:${ref.attempt}`,
      weightOf: ({ batch }) => batch.points.length,
      maxWeight: MAX_POINTS_PER_STATEMENT,
      gatherMs: 20,
      // Two keep Postgres busy while the next group gathers, and leave the pool's other
      // connections to claims and finishes.
      maxInFlight: 2,
      onStatement: (runs) => curveWriteRuns.observe(runs),
    });
  }

  write(ref: CurveRef, batch: CurveBatch): Promise<AppendResult> {
    return this.commits.submit({ ref, batch });
  }
}
