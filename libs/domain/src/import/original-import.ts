import type { EntityManager } from 'typeorm';
import type { ClientBase } from 'pg';
import {
  batchColumns,
  CurveBuilder,
  summaryColumnsInOrder,
} from '../convergence-point/curve-builder';
import { ensureCurvePartitions } from '../convergence-point/curve-partitions';
import { LOSS_METRIC } from '../convergence-point/loss-metric';
import { queryRows } from '../database/query-rows';
import { sqlLiteral as lit } from '../database/sql-literal';
import { SimulationStatus } from '../simulation/simulation-status';

/** The original service's tables, as its README documents them. */
const ORIGINAL_SCHEMA: Record<string, string[]> = {
  machines: ['id', 'name'],
  simulations: ['id', 'name', 'machine_id', 'status', 'creation_date', 'update_date'],
  convergence_data: ['id', 'simulation_id', 'seconds', 'loss'],
};

const MAX_SIMULATION_ID = Number.MAX_SAFE_INTEGER;
const MAX_MACHINE_ID = 2_147_483_647;
const MAX_NAME = 255;

export class NotTheOriginalDatabaseError extends Error {
  constructor(readonly missing: string[]) {
    super(
      `this is not the original service's database: missing ${missing.join(', ')} ` +
        `(expected machines(id, name), simulations(id, name, machine_id, status, creation_date, update_date), ` +
        `convergence_data(id, simulation_id, seconds, loss))`,
    );
    this.name = 'NotTheOriginalDatabaseError';
  }
}

/** What an import did, counted. */
export interface ImportSummary {
  machines: { imported: number; alreadyPresent: number; madeUp: number; skipped: number };
  simulations: {
    imported: Record<'finished' | 'pending' | 'failed', number>;
    /** Imported `running`: its worker is gone, so it waits for one of ours (pending). */
    runningRequeued: number;
    alreadyPresent: number;
    skipped: number;
    namesFixed: number;
  };
  points: { imported: number; duplicatesDropped: number; unusableDropped: number };
}

export interface ImportOptions {
  /** Simulations per transaction: each batch lands whole or not at all. */
  batchSize?: number;
  /** Stop after this many batches (to interrupt an import on purpose, in tests). */
  maxBatches?: number;
  onProgress?: (done: number, total: number) => void;
}

interface SourceSimulation {
  id: string;
  name: string | null;
  machine_id: string | null;
  status: string | null;
  creation_date: Date | null;
  update_date: Date | null;
}

/**
 * Brings the original service's data across: machines, simulations with
 * their ids and dates, and the curves of finished ones, stored as our
 * workers store them (sequence numbers, running sums, summary blocks), so
 * sampling and export work on them unchanged. Idempotent (an id already here
 * is left alone and counted) and resumable (batches commit whole, in id
 * order, and a second run picks up what is missing).
 *
 * `pending` and `running` simulations come across as pending, without their
 * points: the original's workers are gone, so ours run them from the start.
 */
export class OriginalImport {
  constructor(
    private readonly source: ClientBase,
    private readonly target: EntityManager,
  ) {}

