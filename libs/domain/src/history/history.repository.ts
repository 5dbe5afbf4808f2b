import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import {
  addDays,
  curvePartitionDays,
  deleteCurves,
  dropCurvePartitions,
  ensureCurvePartitions,
  PARTITION_DAYS_AHEAD,
  RunSql,
} from '../convergence-point/curve-partitions';
import { queryRows } from '../database/query-rows';
import { sqlLiteral as literal, sqlLiteralList as list } from '../database/sql-literal';
import { SimulationStatus, TERMINAL_STATUSES } from '../simulation/simulation-status';
import { EVERY_OTHER_PROJECT } from './expired-curve-days';

const ACTIVE = list([SimulationStatus.Pending, SimulationStatus.Running]);
const ENDED = list(TERMINAL_STATUSES);

/** What expiring one day's curves did. */
export interface DayExpiry {
  day: string;
  /** The day's partitions were dropped: every curve of it was due. */
  dropped: boolean;
  /** Without a drop: the simulations whose curves were deleted row by row. */
  curvesDeleted: number;
}

/** A project with a history retention of its own, and the moment its curves expire before. */
export interface ProjectCutoff {
  projectId: number;
  cutoff: Date;
}

/**
 * The statements of history maintenance: curve partitions made ahead of
 * need, curves expired a day at a time, and old simulations deleted in
 * bounded batches. Simulations that are pending or running are never
 * touched, and neither is the partition their curve is written to.
 */
