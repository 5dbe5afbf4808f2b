/**
 * Machines with their status inputs and load; $1 one machine's id, or null for
 * all. A module of its own, importing nothing, so the benchmark's baseline runs
 * exactly this statement.
 */
export const MACHINES_WITH_LOAD_SQL = `WITH live AS (
   SELECT machine_id, capacity FROM workers WHERE expires_at > clock_timestamp()
 ), pool AS (
   SELECT count(*)::int AS workers, COALESCE(sum(capacity), 0)::int AS capacity,
          (SELECT max(last_seen_at) FROM workers WHERE machine_id IS NULL) AS last_seen_at
   FROM live WHERE machine_id IS NULL
 ), seen AS (
   SELECT machine_id, max(last_seen_at) AS last_seen_at
   FROM workers WHERE machine_id IS NOT NULL GROUP BY machine_id
 ), dedicated_live AS (
   SELECT machine_id, count(*)::int AS workers, sum(capacity)::int AS capacity
   FROM live WHERE machine_id IS NOT NULL GROUP BY machine_id
 ), load AS (
   SELECT machine_id,
          count(*) FILTER (WHERE status = 'running')::int AS running,
          count(*) FILTER (WHERE status = 'pending')::int AS pending
   FROM simulations WHERE status IN ('pending', 'running') GROUP BY machine_id
 )
 SELECT m.*,
        (COALESCE(dl.workers, 0) + pool.workers) > 0 AS served,
        GREATEST(seen.last_seen_at, pool.last_seen_at) AS last_seen_at,
        COALESCE(dl.capacity, 0) + pool.capacity AS capacity,
        COALESCE(load.running, 0) AS running,
        COALESCE(load.pending, 0) AS pending
 FROM machines m
 CROSS JOIN pool
 LEFT JOIN seen ON seen.machine_id = m.machine_id
 LEFT JOIN dedicated_live dl ON dl.machine_id = m.machine_id
 LEFT JOIN load ON load.machine_id = m.machine_id
 WHERE $1::integer IS NULL OR m.machine_id = $1
 ORDER BY m.machine_id`;

/**
 * One machine's status inputs only ($1 its id): draining, and whether a live
 * worker serves it (its own or a pool worker). What a simulation's page needs,
 * without counting every machine's load.
 */
export const MACHINE_STATUS_SQL = `SELECT m.draining,
        EXISTS (SELECT 1 FROM workers w
                WHERE w.expires_at > clock_timestamp()
                  AND (w.machine_id = m.machine_id OR w.machine_id IS NULL)) AS served
 FROM machines m
 WHERE m.machine_id = $1::integer`;
