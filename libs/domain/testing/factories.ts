import type { DataSource } from 'typeorm';
import type {
  ConvergencePointRepository,
  CurveRef,
  MetricRef,
} from '../src/convergence-point/convergence-point.repository';
import { CurveBuilder } from '../src/convergence-point/curve-builder';
import type { CurvePoint } from '../src/convergence-point/curve-point';
import { SimulationStatus } from '../src/simulation/simulation-status';

let nextMachineId = 9_000;

export interface MachineSeed {
  machine_id?: number;
  name?: string;
}

/** Inserts a machine straight into the database; for arranging test data. */
export async function seedMachine(
  db: DataSource,
  seed: MachineSeed = {},
): Promise<{ machine_id: number; name: string }> {
  const machine = {
    machine_id: seed.machine_id ?? nextMachineId++,
    name: seed.name ?? 'Test machine',
  };
  await db.query(`INSERT INTO machines (machine_id, name) VALUES ($1, $2)`, [
    machine.machine_id,
    machine.name,
  ]);
  return machine;
}

export interface SimulationSeed {
  simulation_id?: number;
  name?: string;
  machine_id: number;
  status?: SimulationStatus;
  /** Attempts started; give 1 with status running to seed a run a curve can be written to. */
  attempt?: number;
  creation_date?: Date;
  update_date?: Date;
  /** The day partition of its curve (YYYY-MM-DD); default today's. */
  curve_day?: string;
}

/**
 * Inserts a simulation with exactly the given dates and status (the update
 * trigger fires only on UPDATE, so an INSERT keeps them), bypassing the API
 * and the queue: no worker will pick it up unless it is enqueued.
 */
export async function seedSimulation(
  db: DataSource,
  seed: SimulationSeed,
): Promise<{ simulation_id: number }> {
  const now = new Date();
  const rows: Array<{ simulation_id: number }> = await db.query(
    `INSERT INTO simulations (simulation_id, name, machine_id, status, creation_date, update_date, attempt, curve_day)
     VALUES (COALESCE($1, nextval('simulations_simulation_id_seq')), $2, $3, $4, $5, $6, $7,
             COALESCE($8::date, (now() AT TIME ZONE 'UTC')::date))
     RETURNING simulation_id`,
    [
      seed.simulation_id ?? null,
      seed.name ?? 'Seeded simulation',
      seed.machine_id,
      seed.status ?? SimulationStatus.Pending,
      seed.creation_date ?? now,
      seed.update_date ?? seed.creation_date ?? now,
      seed.attempt ?? 0,
      seed.curve_day ?? null,
    ],
  );
  return rows[0];
}

/**
 * Writes `curve` as the points of a running attempt 1 (seed it with
 * `status: running, attempt: 1`) through the repository, exactly as a worker
 * would: summaries and running sums included, in batches.
 */
export async function seedCurve(
  db: DataSource,
  repository: ConvergencePointRepository,
  simulationId: number,
  curve: readonly CurvePoint[],
  batchSize = 5_000,
  metric?: MetricRef,
): Promise<void> {
  const builder = new CurveBuilder();
  const ref = await curveRefOf(db, simulationId);
  for (let start = 0; start < curve.length; start += batchSize) {
    const batch = builder.append(curve.slice(start, start + batchSize));
    const [{ held }] = await repository.appendPointsOfRuns([{ ref, metric, batch }]);
    if (!held) throw new Error(`simulation ${simulationId} is not running attempt 1`);
  }
}

/** A simulation's current attempt and curve day, as a worker holding it knows them. */
export async function curveRefOf(
  db: Pick<DataSource, 'query'>,
  simulationId: number,
): Promise<CurveRef> {
  const [row] = await db.query(
    `SELECT attempt, curve_day::text AS day FROM simulations WHERE simulation_id = $1`,
    [simulationId],
  );
  if (!row) throw new Error(`simulation ${simulationId} does not exist`);
  return { simulationId, attempt: Math.max(1, row.attempt), day: row.day };
}

export interface RunDataSeed {
  params?: Record<string, number | string | boolean>;
  tags?: Record<string, string>;
  /** Metric summaries of an attempt (default the run's current one). */
  metrics?: Record<
    string,
    { last: number; min: number; max: number; count: number; attempt?: number }
  >;
}

/**
 * Writes a run's params, tags and metric summaries straight into their
 * tables; for arranging search data without running anything.
 */
export async function seedRunData(
  db: DataSource,
  simulationId: number,
  seed: RunDataSeed,
): Promise<void> {
  for (const [key, value] of Object.entries(seed.params ?? {}))
    await db.query(
      `INSERT INTO run_params (simulation_id, key, number, text, flag, creation_date)
       SELECT $1, $2, $3, $4, $5, creation_date FROM simulations WHERE simulation_id = $1`,
      [
        simulationId,
        key,
        typeof value === 'number' ? value : null,
        typeof value === 'string' ? value : null,
        typeof value === 'boolean' ? value : null,
      ],
    );
  for (const [key, value] of Object.entries(seed.tags ?? {}))
    await db.query(
      `INSERT INTO run_tags (simulation_id, key, value, creation_date)
       SELECT $1, $2, $3, creation_date FROM simulations WHERE simulation_id = $1`,
      [simulationId, key, value],
    );
  let metricId = 0;
  for (const [name, summary] of Object.entries(seed.metrics ?? {}))
    await db.query(
      `INSERT INTO run_metrics (simulation_id, attempt, metric_id, name, count, last_value, last_seconds,
                                min_value, min_seconds, max_value)
       SELECT $1, COALESCE($2::int, attempt), $3, $4, $5::int, $6, $5::double precision, $7, 1, $8
       FROM simulations WHERE simulation_id = $1`,
      [
        simulationId,
        summary.attempt ?? null,
        metricId++,
        name,
        summary.count,
        summary.last,
        summary.min,
        summary.max,
      ],
    );
}

/**
 * How many of a run's param and tag rows carry its creation date, and how
 * many rows it has: a list in creation order walks them by that copy.
 */
export async function runDataDatesOf(
  db: DataSource,
  simulationId: number,
): Promise<{ rows: number; withRunDate: number }> {
  const [counts] = await db.query(
    `SELECT count(*)::int AS rows,
            count(*) FILTER (WHERE data.creation_date = run.creation_date)::int AS "withRunDate"
     FROM (SELECT creation_date FROM run_params WHERE simulation_id = $1
           UNION ALL SELECT creation_date FROM run_tags WHERE simulation_id = $1) AS data,
          simulations AS run
     WHERE run.simulation_id = $1`,
    [simulationId],
  );
  return counts;
}
