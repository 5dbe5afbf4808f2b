import { Client } from 'pg';
import { provisionTestConnections } from '../../../test/test-services';
import { DEFAULT_ATTEMPT_BUDGET } from '../src/simulation/simulation.entity';
import { AttemptOutcome, SIMULATION_STATUSES } from '../src/simulation/simulation-status';

/** The values a CHECK (column IN (…)) constraint allows, as the migrated database has it. */
async function allowedBy(db: Client, table: string, column: string): Promise<string[]> {
  const { rows } = await db.query<{ definition: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'c' AND t.relname = $1 AND pg_get_constraintdef(c.oid) LIKE '%' || $2 || '%'`,
    [table, `(${column})`],
  );
  expect(rows).toHaveLength(1);
  return [...rows[0].definition.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]).sort();
}

describe('the migrated schema', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: (await provisionTestConnections()).databaseUrl });
    await db.connect();
  });

  afterAll(() => db.end());

  it('allows exactly the statuses of the SimulationStatus enum', async () => {
    expect(await allowedBy(db, 'simulations', 'status')).toEqual([...SIMULATION_STATUSES].sort());
  });

  it('allows exactly the outcomes of the AttemptOutcome enum', async () => {
    expect(await allowedBy(db, 'simulation_attempts', 'outcome')).toEqual(
      Object.values(AttemptOutcome).sort(),
    );
  });

  // Migrations are history: changing the default takes a new migration as well as the constant.
  it('defaults the attempt budget to DEFAULT_ATTEMPT_BUDGET, for rows inserted without one', async () => {
    const { rows } = await db.query<{ column_name: string; column_default: string }>(
      `SELECT column_name, column_default FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'simulations'
         AND column_name IN ('attempt_budget', 'final_attempt')
       ORDER BY column_name`,
    );
    expect(rows).toEqual([
      { column_name: 'attempt_budget', column_default: String(DEFAULT_ATTEMPT_BUDGET) },
      { column_name: 'final_attempt', column_default: String(DEFAULT_ATTEMPT_BUDGET) },
    ]);
  });
});
