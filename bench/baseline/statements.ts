/**
 * CurveReadRepository.page's statement for a window that starts at the
 * curve's first point (its inclusive form), for the baseline and the floor.
 */
export const CURVE_PAGE_SQL = `SELECT seconds, loss FROM convergence_points
  WHERE simulation_id = $1::integer AND attempt = $2::integer
    AND seconds >= $3::float8 AND seconds <= $4::float8
  ORDER BY seconds LIMIT $5::integer`;
