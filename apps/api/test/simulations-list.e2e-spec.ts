import { seedMachine, seedSimulation } from '@app/domain/testing';
import { SimulationStatus } from '@app/domain';
import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

describe('GET /simulations: sorting, filtering and paging', () => {
  let stack: E2eStack;
  const ids = (body: Array<{ simulation_id: number }>) => body.map((row) => row.simulation_id);

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101, name: 'Machine A' });
    await seedMachine(stack.db, { machine_id: 102, name: 'Machine B' });
    // Names, creation and update dates are each in a different order, and two
    // rows tie on every sort key so the id tie-break shows.
    const rows = [
      {
        simulation_id: 1,
        name: 'charlie',
        creation_date: at(3),
        update_date: at(10),
        machine_id: 101,
        status: SimulationStatus.Finished,
      },
      {
        simulation_id: 2,
        name: 'alpha',
        creation_date: at(1),
        update_date: at(30),
        machine_id: 102,
        status: SimulationStatus.Pending,
      },
      {
        simulation_id: 3,
        name: 'bravo',
        creation_date: at(2),
        update_date: at(20),
        machine_id: 101,
        status: SimulationStatus.Running,
      },
      {
        simulation_id: 5,
        name: 'delta',
        creation_date: at(4),
        update_date: at(5),
        machine_id: 102,
        status: SimulationStatus.Failed,
      },
      {
        simulation_id: 4,
        name: 'delta',
        creation_date: at(4),
        update_date: at(5),
        machine_id: 101,
        status: SimulationStatus.Finished,
      },
    ];
    for (const row of rows) await seedSimulation(stack.db, row);
  });

  afterAll(() => stack.close());

  it('sorts by creation_date by default, ascending, ties by simulation_id', async () => {
    const { body, headers } = await stack.as(Role.Viewer).get('/simulations').expect(200);
    expect(ids(body)).toEqual([2, 3, 1, 4, 5]);
    expect(headers['x-total-count']).toBe('5');
  });

  it.each([
    ['creation_date', [2, 3, 1, 4, 5]],
    ['update_date', [4, 5, 1, 3, 2]],
    ['name', [2, 3, 1, 4, 5]],
  ])('sorts by %s', async (orderBy, expected) => {
    const { body } = await stack
      .as(Role.Viewer)
      .get(`/simulations?order_by=${orderBy}`)
      .expect(200);
    expect(ids(body)).toEqual(expected);
  });

  it('returns the contract fields with ISO 8601 dates', async () => {
    const { body } = await stack
      .as(Role.Viewer)
      .get('/simulations?order_by=name&limit=1')
      .expect(200);
    expect(body).toEqual([
      expect.objectContaining({
        simulation_id: 2,
        name: 'alpha',
        machine_id: 102,
        status: 'pending',
        creation_date: at(1).toISOString(),
        update_date: at(30).toISOString(),
      }),
    ]);
  });

  it('filters by status', async () => {
    const { body, headers } = await stack
      .as(Role.Viewer)
      .get('/simulations?status=finished')
      .expect(200);
    expect(ids(body)).toEqual([1, 4]);
    expect(headers['x-total-count']).toBe('2');
  });

  it('filters by machine_id, and by both', async () => {
    const byMachine = await stack.as(Role.Viewer).get('/simulations?machine_id=102').expect(200);
    expect(ids(byMachine.body)).toEqual([2, 5]);
    const both = await stack
      .as(Role.Viewer)
      .get('/simulations?machine_id=101&status=finished&order_by=update_date')
      .expect(200);
    expect(ids(both.body)).toEqual([4, 1]);
  });

  it('pages with limit and offset and reports the total before paging', async () => {
    const { body, headers } = await stack
      .as(Role.Viewer)
      .get('/simulations?order_by=update_date&limit=2&offset=1')
      .expect(200);
    expect(ids(body)).toEqual([5, 1]);
    expect(headers['x-total-count']).toBe('5');
    const past = await stack.as(Role.Viewer).get('/simulations?offset=50').expect(200);
    expect(past.body).toEqual([]);
    expect(past.headers['x-total-count']).toBe('5');
  });

  it('answers an empty list for a filter nothing matches', async () => {
    await stack.as(Role.Viewer).get('/simulations?machine_id=999').expect(200, []);
  });

  it.each([
    [
      'order_by=colour',
      'order_by must be one of: name, creation_date, update_date, or params.<key>, tags.<key>, metrics.<name>.(last|min|max|count)',
    ],
    [
      'order_by=name;DROP TABLE simulations',
      'order_by must be one of: name, creation_date, update_date, or params.<key>, tags.<key>, metrics.<name>.(last|min|max|count)',
    ],
    [
      'order_by=params.lr;DROP TABLE simulations',
      'order_by: at character 10: expected a field (name, creation_date, update_date, params.<key>, tags.<key> or metrics.<name>.<summary>)',
    ],
    ['status=done', 'status must be one of: pending, running, finished, failed, cancelled'],
    ['machine_id=abc', 'machine_id must be an integer between 1 and 2147483647'],
    ['machine_id=99999999999', 'machine_id must be an integer between 1 and 2147483647'],
    ['limit=0', 'limit must be an integer between 1 and 1000'],
    ['limit=1001', 'limit must be an integer between 1 and 1000'],
    ['offset=-1', 'offset must be an integer between 0 and 2147483647'],
    ['page=2', 'property page should not exist'],
  ])('rejects %s with a 400 that says what is allowed', async (query, message) => {
    const { body } = await stack.as(Role.Viewer).get(`/simulations?${query}`).expect(400);
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('still has every row after the injection attempt above', async () => {
    const { headers } = await stack.as(Role.Viewer).get('/simulations').expect(200);
    expect(headers['x-total-count']).toBe('5');
  });
});