  /** Names everything of the original schema the source lacks; nothing when it is the original's. */
  async missingFromSource(): Promise<string[]> {
    const { rows } = await this.source.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ANY($1)`,
      [Object.keys(ORIGINAL_SCHEMA)],
    );
    const present = new Set(rows.map((row) => `${row.table_name}.${row.column_name}`));
    const tables = new Set(rows.map((row) => row.table_name));
    return Object.entries(ORIGINAL_SCHEMA).flatMap(([table, columns]) =>
      tables.has(table)
        ? columns
            .filter((column) => !present.has(`${table}.${column}`))
            .map((c) => `column ${table}.${c}`)
        : [`table ${table}`],
    );
  }

  async run(options: ImportOptions = {}): Promise<ImportSummary> {
    const missing = await this.missingFromSource();
    if (missing.length) throw new NotTheOriginalDatabaseError(missing);
    const summary: ImportSummary = {
      machines: { imported: 0, alreadyPresent: 0, madeUp: 0, skipped: 0 },
      simulations: {
        imported: { finished: 0, pending: 0, failed: 0 },
        runningRequeued: 0,
        alreadyPresent: 0,
        skipped: 0,
        namesFixed: 0,
      },
      points: { imported: 0, duplicatesDropped: 0, unusableDropped: 0 },
    };
    await this.importMachines(summary);
    const [{ total }] = (
      await this.source.query<{ total: number }>(`SELECT count(*)::int AS total FROM simulations`)
    ).rows;
    const batchSize = options.batchSize ?? 1_000;
    let after = '-9223372036854775808';
    let done = 0;
    let highestImported = 0;
    for (let batch = 0; options.maxBatches === undefined || batch < options.maxBatches; batch++) {
      const { rows } = await this.source.query<SourceSimulation>(
        `SELECT id::text, name, machine_id::text, status,
                creation_date AT TIME ZONE 'UTC' AS creation_date,
                update_date AT TIME ZONE 'UTC' AS update_date
         FROM simulations WHERE id > $1::bigint ORDER BY id LIMIT $2`,
        [after, batchSize],
      );
      if (rows.length === 0) break;
      // Before the batch's transaction, which then takes no lock on the curve tables beyond its rows.
      await this.target.transaction((manager) =>
        ensureCurvePartitions(
          (text, params) => queryRows(manager, text, params),
          rows.map((row) => curveDayOf(row.creation_date ?? new Date())),
        ),
      );
      const highest = await this.target.transaction((manager) =>
        this.importBatch(rows, manager, summary),
      );
      highestImported = Math.max(highestImported, highest);
      after = rows[rows.length - 1].id;
      done += rows.length;
      options.onProgress?.(done, total);
    }
    // Generated ids start past the imported ones, and only those: an id a client chose here
    // (the largest, say) is skipped when drawn, as always; moving the sequence to the table's
    // maximum would leave nothing to generate.
    if (highestImported > 0)
      await queryRows(
        this.target,
        `SELECT setval('simulations_simulation_id_seq', GREATEST(
           (SELECT last_value FROM simulations_simulation_id_seq), $1::bigint))`,
        [highestImported],
      );
    return summary;
  }

  private async importMachines(summary: ImportSummary): Promise<void> {
    const { rows } = await this.source.query<{ id: string; name: string | null }>(
      `SELECT id::text, name FROM machines ORDER BY id`,
    );
    const usable = rows.filter((row) => {
      const id = Number(row.id);
      const ok = Number.isInteger(id) && id >= 1 && id <= MAX_MACHINE_ID;
      if (!ok) summary.machines.skipped++;
      return ok;
    });
    if (usable.length === 0) return;
    const inserted = await queryRows<{ machine_id: number }>(
      this.target,
      `INSERT INTO machines (machine_id, name)
       SELECT * FROM unnest($1::integer[], $2::varchar[])
       ON CONFLICT (machine_id) DO NOTHING RETURNING machine_id`,
      [
        usable.map((row) => Number(row.id)),
        usable.map((row) => usableName(row.name, `Machine ${row.id}`)),
      ],
    );
    summary.machines.imported += inserted.length;
    summary.machines.alreadyPresent += usable.length - inserted.length;
  }

  /** Imports one batch; answers the largest id it inserted (0 if none). */
  private async importBatch(
    rows: SourceSimulation[],
    manager: EntityManager,
    summary: ImportSummary,
  ): Promise<number> {
    const usable = rows.filter((row) => {
      const id = Number(row.id);
      const machine = Number(row.machine_id);
      const ok =
        Number.isSafeInteger(id) &&
        id >= 1 &&
        id <= MAX_SIMULATION_ID &&
        Number.isInteger(machine) &&
        machine >= 1 &&
        machine <= MAX_MACHINE_ID;
      if (!ok) summary.simulations.skipped++;
      return ok;
    });
    if (usable.length === 0) return 0;
    // A simulation naming a machine the original never listed gets one, as our API would.
    const madeUp = await queryRows(
      manager,
      `INSERT INTO machines (machine_id, name)
       SELECT DISTINCT m, 'Machine ' || m FROM unnest($1::integer[]) AS m
       ON CONFLICT (machine_id) DO NOTHING RETURNING 1`,
      [usable.map((row) => Number(row.machine_id))],
    );
    summary.machines.madeUp += madeUp.length;

    const now = new Date();
    const statusOf = (row: SourceSimulation) =>
      row.status === 'finished'
        ? SimulationStatus.Finished
        : row.status === 'pending' || row.status === 'running'
          ? SimulationStatus.Pending
          : SimulationStatus.Failed;
    const inserted = await queryRows<{ simulation_id: number; status: SimulationStatus }>(
      manager,
      `INSERT INTO simulations (simulation_id, name, machine_id, status, creation_date, update_date,
                                curve_day, attempt, started_at, finished_at, failure_reason)
       SELECT id, name, machine_id, status, created, updated,
              -- A requeued run is requested now; an ended one keeps its day.
              CASE WHEN status = ${lit(SimulationStatus.Pending)} THEN (now() AT TIME ZONE 'UTC')::date
                   ELSE (created AT TIME ZONE 'UTC')::date END,
              CASE WHEN status = ${lit(SimulationStatus.Pending)} THEN 0 ELSE 1 END,
              CASE WHEN status = ${lit(SimulationStatus.Pending)} THEN NULL ELSE created END,
              CASE WHEN status = ${lit(SimulationStatus.Pending)} THEN NULL ELSE updated END,
              reason
       FROM unnest($1::bigint[], $2::varchar[], $3::integer[], $4::varchar[], $5::timestamptz[],
                   $6::timestamptz[], $7::text[])
         AS r(id, name, machine_id, status, created, updated, reason)
       ON CONFLICT (simulation_id) DO NOTHING
       RETURNING simulation_id, status`,
      [
        usable.map((row) => Number(row.id)),
        usable.map((row) => usableName(row.name, '(unnamed)')),
        usable.map((row) => Number(row.machine_id)),
        usable.map(statusOf),
        usable.map((row) => row.creation_date ?? now),
        usable.map((row) => row.update_date ?? row.creation_date ?? now),
        usable.map((row) =>
          statusOf(row) === SimulationStatus.Failed
            ? `imported from the original service with status ${JSON.stringify(row.status)}`
            : null,
        ),
      ],
    );
    summary.simulations.alreadyPresent += usable.length - inserted.length;
    const importedIds = new Set(inserted.map((row) => row.simulation_id));
    for (const row of usable) {
      if (!importedIds.has(Number(row.id))) continue;
      const status = statusOf(row);
      if (row.status === 'running') summary.simulations.runningRequeued++;
      if (usableName(row.name, '') !== (row.name ?? '')) summary.simulations.namesFixed++;
      summary.simulations.imported[status as 'finished' | 'pending' | 'failed']++;
    }

    const highest = Math.max(0, ...importedIds);
    const ended = inserted.filter((row) => row.status !== SimulationStatus.Pending);
    if (ended.length === 0) return highest;
    await queryRows(
      manager,
      `INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at, ended_at, outcome, reason)
       SELECT s.simulation_id, 1, 'imported', s.started_at, s.finished_at, s.status, s.failure_reason
       FROM simulations s WHERE s.simulation_id = ANY($1::bigint[])`,
      [ended.map((row) => row.simulation_id)],
    );
    const finished = ended
      .filter((row) => row.status === SimulationStatus.Finished)
      .map((row) => row.simulation_id);
    if (finished.length) await this.importCurves(finished, manager, summary);
    return highest;
  }

  /** The curves of finished simulations: one point per second value (the last one wins). */
  private async importCurves(
    simulationIds: number[],
    manager: EntityManager,
    summary: ImportSummary,
  ): Promise<void> {
    const { rows } = await this.source.query<{
      simulation_id: string;
      seconds: number;
      loss: number;
    }>(
      `SELECT simulation_id::text, seconds::float8 AS seconds, loss::float8 AS loss
       FROM convergence_data WHERE simulation_id = ANY($1::bigint[])
       ORDER BY simulation_id, seconds, id`,
      [simulationIds],
    );
    const curves = new Map<number, Array<{ seconds: number; loss: number }>>();
    for (const row of rows) {
      if (!(row.seconds > 0) || !Number.isFinite(row.seconds) || !Number.isFinite(row.loss)) {
        summary.points.unusableDropped++;
        continue;
      }
      const id = Number(row.simulation_id);
      const curve = curves.get(id) ?? [];
      const last = curve[curve.length - 1];
      if (last && last.seconds === row.seconds) {
        curve[curve.length - 1] = { seconds: row.seconds, loss: row.loss };
        summary.points.duplicatesDropped++;
      } else curve.push({ seconds: row.seconds, loss: row.loss });
      curves.set(id, curve);
    }
    const batches = [...curves].map(([id, curve]) => ({
      key: id,
      batch: new CurveBuilder(curve.length).append(curve),
    }));
    const { points, cells, summaries } = batchColumns(batches);
    summary.points.imported += points.key.length;
    if (points.key.length === 0) return;
    await queryRows(
      manager,
      `INSERT INTO convergence_points
         (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds)
       SELECT id, 1, s.curve_day, $7, q, p.s, l, cl, cs
       FROM unnest($1::bigint[], $2::integer[], $3::float8[], $4::float8[], $5::float8[], $6::float8[])
         AS p(id, q, s, l, cl, cs)
       JOIN simulations s ON s.simulation_id = p.id`,
      [
        points.key,
        points.seq,
        points.seconds,
        points.loss,
        points.cumLoss,
        points.cumSeconds,
        LOSS_METRIC.id,
      ],
    );
    await queryRows(
      manager,
      `INSERT INTO run_metrics (simulation_id, attempt, metric_id, name, count, last_value,
                               last_seconds, min_value, min_seconds, max_value, last_step, min_step,
                               by_step)
       SELECT id, 1, $11, $12, n, lv, ls, mn, ms, mx, lst, mst, bs
       FROM unnest($1::bigint[], $2::integer[], $3::float8[], $4::float8[], $5::float8[],
                   $6::float8[], $7::float8[], $8::bigint[], $9::bigint[], $10::boolean[])
         AS u(id, n, lv, ls, mn, ms, mx, lst, mst, bs)`,
      [...summaryColumnsInOrder(summaries), LOSS_METRIC.id, LOSS_METRIC.name],
    );
    if (cells.key.length === 0) return;
    await queryRows(
      manager,
      `INSERT INTO convergence_summaries
         (simulation_id, attempt, curve_day, metric_id, level, block, min_loss, max_loss)
       SELECT id, 1, s.curve_day, $6, lv, b, mn, mx
       FROM unnest($1::bigint[], $2::smallint[], $3::integer[], $4::float8[], $5::float8[])
         AS c(id, lv, b, mn, mx)
       JOIN simulations s ON s.simulation_id = c.id`,
      [cells.key, cells.level, cells.block, cells.min, cells.max, LOSS_METRIC.id],
    );
  }
}

/** The curve partition of an ended imported simulation: its creation's UTC day. */
function curveDayOf(created: Date): string {
  return created.toISOString().slice(0, 10);
}

/** A name our constraints take: trimmed to 255 characters, and never blank. */
function usableName(name: string | null, fallback: string): string {
  const text = name ?? '';
  if (!/\S/.test(text)) return fallback;
  return text.length > MAX_NAME ? text.slice(0, MAX_NAME) : text;
}
