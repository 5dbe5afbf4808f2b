/**
 * A simulation's current attempt, status and point count, with the first and
 * last stored points inside [$2, $3] seconds ($1 the simulation). Importing
 * nothing, so the benchmark's baseline runs exactly this statement.
 */
export const CURVE_WINDOW_SQL = `SELECT s.attempt, s.status, COALESCE(e.seq + 1, 0)::int AS total,
        to_jsonb(f) AS first, to_jsonb(l) AS last
 FROM simulations s
 LEFT JOIN LATERAL (
   SELECT seq FROM convergence_points p
   WHERE p.simulation_id = s.simulation_id AND p.attempt = s.attempt
   ORDER BY seconds DESC LIMIT 1) e ON true
 LEFT JOIN LATERAL (
   SELECT seq, seconds, loss, cum_loss, cum_seconds FROM convergence_points p
   WHERE p.simulation_id = s.simulation_id AND p.attempt = s.attempt AND seconds >= $2::float8
   ORDER BY seconds LIMIT 1) f ON true
 LEFT JOIN LATERAL (
   SELECT seq, seconds, loss, cum_loss, cum_seconds FROM convergence_points p
   WHERE p.simulation_id = s.simulation_id AND p.attempt = s.attempt AND seconds <= $3::float8
   ORDER BY seconds DESC LIMIT 1) l ON true
 WHERE s.simulation_id = $1::integer`;
