import { E2eStack, eventually } from '../../../test/e2e-stack';

describe('machines: routing, registration and status', () => {
  let stack: E2eStack;
  const create = async (machine: { machine_id: number; name?: string }) =>
    (await stack.as('operator').post('/simulation', { name: 'run', machine }).expect(201)).body
      .id as number;
  const ranOn = async (id: number) => {
    const detail = await stack.waitForStatus(id, 'finished');
    return detail.attempts.map((a: { worker_id: string }) => a.worker_id);
  };
  const machine = async (id: number) => {
    const { body } = await stack.as('viewer').get('/machines').expect(200);
    return body.find((m: { machine_id: number }) => m.machine_id === id);
  };

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(() => stack.reset());
  afterEach(() => stack.stopWorkers());
  afterAll(() => stack.close());

  it('runs work for each machine only on its own workers', async () => {
    await stack.startWorker({
      tickMs: 10,
      env: { MACHINE_ID: '101', MACHINE_NAME: 'Machine A', WORKER_ID: 'a-1' },
    });
    await stack.startWorker({
      tickMs: 10,
      env: { MACHINE_ID: '102', MACHINE_NAME: 'Machine B', WORKER_ID: 'b-1' },
    });

    const forA = await Promise.all([1, 2, 3, 4].map(() => create({ machine_id: 101 })));
    const forB = await Promise.all([1, 2, 3, 4].map(() => create({ machine_id: 102 })));

    for (const id of forA) expect(await ranOn(id)).toEqual(['a-1']);
    for (const id of forB) expect(await ranOn(id)).toEqual(['b-1']);
  });

  it('registers its machine at boot, and reports it online with its capacity', async () => {
    await stack.startWorker({
      concurrency: 7,
      env: { MACHINE_ID: '301', MACHINE_NAME: 'GPU box' },
    });
    await stack.startWorker({ concurrency: 5, env: { MACHINE_ID: '301' } });

    const found = await eventually(async () => {
      const current = await machine(301);
      return current?.capacity === 12 ? current : undefined;
    });
    expect(found).toMatchObject({
      machine_id: 301,
      name: 'GPU box',
      status: 'online',
      running: 0,
      pending: 0,
    });
    expect(new Date(found.last_seen_at).getTime()).toBeGreaterThan(Date.now() - 10_000);
    const single = await stack.as('viewer').get('/machine/301').expect(200);
    expect(single.body).toEqual(found);
  });

  it('keeps work for an offline machine pending, says so, and runs it when a worker for it comes', async () => {
    await stack.startWorker({ tickMs: 10, env: { MACHINE_ID: '101', WORKER_ID: 'a-1' } });
    const id = await create({ machine_id: 401, name: 'Later' });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const waiting = await stack.simulation(id);
    expect(waiting).toMatchObject({ status: 'pending', machine_status: 'offline' });
    expect(await machine(401)).toMatchObject({
      status: 'offline',
      pending: 1,
      capacity: 0,
      last_seen_at: null,
    });

    await stack.startWorker({ tickMs: 10, env: { MACHINE_ID: '401', WORKER_ID: 'later-1' } });
    expect(await ranOn(id)).toEqual(['later-1']);
  });

  it('a pool worker serves every machine, also one registered while it runs, and makes each online', async () => {
    await stack.startWorker({
      tickMs: 10,
      env: { WORKER_ID: 'pool-1', MACHINE_REFRESH_MS: '200' },
    });
    const first = await create({ machine_id: 501, name: 'One' });
    expect(await ranOn(first)).toEqual(['pool-1']);

    const later = await create({ machine_id: 502, name: 'Registered later' });
    expect(await ranOn(later)).toEqual(['pool-1']);
    expect(await machine(502)).toMatchObject({ status: 'online' });
  });

  it('lets two processes on one machine share its work', async () => {
    await stack.startWorker({
      tickMs: 100,
      concurrency: 2,
      env: { MACHINE_ID: '601', WORKER_ID: 'x-1' },
    });
    await stack.startWorker({
      tickMs: 100,
      concurrency: 2,
      env: { MACHINE_ID: '601', WORKER_ID: 'x-2' },
    });
    const ids = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => create({ machine_id: 601, name: 'Shared' })),
    );
    const workers = new Set<string>();
    for (const id of ids) (await ranOn(id)).forEach((worker: string) => workers.add(worker));
    expect([...workers].sort()).toEqual(['x-1', 'x-2']);
  });

  it('shows a machine offline as soon as its only worker stops (the worker retires on its way out)', async () => {
    await stack.startWorker({ env: { MACHINE_ID: '401', WORKER_ID: 'r-1' } });
    await eventually(async () => ((await machine(401))?.status === 'online' ? true : undefined));

    await stack.stopWorkers();

    // Offline at once, not a lease (20 s) later: the retirement reached the database.
    expect((await machine(401)).status).toBe('offline');
  });

  it('admin registers machines; a taken id is a 409; only admins may', async () => {
    const admin = stack.as('admin');
    const created = await admin.post('/machines', { machine_id: 701, name: 'New' }).expect(201);
    expect(created.headers.location).toBe('/machine/701');
    expect(created.body).toMatchObject({
      machine_id: 701,
      name: 'New',
      status: 'offline',
      capacity: 0,
    });
    const taken = await admin.post('/machines', { machine_id: 701, name: 'Again' }).expect(409);
    expect(taken.body.message).toBe('machine 701 already exists');
    await stack.as('operator').post('/machines', { machine_id: 702, name: 'No' }).expect(403);
    const invalid = await admin.post('/machines', { machine_id: 0 }).expect(400);
    expect(invalid.body.message).toContain(
      'machine_id must be an integer between 1 and 2147483647',
    );
  });

  it('a draining machine takes no new runs, lets running ones finish, and takes them again when undrained', async () => {
    await stack.startWorker({
      tickMs: 100,
      env: { MACHINE_ID: '801', WORKER_ID: 'd-1', MACHINE_REFRESH_MS: '100' },
    });
    const running = await create({ machine_id: 801 });
    await stack.waitForStatus(running, 'running');

    const drained = await stack.as('admin').post('/machine/801/drain').expect(200);
    expect(drained.body).toMatchObject({ status: 'draining', running: 1 });
    const waiting = await create({ machine_id: 801 });

    await stack.waitForStatus(running, 'finished');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await stack.simulation(waiting)).toMatchObject({
      status: 'pending',
      machine_status: 'draining',
      attempt: 0,
    });

    await stack.as('admin').post('/machine/801/undrain').expect(200);
    expect(await ranOn(waiting)).toEqual(['d-1']);
  });

  it('refuses to delete a machine with work or live workers, and deletes it with its history otherwise', async () => {
    const admin = stack.as('admin');
    const worker = await stack.startWorker({
      tickMs: 5,
      env: { MACHINE_ID: '901', WORKER_ID: 'z-1' },
    });
    const finished = await create({ machine_id: 901 });
    await stack.waitForStatus(finished, 'finished');

    const live = await admin.delete('/machine/901').expect(409);
    expect(live.body.message).toBe('machine 901 has 1 live worker(s); stop them first');
    await worker.close();

    await admin.post('/machine/901/drain').expect(200);
    const pending = await create({ machine_id: 901 });
    const busy = await admin.delete('/machine/901').expect(409);
    expect(busy.body.message).toBe(
      'machine 901 has 1 pending or running simulation(s); cancel them or let them finish first',
    );
    await stack.as('operator').post(`/simulation/${pending}/cancel`).expect(200);

    await admin.delete('/machine/901').expect(204);
    await stack.as('viewer').get('/machine/901').expect(404);
    await stack.as('viewer').get(`/simulation/${finished}`).expect(404);
    await admin.delete('/machine/901').expect(404);
  });

  it('answers 404 for an unknown machine', async () => {
    const { body } = await stack.as('viewer').get('/machine/999').expect(404);
    expect(body.message).toBe('machine 999 not found');
  });
});
