/**
 * Curves are stored in one partition per day (`curve_day`, the UTC day the
 * simulation's current run was requested), so a day of history is expired by
 * dropping a table rather than deleting its rows one by one: the cost of that
 * does not grow with the history kept. These functions are the only place
 * that knows how partitions are named, made and removed; the migration, the
 * worker's history maintenance and the import share them.
 */

/** Runs one statement and answers its rows (a query runner's or a manager's `query`). */
export type RunSql = (text: string, params?: unknown[]) => Promise<unknown>;

/** Every table partitioned by curve_day; a day has a partition in each or in none. */
export const CURVE_TABLES = ['convergence_points', 'convergence_summaries'] as const;

/** Days ahead of today that always have partitions, so a write never waits for one to be made. */
export const PARTITION_DAYS_AHEAD = 7;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day as Postgres writes a date (YYYY-MM-DD), checked: partition DDL cannot take parameters. */
export function checkedDay(day: string): string {
  const match = DAY.exec(day);
  const date = match && new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
  if (!date || date.toISOString().slice(0, 10) !== day) throw new Error(`not a day: ${day}`);
  return day;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${checkedDay(day)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function partitionName(table: (typeof CURVE_TABLES)[number], day: string): string {
  return `${table}_${checkedDay(day).replaceAll('-', '')}`;
}

/** The days that have partitions in `table` (default the points'), oldest first. */
export async function curvePartitionDays(
  run: RunSql,
  table: (typeof CURVE_TABLES)[number] = 'convergence_points',
): Promise<string[]> {
  const rows = (await run(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = $1::regclass`,
    [table],
  )) as Array<{ name: string }>;
  const pattern = new RegExp(`^${table}_(\\d{4})(\\d{2})(\\d{2})$`);
  return rows
    .map(({ name }) => pattern.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, year, month, day]) => `${year}-${month}-${day}`)
    .sort();
}

/**
 * Makes the partitions these days lack, in every curve table. Call it inside
 * a transaction: a transaction-scoped advisory lock keeps two callers from
 * making the same table at once. Each is made empty and then attached, which
 * takes a lock on the parent that readers and writers do not wait for (a
 * `CREATE TABLE … PARTITION OF` would).
 */
export async function ensureCurvePartitions(
  run: RunSql,
  days: Iterable<string>,
): Promise<string[]> {
  const wanted = [...new Set([...days].map(checkedDay))].sort();
  if (wanted.length === 0) return [];
  await run(`SELECT pg_advisory_xact_lock(hashtext('aisimulation curve partitions'))`);
  const made = new Set<string>();
  for (const table of CURVE_TABLES) {
    const present = new Set(await curvePartitionDays(run, table));
    for (const day of wanted.filter((day) => !present.has(day))) {
      const name = partitionName(table, day);
      await run(
        `CREATE TABLE IF NOT EXISTS ${name} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
      );
      await run(
        `ALTER TABLE ${table} ATTACH PARTITION ${name}
           FOR VALUES FROM ('${day}') TO ('${addDays(day, 1)}')`,
      );
      made.add(day);
    }
  }
  return [...made].sort();
}

/**
 * Deletes these simulations' curve rows from one day's partition, in every
 * curve table (the day a parameter, so only that partition is planned).
 */
export async function deleteCurves(
  run: RunSql,
  day: string,
  simulationIds: number[],
): Promise<void> {
  for (const table of CURVE_TABLES) {
    await run(
      `DELETE FROM ${table} WHERE curve_day = $1::date AND simulation_id = ANY($2::bigint[])`,
      [day, simulationIds],
    );
  }
}

/**
 * Removes a day's partitions. Outside any transaction: each is detached
 * CONCURRENTLY, which waits for the queries that may still read it but
 * blocks no one, and then dropped. A detach cut short (a crash between its
 * two steps) is finished first.
 */
export async function dropCurvePartitions(run: RunSql, day: string): Promise<void> {
  for (const table of CURVE_TABLES) {
    const name = partitionName(table, day);
    const [state] = (await run(
      `SELECT i.inhdetachpending AS pending FROM pg_inherits i
       WHERE i.inhrelid = to_regclass($1) AND i.inhparent = $2::regclass`,
      [name, table],
    )) as Array<{ pending: boolean }>;
    if (state?.pending) await run(`ALTER TABLE ${table} DETACH PARTITION ${name} FINALIZE`);
    else if (state) await run(`ALTER TABLE ${table} DETACH PARTITION ${name} CONCURRENTLY`);
    await run(`DROP TABLE IF EXISTS ${name}`);
  }
}
