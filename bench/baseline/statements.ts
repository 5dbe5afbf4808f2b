import type { Pool } from 'pg';

/** The repositories' statements the baselines run; see bench/lib/repository-statements.ts. */
export interface RepositoryStatements {
  simulationById: string;
  attemptsOf: string;
  machineStatus: string;
  curveCurrent: string;
  curveWindow: string;
  curvePageFrom: string;
}

function fromEnvironment(): RepositoryStatements {
  const text = process.env.BENCH_STATEMENTS;
  if (!text) throw new Error('BENCH_STATEMENTS is required: the bench runner sets it');
  return JSON.parse(text) as RepositoryStatements;
}

export const SQL = fromEnvironment();

/**
 * CurveReadRepository.window + page: a curve short enough to come back whole,
 * as the baseline and the floor both answer it; null when there is no such simulation.
 */
export async function readWholeCurve(pool: Pool, id: number) {
  const found = await pool.query(SQL.curveCurrent, [id, 'loss']);
  if (found.rowCount === 0) return null;
  const { attempt, status, day } = found.rows[0];
  const window = await pool.query(SQL.curveWindow, [id, attempt, day, 0, 'Infinity', 0]);
  const { total, first, last } = window.rows[0];
  const points = first
    ? (
        await pool.query(SQL.curvePageFrom, [
          id,
          attempt,
          day,
          first.seconds,
          last.seconds,
          last.seq - first.seq + 1,
          0,
        ])
      ).rows
    : [];
  return {
    data: points,
    meta: { attempt, status, total_points: total, returned_points: points.length },
  };
}

export type Row = Record<string, any>;
export const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function simulationJson(row: Row) {
  return {
    simulation_id: row.simulation_id,
    name: row.name,
    machine_id: row.machine_id,
    status: row.status,
    creation_date: iso(row.creation_date),
    update_date: iso(row.update_date),
    attempt: row.attempt,
    attempt_budget: row.attempt_budget,
    final_attempt: row.final_attempt,
    max_attempts: row.final_attempt,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    heartbeat_at: iso(row.heartbeat_at),
    ...(row.failure_reason ? { failure_reason: row.failure_reason } : {}),
  };
}

/**
 * SimulationRepository.list (order by update_date, the first page) and .total
 * (a bounded count, else the planner's estimate), as the baseline and the floor both answer it.
 */
export async function readFirstPage(pool: Pool, limit: number) {
  const [rows, counted] = await Promise.all([
    pool.query(
      `SELECT *, update_date::text AS list_key FROM simulations
       ORDER BY update_date ASC, simulation_id ASC LIMIT $1 OFFSET $2`,
      [limit + 1, 0],
    ),
    pool.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM simulations LIMIT 10001) AS bounded`),
  ]);
  let total = counted.rows[0].n;
  if (total > 10_000) {
    const plan = await pool.query(`EXPLAIN (FORMAT JSON) SELECT 1 FROM simulations`);
    total = Math.max(Math.round(plan.rows[0]['QUERY PLAN'][0].Plan['Plan Rows']), 10_001);
  }
  return { items: rows.rows.slice(0, limit).map(simulationJson), total };
}
