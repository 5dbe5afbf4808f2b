import { seedMachine, seedRunData, seedSimulation } from '@app/domain/testing';
import { SimulationStatus } from '@app/domain';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

/**
 * A list in creation order whose filter has an equality on a param or a tag
 * walks that equality's index (its rows carry the run's creation date); it
 * must answer exactly what the walk along the runs' own dates answers.
 */
describe('GET /simulations in creation order, led by an equality of the filter', () => {
  let stack: E2eStack;
  const RUNS = 40;
  // Creation order is not id order: day 1 + (id * 7) % 40 shuffles them, and
  // runs 10 and 30 share a date (ties go by id).
  const created = (id: number) =>
    new Date(Date.UTC(2026, 0, 1 + ((id === 30 ? 10 * 7 : id * 7) % RUNS), 12));
  const runs = Array.from({ length: RUNS }, (_, index) => {
    const id = index + 1;
    return {
      id,
      group: id % 3 === 0 ? 'g0' : 'g1',
      seed: id % 4,
      x: id,
      team: id % 2 ? 'odd' : 'even',
    };
  });
  type Run = (typeof runs)[number];

  const inCreationOrder = (matching: (run: Run) => boolean, order: 'asc' | 'desc') => {
    const sorted = runs
      .filter(matching)
      .sort((a, b) => created(a.id).getTime() - created(b.id).getTime() || a.id - b.id)
      .map((run) => run.id);
    return order === 'asc' ? sorted : sorted.reverse();
  };

  /** Every page of the list, by cursor (or by offset), in the order the API gave. */
  const listed = async (filter: string, order: 'asc' | 'desc', paging: 'cursor' | 'offset') => {
    const ids: number[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < RUNS; page++) {
      const query = [
        'order_by=creation_date',
        `order=${order}`,
        'limit=4',
        `filter=${encodeURIComponent(filter)}`,
        paging === 'offset' ? `offset=${page * 4}` : cursor ? `cursor=${cursor}` : '',
      ];
      const answer = await stack
        .as(Role.Viewer)
        .get(`/simulations?${query.filter(Boolean).join('&')}`)
        .expect(200);
      const rows = answer.body as Array<{ simulation_id: number }>;
      ids.push(...rows.map((row) => row.simulation_id));
      cursor = answer.headers['x-next-cursor'];
      if (paging === 'cursor' ? !cursor : rows.length < 4) break;
    }
    return ids;
  };

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 1, name: 'Machine 1' });
    for (const run of runs) {
      await seedSimulation(stack.db, {
        simulation_id: run.id,
        name: `run-${run.id}`,
        machine_id: 1,
        status: SimulationStatus.Finished,
        attempt: 1,
        creation_date: created(run.id),
      });
      await seedRunData(stack.db, run.id, {
        params: { group: run.group, seed: run.seed, x: run.x },
        tags: { team: run.team },
      });
    }
    // A run without the params: it never matches.
    await seedSimulation(stack.db, { simulation_id: 41, machine_id: 1, creation_date: created(5) });
    await stack.db.query('ANALYZE simulations, run_params, run_tags');
  });

  afterAll(() => stack.close());

  it.each([
    ["params.group = 'g1'", (run: Run) => run.group === 'g1'],
    ["params.group = 'g1' AND params.x < 25", (run: Run) => run.group === 'g1' && run.x < 25],
    ['params.x > 4 AND params.seed = 2', (run: Run) => run.x > 4 && run.seed === 2],
    [
      "tags.team = 'odd' AND (params.seed = 1 OR params.x >= 30)",
      (run: Run) => run.team === 'odd' && (run.seed === 1 || run.x >= 30),
    ],
    [
      "params.group = 'g0' AND tags.team = 'even'",
      (run: Run) => run.group === 'g0' && run.team === 'even',
    ],
    ["params.group = 'none'", () => false],
  ])('%s: every page in creation order, ties by id, either way', async (filter, matching) => {
    for (const order of ['asc', 'desc'] as const) {
      const expected = inCreationOrder(matching, order);
      expect(await listed(filter, order, 'cursor')).toEqual(expected);
      expect(await listed(filter, order, 'offset')).toEqual(expected);
    }
  });
});
