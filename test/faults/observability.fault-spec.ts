import { Role } from '@app/auth';
import { eventually, FaultStack } from './fault-harness';

interface LogLine {
  level: string;
  app: string;
  msg: string;
  request_id?: string;
  simulation_id?: number;
  attempt?: number;
  route?: string;
  status?: number;
  duration_ms?: number;
  [key: string]: unknown;
}

/** Every line a process wrote must be one JSON object; answers them parsed. */
function parseLines(lines: string[]): LogLine[] {
  return lines.map((line) => {
    try {
      return JSON.parse(line) as LogLine;
    } catch {
      throw new Error(`not a JSON log line: ${line}`);
    }
  });
}

describe('logs and readiness, on real processes', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.start();
  });
  afterAll(() => stack.stop());

  it('writes JSON lines, one per request, and a request id sent in follows the run into the worker', async () => {
    const api = await stack.startApi();
    const worker = await stack.startWorker('worker-logs', { SIMULATION_TICK_MS: '20' });
    const requestId = 'trace-4f1c2a-create';

    const response = await fetch(`${stack.apiUrl}/simulation`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${stack.token(Role.Admin)}`,
        'Content-Type': 'application/json',
        'X-Request-Id': requestId,
      },
      body: JSON.stringify({ name: 'traced', machine: { machine_id: 5, name: 'Traced' } }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const { id } = (await response.json()) as { id: number };
    await worker.waitForLog(/finished in/);

    // A request without an id gets one made up, and told.
    const anonymous = await fetch(`${stack.apiUrl}/machines`, {
      headers: { Authorization: `Bearer ${stack.token()}` },
    });
    expect(anonymous.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // One that is not a plausible id (too long) is replaced, not echoed.
    const hostile = await fetch(`${stack.apiUrl}/machines`, {
      headers: { Authorization: `Bearer ${stack.token()}`, 'X-Request-Id': 'x'.repeat(200) },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const apiLines = parseLines(api.lines);
    const workerLines = parseLines(worker.lines);
    const requestLine = apiLines.find((line) => line.request_id === requestId && line.route);
    expect(requestLine).toMatchObject({
      level: 'info',
      app: 'api',
      method: 'POST',
      route: '/simulation',
      url: '/simulation',
      status: 201,
      msg: expect.stringMatching(/^POST \/simulation 201 \d+ ms$/),
    });
    expect(requestLine!.duration_ms).toEqual(expect.any(Number));

    const runLines = workerLines.filter((line) => line.simulation_id === id);
    expect(runLines.length).toBeGreaterThanOrEqual(2);
    for (const line of runLines)
      expect(line).toMatchObject({ app: 'worker', request_id: requestId });
    expect(runLines.find((line) => /finished in/.test(line.msg))).toMatchObject({ attempt: 1 });
    // Printed so the suite's output shows one request's lines across both processes.
    process.stderr.write(
      `  [fault figure] request ${requestId}:\n` +
        [requestLine, ...runLines].map((line) => `    ${JSON.stringify(line)}`).join('\n') +
        '\n',
    );
  });

  it('is not ready while Redis or Postgres is down, and ready again once it is back', async () => {
    if (!stack.apps.some((app) => app.name === 'api')) await stack.startApi();
    const ready = async () => {
      const response = await fetch(`${stack.apiUrl}/health/ready`, {
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, body: await response.json() };
    };
    const becomes = (status: number) =>
      eventually(async () => {
        const answer = await ready();
        return answer.status === status ? answer.body : undefined;
      });
    expect((await ready()).status).toBe(200);

    await stack.killRedis();
    expect(await becomes(503)).toMatchObject({ error: { redis: { status: 'down' } } });
    expect((await fetch(`${stack.apiUrl}/health/live`)).status).toBe(200);
    await stack.startRedis();
    expect(await becomes(200)).toMatchObject({ info: { redis: { status: 'up' } } });

    await stack.stopPostgres();
    expect(await becomes(503)).toMatchObject({ error: { postgres: { status: 'down' } } });
    expect((await fetch(`${stack.apiUrl}/health/live`)).status).toBe(200);
    await stack.startPostgres();
    expect(await becomes(200)).toMatchObject({ info: { postgres: { status: 'up' } } });
  });
});
