import { E2eStack, eventually } from '../../../test/e2e-stack';

describe('health: liveness and readiness', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
  });
  afterAll(() => stack.close());

  it('answers liveness without looking at anything else', async () => {
    const { body } = await stack.http.get('/health/live').expect(200);
    expect(body).toEqual({ status: 'ok' });
  });

  it('is ready with Postgres and Redis up, and says whether any worker consumes', async () => {
    const ready = await stack.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: {
        postgres: { status: 'up' },
        redis: { status: 'up' },
        workers: { status: 'up', consuming: false, live_workers: 0, pool_workers: 0 },
      },
    });

    await stack.startWorker({ env: { MACHINE_ID: '101', MACHINE_NAME: 'A' } });
    await stack.startWorker();
    const consuming = await eventually(async () => {
      const { body } = await stack.http.get('/health/ready').expect(200);
      return body.info.workers.live_workers === 2 ? body.info.workers : undefined;
    });
    expect(consuming).toEqual({ status: 'up', consuming: true, live_workers: 2, pool_workers: 1 });

    // A worker that stops cleanly stops counting at once.
    await stack.stopWorkers();
    const { body } = await stack.http.get('/health/ready').expect(200);
    expect(body.info.workers).toMatchObject({ consuming: false, live_workers: 0 });
  });
});
