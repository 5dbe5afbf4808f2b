import { StatusServer } from '../src/metrics/status-server';
import { E2eStack, eventually } from '../../../test/e2e-stack';

describe("the worker's probes", () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());
  afterEach(() => stack.stopWorkers());

  async function worker(machineId: number) {
    const app = await stack.startWorker({
      tickMs: 20,
      env: { METRICS_PORT: '0', MACHINE_ID: String(machineId), SHUTDOWN_GRACE_MS: '10000' },
    });
    const base = `http://127.0.0.1:${app.get(StatusServer).port}`;
    const probe = async (path: string) => {
      const response = await fetch(`${base}${path}`);
      return { status: response.status, body: await response.json() };
    };
    return { app, base, probe };
  }

  it('is live and ready while Postgres and Redis answer and it takes runs, and not ready while its machine drains', async () => {
    const { probe } = await worker(701);
    expect(await probe('/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await probe('/health/ready')).toEqual({
      status: 200,
      body: { status: 'ok', checks: { postgres: 'up', redis: 'up', consuming: 'up' } },
    });

    await stack.as('admin').post('/machine/701/drain').expect(200);
    const draining = await eventually(
      async () => {
        const answer = await probe('/health/ready');
        return answer.status === 503 ? answer : undefined;
      },
      { what: 'the worker to stop being ready' },
    );
    expect(draining.body).toEqual({
      status: 'error',
      checks: { postgres: 'up', redis: 'up', consuming: 'draining: machine 701' },
    });
    expect((await probe('/health/live')).status).toBe(200);

    await stack.as('admin').post('/machine/701/undrain').expect(200);
    await eventually(
      async () => ((await probe('/health/ready')).status === 200 ? true : undefined),
      {
        what: 'the worker to be ready again',
      },
    );
  });

  it('stops being ready as it shuts down, and stays live while its runs finish', async () => {
    const { app, probe } = await worker(702);
    const { body } = await stack
      .as('operator')
      .post('/simulation', { name: 'slow', machine_id: 702, emulation: { tick_ms: 300 } })
      .expect(201);
    await stack.waitForStatus(body.id, 'running');

    const closing = app.close();
    const shutting = await eventually(
      async () => {
        const answer = await probe('/health/ready');
        return answer.status === 503 ? answer : undefined;
      },
      { what: 'the worker to stop being ready' },
    );
    expect(shutting.body.checks.consuming).toBe('shutting down');
    expect((await probe('/health/live')).status).toBe(200);
    await closing;
    expect((await stack.simulation(body.id)).status).toBe('finished');
  });

  it('answers 404 for another path and 405 for another method', async () => {
    const { base } = await worker(703);
    expect((await fetch(`${base}/health`)).status).toBe(404);
    expect((await fetch(`${base}/health/ready`, { method: 'POST' })).status).toBe(405);
  });
});
