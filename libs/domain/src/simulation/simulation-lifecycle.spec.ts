import { LIFECYCLE_STATEMENTS } from './simulation-lifecycle';
import { ALLOWED_TRANSITIONS, SIMULATION_STATUSES, SimulationStatus } from './simulation-status';

const STATUS_WORDS = new Set<string>(SIMULATION_STATUSES);
const literalsIn = (text: string) =>
  [...text.matchAll(/'([a-z_]+)'/g)]
    .map((match) => match[1])
    .filter((word) => STATUS_WORDS.has(word));

/**
 * The moves a statement makes, read off its SQL: the statuses its SET writes
 * are where it goes, the statuses its conditions test (`status = …`,
 * `status IN (…)`, in any of its clauses) are where it may come from.
 */
function movesOf(sql: string): { from: string[]; to: string[] } {
  const assignments = [...sql.matchAll(/SET\s+status\s*=\s*(CASE\b[\s\S]*?\bEND|'[a-z_]+')/gi)];
  const to = assignments.flatMap((match) => literalsIn(match[1]));
  let conditions = sql;
  for (const match of assignments) conditions = conditions.replace(match[0], '');
  const from = [
    ...[...conditions.matchAll(/(?<![\w.])(?:\w+\.)?status\s*=\s*('[a-z_]+')/g)].map((m) => m[1]),
    ...[...conditions.matchAll(/(?<![\w.])(?:\w+\.)?status\s+IN\s*\(([^)]*)\)/gi)].map((m) => m[1]),
  ].flatMap(literalsIn);
  return { from, to };
}

function illegalMoves(sql: string): string[] {
  const { from, to } = movesOf(sql);
  return from.flatMap((a) =>
    to
      .filter((b) => !ALLOWED_TRANSITIONS[a as SimulationStatus].includes(b as SimulationStatus))
      .map((b) => `${a} → ${b}`),
  );
}

describe("the lifecycle's statements", () => {
  it.each(Object.entries(LIFECYCLE_STATEMENTS))(
    '%s moves a status only along edges of the transition table',
    (_, sql) => {
      const { from, to } = movesOf(sql);
      expect(from.length).toBeGreaterThan(0);
      expect(to.length).toBeGreaterThan(0);
      expect(illegalMoves(sql)).toEqual([]);
    },
  );

  it('reads the moves of each statement as the lifecycle describes them', () => {
    const moves = Object.fromEntries(
      Object.entries(LIFECYCLE_STATEMENTS).map(([name, sql]) => {
        const { from, to } = movesOf(sql);
        return [name, `${[...new Set(from)].sort()} → ${[...new Set(to)].sort()}`];
      }),
    );
    expect(moves).toEqual({
      claim: 'pending → running',
      finish: 'running → finished',
      endAttempt: 'running → failed,pending',
      handBack: 'running → pending',
      recoverLost: 'running → failed,pending',
      cancel: 'pending,running → cancelled',
      retry: 'cancelled,failed → pending',
    });
  });

  it('would catch a statement moving along an edge the table lacks', () => {
    expect(
      illegalMoves(`UPDATE simulations SET status = 'running' WHERE status = 'finished'`),
    ).toEqual(['finished → running']);
    expect(
      illegalMoves(`WITH x AS (SELECT 1 FROM simulations s WHERE s.status IN ('failed', 'cancelled'))
        UPDATE simulations SET status = CASE WHEN true THEN 'finished' ELSE 'pending' END`),
    ).toEqual(['failed → finished', 'cancelled → finished']);
  });
});