@Injectable()
export class HistoryRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  private readonly run: RunSql = (text, params) => queryRows(this.manager, text, params);

  /**
   * Partitions for yesterday through PARTITION_DAYS_AHEAD days ahead, and for
   * the curve day of every pending or running simulation (one requested while
   * no worker ran for longer than that): the days a write may go to.
   * Answers the days it had to make.
   */
  async ensurePartitions(): Promise<string[]> {
    return this.manager.transaction(async (manager) => {
      const run: RunSql = (text, params) => queryRows(manager, text, params);
      const [{ today }] = await queryRows<{ today: string }>(
        manager,
        `SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`,
      );
      const active = await queryRows<{ day: string }>(
        manager,
        `SELECT DISTINCT curve_day::text AS day FROM simulations WHERE status IN ${ACTIVE}`,
      );
      return ensureCurvePartitions(run, [
        ...Array.from({ length: PARTITION_DAYS_AHEAD + 2 }, (_, k) => addDays(today, k - 1)),
        ...active.map(({ day }) => day),
      ]);
    });
  }

  /** How many days ahead of today partitions exist without a gap (0: not even today's). */
  async partitionDaysAhead(): Promise<number> {
    const [{ today }] = await queryRows<{ today: string }>(
      this.manager,
      `SELECT (now() AT TIME ZONE 'UTC')::date::text AS today`,
    );
    const days = new Set(await curvePartitionDays(this.run));
    let ahead = 0;
    while (days.has(addDays(today, ahead))) ahead++;
    return ahead;
  }

  /**
   * Takes or renews the named lease for `holder` for `ms`; false while
   * another holder has it. A row rather than an advisory lock, so it holds
   * through a transaction-mode pooler.
   */
  async takeLease(name: string, holder: string, ms: number): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `INSERT INTO maintenance_leases (name, holder, expires_at)
       VALUES ($1, $2, clock_timestamp() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
       WHERE maintenance_leases.holder = EXCLUDED.holder OR maintenance_leases.expires_at < clock_timestamp()
       RETURNING 1`,
      [name, holder, ms],
    );
    return rows.length === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await queryRows(
      this.manager,
      `DELETE FROM maintenance_leases WHERE name = $1 AND holder = $2`,
      [name, holder],
    );
  }

  /** The moment `days` days ago, by the database's clock. */
  async cutoff(days: number): Promise<Date> {
    const [{ cutoff }] = await queryRows<{ cutoff: Date }>(
      this.manager,
      `SELECT now() - make_interval(days => $1::integer) AS cutoff`,
      [days],
    );
    return cutoff;
  }

  /** The projects with a history retention of their own, each with its cutoff by the database's clock. */
  async projectCutoffs(): Promise<ProjectCutoff[]> {
    const rows = await queryRows<{ project_id: number; cutoff: Date }>(
      this.manager,
      `SELECT project_id, now() - make_interval(days => retention_days) AS cutoff
       FROM projects WHERE retention_days IS NOT NULL ORDER BY project_id`,
    );
    return rows.map((row) => ({ projectId: row.project_id, cutoff: row.cutoff }));
  }

  /**
   * Days with curve partitions that ended before `cutoff`: the ones expiry
   * looks at (with `partial`, the cutoff's own day too: a project's curves
   * are deleted run by run, never by the day).
   */
  async daysBefore(cutoff: Date, partial = false): Promise<string[]> {
    const [{ last }] = await queryRows<{ last: string }>(
      this.manager,
      `SELECT (($1::timestamptz AT TIME ZONE 'UTC')::date - $2::integer)::text AS last`,
      [cutoff, partial ? 0 : 1],
    );
    return (await curvePartitionDays(this.run)).filter((day) => day <= last);
  }

  /**
   * Removes the curves of `day`'s simulations that ended before `cutoff`,
   * in every project without a retention of its own (`own`: those with one,
   * each with its cutoff, as projectCutoffs answered). When that is all of
   * the day's curves (nothing of the day pending, running, ended since, or
   * kept by its project's retention), the day's partitions are dropped: a
   * cost that does not depend on how much history is kept. Otherwise (a run
   * that outlived the retention, a simulation retried by hand is not one: it
   * moved to a new day) those curves are deleted row by row, `batch`
   * simulations at a time, each batch its own short statement. The day is
   * recorded as expired up to `cutoff` first, so a reader meanwhile is told
   * the curve expired, never shown part of it.
   */
  async expireDay(
    day: string,
    cutoff: Date,
    batch: number,
    own: readonly ProjectCutoff[] = [],
  ): Promise<DayExpiry> {
    const deletedBefore = await this.markExpired(day, EVERY_OTHER_PROJECT, cutoff);
    const ownIds = own.map((project) => project.projectId);
    const [{ kept }] = await queryRows<{ kept: boolean }>(
      this.manager,
      `SELECT EXISTS (SELECT 1 FROM simulations WHERE status IN ${ACTIVE} AND curve_day = $1::date)
           OR EXISTS (SELECT 1 FROM simulations
                      WHERE status IN ${ENDED} AND curve_day = $1::date AND update_date >= $2
                        AND project_id <> ALL($3::integer[]))
           OR EXISTS (SELECT 1 FROM simulations s
                      JOIN unnest($3::integer[], $4::timestamptz[]) AS own (project_id, cutoff)
                        ON own.project_id = s.project_id
                      WHERE s.curve_day = $1::date AND s.update_date >= own.cutoff) AS kept`,
      [day, cutoff, ownIds, own.map((project) => project.cutoff)],
    );
    if (!kept) {
      await dropCurvePartitions(this.run, day);
      await this.markDeleted(day, EVERY_OTHER_PROJECT, cutoff, true);
      return { day, dropped: true, curvesDeleted: 0 };
    }
    const curvesDeleted = await this.deleteEndedBefore(
      day,
      cutoff,
      deletedBefore,
      batch,
      `project_id <> ALL($6::integer[])`,
      ownIds,
    );
    await this.markDeleted(day, EVERY_OTHER_PROJECT, cutoff, false);
    return { day, dropped: false, curvesDeleted };
  }

  /**
   * Removes the curves of `day`'s simulations in one project with a
   * retention of its own that ended before its `cutoff`, row by row (the
   * day's partitions are shared with every other project: only expireDay
   * drops them). Recorded first, as expireDay's are.
   */
  async expireProjectDay(
    day: string,
    { projectId, cutoff }: ProjectCutoff,
    batch: number,
  ): Promise<DayExpiry> {
    const deletedBefore = await this.markExpired(day, projectId, cutoff);
    const curvesDeleted = await this.deleteEndedBefore(
      day,
      cutoff,
      deletedBefore,
      batch,
      `project_id = $6::integer`,
      projectId,
    );
    await this.markDeleted(day, projectId, cutoff, false);
    return { day, dropped: false, curvesDeleted };
  }

  /** Records `day`'s curves in `scope` as expired up to `cutoff`; answers up to when they are already deleted. */
  private async markExpired(day: string, scope: number, cutoff: Date): Promise<Date | null> {
    const [{ deleted_before: deletedBefore }] = await queryRows<{ deleted_before: Date | null }>(
      this.manager,
      `INSERT INTO expired_curve_days (day, project_id, ended_before) VALUES ($1::date, $2, $3)
       ON CONFLICT (day, project_id) DO UPDATE
       SET ended_before = GREATEST(expired_curve_days.ended_before, EXCLUDED.ended_before)
       RETURNING deleted_before`,
      [day, scope, cutoff],
    );
    return deletedBefore;
  }

  /**
   * Deletes, `batch` simulations per statement, the curves of `day`'s runs
   * that ended before `cutoff` (from `deletedBefore`, where an earlier pass
   * stopped) and match `which` (its parameter: $6). Answers how many.
   */
  private async deleteEndedBefore(
    day: string,
    cutoff: Date,
    deletedBefore: Date | null,
    batch: number,
    which: string,
    whichParameter: unknown,
  ): Promise<number> {
    let curvesDeleted = 0;
    let after: { at: Date; id: number } | null = deletedBefore
      ? { at: deletedBefore, id: 0 }
      : null;
    for (;;) {
      const due = await queryRows<{ simulation_id: number; update_date: Date }>(
        this.manager,
        `SELECT simulation_id, update_date FROM simulations
         WHERE status IN ${ENDED} AND curve_day = $1::date AND update_date < $2
           AND (update_date, simulation_id) >= ($3::timestamptz, $4::bigint) AND ${which}
         ORDER BY update_date, simulation_id LIMIT $5`,
        [day, cutoff, after?.at ?? '-infinity', after?.id ?? 0, batch, whichParameter],
      );
      if (due.length === 0) break;
      const ids = due.map((row) => row.simulation_id);
      await deleteCurves(this.run, day, ids);
      curvesDeleted += ids.length;
      const last = due[due.length - 1];
      after = { at: last.update_date, id: last.simulation_id + 1 };
      if (due.length < batch) break;
    }
    return curvesDeleted;
  }

  private async markDeleted(
    day: string,
    scope: number,
    cutoff: Date,
    dropped: boolean,
  ): Promise<void> {
    await queryRows(
      this.manager,
      `UPDATE expired_curve_days SET deleted_before = GREATEST(deleted_before, $3),
         dropped_at = CASE WHEN $4 THEN clock_timestamp() ELSE dropped_at END
       WHERE day = $1::date AND project_id = $2`,
      [day, scope, cutoff, dropped],
    );
  }

  /**
   * Deletes up to `batch` simulations (with their attempts and any
   * curve rows left) that ended before `cutoff`, in one short transaction;
   * rows another transaction holds are skipped, not waited for. Answers how
   * many went; fewer than `batch` means none is left.
   */
  async deleteSimulationsEndedBefore(cutoff: Date, batch: number): Promise<number> {
    return this.manager.transaction(async (manager) => {
      const doomed: Array<{ simulation_id: number; day: string }> = [];
      for (const status of TERMINAL_STATUSES) {
        if (doomed.length >= batch) break;
        doomed.push(
          ...(await queryRows<{ simulation_id: number; day: string }>(
            manager,
            `SELECT simulation_id, curve_day::text AS day FROM simulations
             WHERE status = ${literal(status)} AND update_date < $1
             ORDER BY update_date LIMIT $2
             FOR UPDATE SKIP LOCKED`,
            [cutoff, batch - doomed.length],
          )),
        );
      }
      if (doomed.length === 0) return 0;
      const byDay = new Map<string, number[]>();
      for (const row of doomed)
        byDay.set(row.day, [...(byDay.get(row.day) ?? []), row.simulation_id]);
      const run: RunSql = (text, params) => queryRows(manager, text, params);
      for (const [day, ids] of byDay) await deleteCurves(run, day, ids);
      await queryRows(manager, `DELETE FROM simulations WHERE simulation_id = ANY($1::bigint[])`, [
        doomed.map((row) => row.simulation_id),
      ]);
      return doomed.length;
    });
  }
}
