import { Role } from '@app/auth';
import { E2eStack, eventually } from '../../../test/e2e-stack';

/** The value of one sample of a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(match[3]);
    }
  }
  return 0;
}

describe('metrics', () => {
  let stack: E2eStack;
  const scrape = async () => {
    const response = await stack.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return response.text;
  };

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
  });
  afterAll(() => stack.close());

  it('counts requests by route template and status, and times them', async () => {
    const before = await scrape();
    const viewer = stack.as(Role.Viewer);
    for (const id of [901, 902, 903]) await viewer.get(`/simulation/${id}`).expect(404);
    await viewer.get('/machines').expect(200);
    await stack.http.get('/no/such/route').expect(404);
    const after = await scrape();

    const notFound = { method: 'GET', route: '/simulation/:simulation_id', status: '404' };
    expect(
      sample(after, 'http_requests_total', notFound) -
        sample(before, 'http_requests_total', notFound),
    ).toBe(3);
    const machines = { method: 'GET', route: '/machines', status: '200' };
    expect(
      sample(after, 'http_requests_total', machines) -
        sample(before, 'http_requests_total', machines),
    ).toBe(1);
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    expect(
      sample(after, 'http_requests_total', unmatched) -
        sample(before, 'http_requests_total', unmatched),
    ).toBe(1);
    const timed = { method: 'GET', route: '/simulation/:simulation_id' };
    expect(
      sample(after, 'http_request_duration_seconds_count', timed) -
        sample(before, 'http_request_duration_seconds_count', timed),
    ).toBe(3);
    // No series per concrete id.
    expect(after).not.toMatch(/route="\/simulation\/90\d"/);
    // Process and event-loop metrics.
    expect(sample(after, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts runs by outcome on the worker, and shows the service state on the API', async () => {
    const worker = await stack.startWorker({ tickMs: 20, env: { METRICS_PORT: '0' } });
    const workerMetrics = async () => {
      const response = await fetch(`${stack.statusUrlOf(worker)}/metrics`);
      expect(response.status).toBe(200);
      return response.text();
    };
    const before = await workerMetrics();
    const operator = stack.as(Role.Operator);
    const created: number[] = [];
    for (const name of ['m1', 'm2']) {
      const { body } = await operator
        .post('/simulation', { name, machine: { machine_id: 7, name: 'Metrics' } })
        .expect(201);
      created.push(body.id);
    }
    for (const id of created) await stack.waitForStatus(id, 'finished');
    // A slow run, cancelled while it runs.
    const { body: slow } = await operator
      .post('/simulation', { name: 'slow', machine_id: 7, emulation: { tick_ms: 1000 } })
      .expect(201);
    await stack.waitForStatus(slow.id, 'running');
    await operator.post(`/simulation/${slow.id}/cancel`).expect(200);

    const after = await eventually(
      async () => {
        const text = await workerMetrics();
        return sample(text, 'simulation_attempts_ended_total', { outcome: 'cancelled' }) >
          sample(before, 'simulation_attempts_ended_total', { outcome: 'cancelled' })
          ? text
          : undefined;
      },
      { what: 'the cancelled run to be counted' },
    );
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta('simulation_attempts_started_total')).toBe(3);
    expect(delta('simulation_attempts_ended_total', { outcome: 'finished' })).toBe(2);
    expect(delta('simulation_attempts_ended_total', { outcome: 'cancelled' })).toBe(1);
    expect(delta('simulation_run_duration_seconds_count', { outcome: 'finished' })).toBe(2);
    expect(delta('simulation_retries_total')).toBe(0);
    expect(delta('simulation_timeouts_total')).toBe(0);

    const api = await scrape();
    expect(sample(api, 'simulations', { status: 'pending' })).toBe(0);
    expect(sample(api, 'simulations', { status: 'running' })).toBe(0);
    expect(sample(api, 'machine_live_workers', { machine_id: '7' })).toBe(1);
    expect(sample(api, 'machine_pending_simulations', { machine_id: '7' })).toBe(0);
    expect(sample(api, 'machine_heartbeat_age_seconds', { machine_id: 'pool' })).toBeLessThan(30);
    expect(api).toMatch(/^queue_jobs\{machine_id="7",state="waiting"\} 0$/m);

    // Work waiting with no worker to take it shows as pending, with its age.
    await stack.stopWorkers();
    await operator.post('/simulation', { name: 'waits', machine_id: 7 }).expect(201);
    const waiting = await scrape();
    expect(sample(waiting, 'simulations', { status: 'pending' })).toBe(1);
    expect(sample(waiting, 'machine_pending_simulations', { machine_id: '7' })).toBe(1);
    expect(sample(waiting, 'machine_live_workers', { machine_id: '7' })).toBe(0);
    expect(sample(waiting, 'queue_jobs', { machine_id: '7', state: 'waiting' })).toBe(1);
    expect(
      sample(waiting, 'machine_oldest_pending_age_seconds', { machine_id: '7' }),
    ).toBeGreaterThanOrEqual(0);
  });
});
