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
  const found = await pool.query(SQL.curveCurrent, [id]);
  if (found.rowCount === 0) return null;
  const { attempt, status, day } = found.rows[0];
  const window = await pool.query(SQL.curveWindow, [id, attempt, day, 0, 'Infinity']);
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
        ])
      ).rows
    : [];
  return {
    data: points,
    meta: { attempt, status, total_points: total, returned_points: points.length },
  };
}
