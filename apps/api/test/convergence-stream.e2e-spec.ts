import {
  ConvergencePointRepository,
  CurveBuilder,
  SimulationLifecycle,
  SimulationStatus,
} from '@app/domain';
import { curveRefOf, seedMachine, seedSimulation } from '@app/domain/testing';
import { simulationEventsChannel } from '@app/queue';
import http from 'node:http';
import { Role } from '@app/auth';
import { LiveCurveFeeds } from '../src/convergence/live/live-curve-feeds';
import { E2eStack, eventually } from '../../../test/e2e-stack';
import { openEventStream, pointsOf, ServerSentEvent } from '../../../test/sse-client';

describe('GET /converge/{id}/stream (Server-Sent Events)', () => {
  let stack: E2eStack;
  let baseUrl: string;
  let token: string;

  beforeAll(async () => {
    stack = await E2eStack.start();
    baseUrl = await stack.listen();
    token = stack.token(Role.Viewer);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.reset());
  afterEach(() => stack.stopWorkers());

  async function create(emulation: object): Promise<number> {
    const response = await stack
      .as(Role.Operator)
      .post('/simulation', { name: 'streamed', machine: { machine_id: 101, name: 'A' }, emulation })
      .expect(201);
    return response.body.id;
  }

  const stream = (id: number, lastEventId?: string, agent?: http.Agent) =>
    openEventStream(`${baseUrl}/converge/${id}/stream`, token, lastEventId, agent);
  const ended = (events: ServerSentEvent[]) => events.some((event) => event.event === 'end');
  /** Every stored point, through the export (JSON answers sample curves over 10,000 points). */
  const storedCurve = async (id: number) => {
    const response = await stack
      .as(Role.Viewer)
      .get(`/converge/${id}?format=ndjson`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    return (response.body as string)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  };

  /** What the API's /metrics says of the streams it serves now. */
  const streamsOpen = async () => {
    const response = await stack.http.get('/metrics').expect(200);
    return Number(/^live_curve_streams_open (\d+)$/m.exec(response.text)?.[1]);
  };

  it('sends every point exactly once, in order, across a reconnect with Last-Event-ID', async () => {
    await stack.startWorker({ tickMs: 10 });
    const id = await create({ points: 300, tick_ms: 10 });

    const first = stream(id);
    expect(await first.status).toBe(200);
    await first.until((events) => pointsOf(events).length >= 50);
    first.close();
    const lastId = [...first.events].reverse().find((event) => event.id)?.id as string;
    expect(lastId).toMatch(/^1:\d/);
    // Points keep coming while the client is away.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const second = stream(id, lastId);
    await second.until(ended);
    await second.ended;

    const received = [...pointsOf(first.events), ...pointsOf(second.events)];
    const stored = await storedCurve(id);
    expect(stored).toHaveLength(300);
    expect(received).toEqual(stored);
    expect(second.events.at(-1)).toEqual({
      event: 'end',
      data: { attempt: 1, status: 'finished' },
    });
    const statuses = [...first.events, ...second.events]
      .filter((event) => event.event === 'status')
      .map((event) => (event.data as { status: string }).status);
    expect(statuses[statuses.length - 1]).toBe('finished');
    expect(statuses).toContain('running');
  }, 30_000);

  it('sends a finished curve whole, then ends', async () => {
    await stack.startWorker({ tickMs: 1 });
    const id = await create({ points: 12_000, tick_ms: 0 });
    await stack.waitForStatus(id, 'finished', 30_000);

    const connection = stream(id);
    await connection.ended;
    expect(pointsOf(connection.events)).toEqual(await storedCurve(id));
    expect(connection.events.map((event) => event.event)).toEqual([
      'points',
      'points',
      'points',
      'status',
      'end',
    ]);
  }, 40_000);

  it('serves 1,000 concurrent subscribers through one Redis subscription, each getting every point once', async () => {
    const id = await create({ points: 100, tick_ms: 20 });
    const agent = new http.Agent({ maxSockets: Infinity });
    const connections = Array.from({ length: 1_000 }, () => stream(id, undefined, agent));
    expect(new Set(await Promise.all(connections.map((c) => c.status)))).toEqual(new Set([200]));
    await Promise.all(
      connections.map((c) => c.until((events) => events.some((e) => e.event === 'status'))),
    );

    const [, subscriptions] = (await stack.redis.pubsub('NUMSUB', simulationEventsChannel(id))) as [
      string,
      number,
    ];
    expect(subscriptions).toBe(1);
    expect(stack.api.get(LiveCurveFeeds).size).toBe(1);
    expect(await streamsOpen()).toBe(1_000);

    await stack.startWorker({ tickMs: 10 });
    await Promise.all(connections.map((c) => c.until(ended, 30_000)));
    const stored = await storedCurve(id);
    expect(stored).toHaveLength(100);
    for (const connection of connections) expect(pointsOf(connection.events)).toEqual(stored);

    // The last subscriber gone, the subscription goes too.
    await Promise.all(connections.map((c) => c.ended));
    await eventually(async () => (stack.api.get(LiveCurveFeeds).size === 0 ? true : undefined), {
      what: 'feeds to close',
    });
    expect(await streamsOpen()).toBe(0);
    agent.destroy();
  }, 60_000);

  it('fills in from the database what pub/sub never delivered', async () => {
    await seedMachine(stack.db, { machine_id: 101 });
    const { simulation_id: id } = await seedSimulation(stack.db, {
      machine_id: 101,
      status: SimulationStatus.Running,
      attempt: 1,
    });
    const connection = stream(id);
    await connection.until((events) => events.some((e) => e.event === 'status'));

    // Written straight to the database: no event is published for these points.
    const curve = [1, 2, 3].map((seconds) => ({ seconds, loss: 1 / seconds }));
    await stack.api
      .get(ConvergencePointRepository)
      .appendPoints(await curveRefOf(stack.db, id), new CurveBuilder().append(curve));
    await connection.until((events) => pointsOf(events).length === 3, 15_000);
    expect(pointsOf(connection.events)).toEqual(curve);

    await stack.api.get(SimulationLifecycle).finish({ simulationId: id, attempt: 1 });
    await connection.until(ended);
  }, 30_000);

  it('fills in a named metric from the database too, once the attempt has reported it', async () => {
    await seedMachine(stack.db, { machine_id: 101 });
    const { simulation_id: id } = await seedSimulation(stack.db, {
      machine_id: 101,
      status: SimulationStatus.Running,
      attempt: 1,
    });
    const connection = openEventStream(
      `${baseUrl}/simulation/${id}/metrics/val_loss/stream`,
      token,
    );
    await connection.until((events) => events.some((e) => e.event === 'status'));

    // Written straight to the database, loss and val_loss: no event is published for them.
    const ref = await curveRefOf(stack.db, id);
    const curve = [1, 2, 3].map((seconds) => ({ seconds, loss: 1 / seconds, step: seconds * 10 }));
    await stack.api.get(ConvergencePointRepository).appendPointsOfRuns([
      { ref, batch: new CurveBuilder().append(curve.map(({ seconds }) => ({ seconds, loss: 9 }))) },
      { ref, metric: { id: 1, name: 'val_loss' }, batch: new CurveBuilder().append(curve) },
    ]);
    await connection.until((events) => pointsOf(events).length === 3, 15_000);
    expect(pointsOf(connection.events)).toEqual(
      curve.map(({ seconds, loss, step }) => ({ seconds, value: loss, step })),
    );

    await stack.api.get(SimulationLifecycle).finish({ simulationId: id, attempt: 1 });
    await connection.until(ended);
    expect(pointsOf(connection.events)).toHaveLength(3);
  }, 30_000);

  it('applies the same auth as the other endpoints and refuses a bad Last-Event-ID', async () => {
    const id = await create({});
    await stack.http.get(`/converge/${id}/stream`).expect(401);
    const bad = await stack
      .as(Role.Viewer)
      .get(`/converge/${id}/stream`)
      .set('Last-Event-ID', 'yesterday')
      .expect(400);
    expect(bad.body.message).toBe(
      'Last-Event-ID must be an id this stream sent: <attempt>:<seconds>',
    );
    // Longer than any id a stream sends: refused before it is parsed.
    const long = await stack
      .as(Role.Viewer)
      .get(`/converge/${id}/stream`)
      .set('Last-Event-ID', `1:${'9'.repeat(70)}`)
      .expect(400);
    expect(long.body.message).toBe(bad.body.message);
    const missing = await stack.as(Role.Viewer).get('/converge/424242/stream').expect(404);
    expect(missing.body.message).toBe('simulation 424242 not found');
  });
});

describe('GET /converge/{id}/stream at API shutdown', () => {
  it('ends open streams so that the API can close', async () => {
    const stack = await E2eStack.start();
    let connection: ReturnType<typeof openEventStream> | undefined;
    try {
      const baseUrl = await stack.listen();
      const created = await stack
        .as(Role.Operator)
        .post('/simulation', { name: 'waiting', machine: { machine_id: 101, name: 'A' } })
        .expect(201);
      connection = openEventStream(
        `${baseUrl}/converge/${created.body.id}/stream`,
        stack.token(Role.Viewer),
      );
      await connection.until((events) => events.some((event) => event.event === 'status'));
      const closed = await Promise.race([
        stack.api.close().then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5_000).unref()),
      ]);
      expect(closed).toBe('closed');
      await connection.ended;
    } finally {
      connection?.close();
      await stack.close().catch(() => undefined);
    }
  });
});
