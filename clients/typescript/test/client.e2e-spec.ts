import { Role } from '@app/auth';
import { seedMachine } from '@app/domain/testing';
import { E2eStack } from '../../../test/e2e-stack';
import { AisimClient, ApiError, type LiveEvent } from '../src';

/**
 * The TypeScript client against the real API, a worker, Postgres and Redis:
 * typed requests built from the committed document reach the routes it
 * names, and a live curve is followed to its end.
 */
describe('the TypeScript client against the API', () => {
  let stack: E2eStack;
  let client: AisimClient;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 301 });
    await stack.startWorker({ tickMs: 20 });
    client = new AisimClient({ baseUrl: await stack.listen(), token: stack.token(Role.Operator) });
  });

  afterAll(() => stack.close());

  it('creates a run, reads it, follows its curve live to the end, and reads the curve whole', async () => {
    const { data: created } = await client.api.POST('/simulation', {
      body: { name: 'from TypeScript', machine_id: 301, emulation: { points: 20 } },
    });
    const id = created!.id;
    const { data: run } = await client.api.GET('/simulation/{simulation_id}', {
      params: { path: { simulation_id: id } },
    });
    expect(run).toMatchObject({ simulation_id: id, name: 'from TypeScript' });

    const events: LiveEvent[] = [];
    const ended = await client.follow(`/converge/${id}/stream`, (event) => events.push(event), {
      signal: AbortSignal.timeout(30_000),
    });
    expect(ended).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'end' });
    const streamed = events
      .filter((event) => event.event === 'points')
      .flatMap((event) => (JSON.parse(event.data) as { points: unknown[] }).points);

    const { data: curve } = await client.api.GET('/converge/{simulation_id}', {
      params: { path: { simulation_id: id } },
    });
    // The route answers CSV too (Accept: text/csv): the type says so, this answer is JSON.
    if (!curve || typeof curve === 'string') throw new Error(`not a JSON curve: ${curve}`);
    expect(curve.data).toHaveLength(20);
    expect(streamed).toEqual(curve.data);
  });

  it('throws the API’s 4xx with its message', async () => {
    await expect(
      client.api.GET('/simulation/{simulation_id}', {
        params: { path: { simulation_id: 424242 } },
      }),
    ).rejects.toEqual(new ApiError(404, 'simulation 424242 not found'));
  });
});
