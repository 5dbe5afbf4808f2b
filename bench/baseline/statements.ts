import type { Pool } from 'pg';
import { CURVE_WINDOW_SQL } from '../../libs/domain/src/convergence-point/curve-read.sql';

/**
 * CurveReadRepository.page's statement for a window that starts at the
 * curve's first point (its inclusive form), for the baseline and the floor.
 */
export const CURVE_PAGE_SQL = `SELECT seconds, loss FROM convergence_points
  WHERE simulation_id = $1::integer AND attempt = $2::integer
    AND seconds >= $3::float8 AND seconds <= $4::float8
  ORDER BY seconds LIMIT $5::integer`;

/**
 * CurveReadRepository.window + page: a curve short enough to come back whole,
 * as the baseline and the floor both answer it; null when there is no such simulation.
 */
export async function readWholeCurve(pool: Pool, id: number) {
  const found = await pool.query(CURVE_WINDOW_SQL, [id, 0, 'Infinity']);
  if (found.rowCount === 0) return null;
  const { attempt, status, total, first, last } = found.rows[0];
  const points = first
    ? (
        await pool.query(CURVE_PAGE_SQL, [
          id,
          attempt,
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
