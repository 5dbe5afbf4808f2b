import { ConvergencePointRepository, CurveBuilder, resolveEmulation } from '@app/domain';
import type { DataSource } from 'typeorm';
import { emulateCurve } from '../../apps/worker/src/simulation-run/convergence-emulator';

export const MACHINES = 20;
export const SIMULATIONS = 100_000;
/** Curves of these lengths, on simulations right after the 100,000. */
export const CURVE_LENGTHS = [1_000, 10_000, 1_000_000] as const;
const BATCH = 5_000;

/**
 * Realistic data: 20 machines; 100,000 finished simulations spread over 30
 * days, each with its attempt; three curves written through the workers' own
 * write path (points with running sums, and their min/max summaries).
 * Answers the ids of the curves' simulations by length.
 */
export async function seed(db: DataSource): Promise<Record<number, number>> {
  await db.query(
    `INSERT INTO machines (machine_id, name)
     SELECT i, 'Machine ' || i FROM generate_series(1, ${MACHINES}) AS i`,
  );
  await db.query(
    `INSERT INTO simulations (simulation_id, name, machine_id, status, creation_date, update_date,
                              attempt, attempt_budget, final_attempt, started_at, finished_at,
                              created_by, emulation)
     SELECT i, 'simulation ' || lpad(i::text, 6, '0'), 1 + i % ${MACHINES}, 'finished',
            t, t + interval '11 seconds', 1, 3, 3, t + interval '1 second', t + interval '11 seconds',
            'bench-' || (i % 50),
            '{"points":10,"span_seconds":100,"tick_ms":null,"noise":0,"seed":1,"decimals":3}'::jsonb
     FROM generate_series(1, ${SIMULATIONS}) AS i,
          LATERAL (SELECT now() - interval '30 days' + (i * interval '25 seconds')
                          + (random() * interval '20 seconds') AS t) AS times`,
  );
  await db.query(
    `INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at, ended_at, outcome)
     SELECT simulation_id, 1, 'bench-worker', started_at, finished_at, 'finished' FROM simulations`,
  );
  // The other projects of scenario 1's scoped token; the runs are all in `default`.
  await db.query(`INSERT INTO projects (name) VALUES ('team-b'), ('team-c')`);
  const ids: Record<number, number> = {};
  const points = new ConvergencePointRepository(db.manager);
  // The curves' simulations are made today, so their points go to today's partition.
  const [{ day }] = await db.query(`SELECT (now() AT TIME ZONE 'UTC')::date::text AS day`);
  let id = SIMULATIONS;
  for (const length of CURVE_LENGTHS) {
    id += 1;
    ids[length] = id;
    await db.query(
      `INSERT INTO simulations (simulation_id, name, machine_id, status, attempt, started_at, emulation)
       VALUES ($1::integer, $2::varchar, 1, 'running', 1, now(), $3::jsonb)`,
      [
        id,
        `curve of ${length}`,
        JSON.stringify({ points: length, span_seconds: length, noise: 0.2, seed: 4, decimals: 6 }),
      ],
    );
    const curve = [
      ...emulateCurve(
        resolveEmulation({
          points: length,
          spanSeconds: length,
          noise: 0.2,
          seed: 4,
          decimals: 6,
        }),
      ),
    ];
    const builder = new CurveBuilder();
    for (let start = 0; start < curve.length; start += BATCH) {
      await points.appendPoints(
        { simulationId: id, attempt: 1, day },
        builder.append(curve.slice(start, start + BATCH)),
      );
    }
    await db.query(
      `UPDATE simulations SET status = 'finished', finished_at = now() WHERE simulation_id = $1`,
      [id],
    );
    await db.query(
      `INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at, ended_at, outcome)
       VALUES ($1, 1, 'bench-worker', now(), now(), 'finished')`,
      [id],
    );
  }
  await db.query(
    `SELECT setval('simulations_simulation_id_seq', (SELECT max(simulation_id) FROM simulations))`,
  );
  await db.query('VACUUM ANALYZE');
  return ids;
}
