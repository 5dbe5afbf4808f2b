import {
  ConvergencePointRepository,
  CurveBuilder,
  RunReportRepository,
  SimulationLifecycle,
} from '@app/domain';
import { DataSource } from 'typeorm';
import { runDataDatesOf, seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack, eventually } from '../../../test/e2e-stack';
import { openEventStream, pointsOf } from '../../../test/sse-client';

/** Three metrics with steps, as a training loop would report them. */
function trainingPoints(from: number, count: number) {
  return Array.from({ length: count }, (_, k) => {
    const step = (from + k) * 10;
    const seconds = (from + k) * 0.5;
    return [
      { metric: 'loss', value: 1 / (1 + step / 100), seconds, step },
      { metric: 'val_loss', value: 1.1 / (1 + step / 120), seconds, step },
      { metric: 'val_acc', value: step / (step + 200), seconds, step },
    ];
  }).flat();
}

describe('external runs: created with a run token, reporting from anywhere', () => {
  let stack: E2eStack;
  const operator = () => stack.as(Role.Operator);
  const withToken = (token: string) => ({
    post: (path: string, body?: object) =>
      stack.http.post(path).set('Authorization', `Bearer ${token}`).send(body),
    get: (path: string) => stack.http.get(path).set('Authorization', `Bearer ${token}`),
  });
  const stored = async (id: number) =>
    (
      await stack.db.query(
        `SELECT count(*)::int AS n FROM convergence_points WHERE simulation_id = $1`,
        [id],
      )
    )[0].n as number;

  async function createExternal(body: object = {}) {
    const { body: created } = await operator()
      .post('/simulation', { name: 'train', machine_id: 101, program: 'external', ...body })
      .expect(201);
    expect(created).toEqual({
      id: expect.any(Number),
      status: 'pending',
      run_token: expect.any(String),
    });
    return { id: created.id as number, token: created.run_token as string };
  }

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    await stack.startWorker({ tickMs: 50 });
  });

  afterAll(() => stack.close());

  it('reports three metrics with steps, params and tags, then finishes, and reads back exactly', async () => {
    const { id, token } = await createExternal({ params: { lr: 0.01 } });
    const run = withToken(token);
    const started = await run.post(`/simulation/${id}/start`).expect(200);
    expect(started.body).toMatchObject({ simulation_id: id, status: 'running', attempt: 1 });
    await run.post(`/simulation/${id}/start`).expect(200); // again: the same answer

    const first = trainingPoints(1, 100);
    const report = {
      sequence: 1,
      points: first,
      params: { lr: 0.01, batch: 32, optimizer: 'adam' },
      tags: { stage: 'train' },
    };
    const answer = await run.post(`/simulation/${id}/metrics`, report).expect(200);
    expect(answer.body).toEqual({ sequence: 1, points: 300, duplicate: false });
    // Sent again (a lost answer): stored once.
    const again = await run.post(`/simulation/${id}/metrics`, report).expect(200);
    expect(again.body).toEqual({ sequence: 1, points: 300, duplicate: true });
    expect(await stored(id)).toBe(300);
    // Another report under a used number.
    const reused = await run
      .post(`/simulation/${id}/metrics`, { sequence: 1, points: trainingPoints(101, 1) })
      .expect(409);
    expect(reused.body.message).toMatch(/^sequence 1 was already used for a different report/);
    const second = trainingPoints(101, 100);
    await run.post(`/simulation/${id}/metrics`, { sequence: 2, points: second }).expect(200);
    expect(await stored(id)).toBe(600);

    const ended = await run
      .post(`/simulation/${id}/end`, { status: 'finished', exit_code: 0 })
      .expect(200);
    expect(ended.body).toMatchObject({ status: 'finished', program: 'external', exit_code: 0 });
    await run.post(`/simulation/${id}/end`, { status: 'finished', exit_code: 0 }).expect(200);
    const late = await run
      .post(`/simulation/${id}/metrics`, { sequence: 3, points: trainingPoints(201, 1) })
      .expect(409);
    expect(late.body.message).toBe(
      `simulation ${id} has ended (finished): it takes no more reports`,
    );

    const viewer = stack.as(Role.Viewer);
    const metrics = (await viewer.get(`/simulation/${id}/metrics`).expect(200)).body;
    expect(metrics.map((metric: { name: string }) => metric.name)).toEqual([
      'loss',
      'val_acc',
      'val_loss',
    ]);
    const all = [...first, ...second];
    for (const name of ['loss', 'val_loss', 'val_acc']) {
      const series = all.filter((point) => point.metric === name);
      const { body } = await viewer.get(`/simulation/${id}/metrics/${name}`).expect(200);
      expect(body.data).toEqual(
        series.map(({ seconds, value, step }) => ({ seconds, value, step })),
      );
      const summary = metrics.find((metric: { name: string }) => metric.name === name);
      expect(summary).toMatchObject({
        count: 200,
        last: series[199].value,
        last_step: 2000,
        by_step: true,
        max: Math.max(...series.map((point) => point.value)),
      });
    }
    const contract = (await viewer.get(`/converge/${id}`).expect(200)).body;
    expect(contract.data).toEqual(
      all
        .filter((point) => point.metric === 'loss')
        .map(({ seconds, value }) => ({ seconds, loss: value })),
    );
    const detail = await stack.simulation(id);
    expect(detail.params).toEqual({ lr: 0.01, batch: 32, optimizer: 'adam' });
    expect(detail.tags).toEqual({ stage: 'train' });
    expect(await runDataDatesOf(stack.db, id)).toEqual({ rows: 4, withRunDate: 4 });
    const found = await viewer
      .get(
        `/simulations?filter=${encodeURIComponent('metrics.val_acc.max > 0.9 AND params.batch = 32')}`,
      )
      .expect(200);
    expect(found.body.map((row: { simulation_id: number }) => row.simulation_id)).toEqual([id]);
  });

  it('stores a report whole or not at all, and names what it refuses', async () => {
    const { id, token } = await createExternal({ params: { lr: 0.01 } });
    const run = withToken(token);
    const early = await run
      .post(`/simulation/${id}/metrics`, { sequence: 1, points: trainingPoints(1, 1) })
      .expect(409);
    expect(early.body.message).toBe(
      `simulation ${id} has not started: POST /simulation/${id}/start first`,
    );
    await run.post(`/simulation/${id}/start`).expect(200);
    await run
      .post(`/simulation/${id}/metrics`, { sequence: 1, points: trainingPoints(1, 10) })
      .expect(200);
    // val_acc goes back in time: the loss points beside it are not stored either.
    const back = await run
      .post(`/simulation/${id}/metrics`, {
        sequence: 2,
        points: [
          { metric: 'loss', value: 0.1, seconds: 100 },
          { metric: 'val_acc', value: 0.5, seconds: 1 },
        ],
      })
      .expect(409);
    expect(back.body.message).toMatch(/^metric "val_acc": a point at 1 s comes after one at 5 s/);
    const changed = await run
      .post(`/simulation/${id}/metrics`, {
        sequence: 3,
        points: [{ metric: 'loss', value: 0.1, seconds: 100 }],
        params: { lr: 0.02 },
      })
      .expect(409);
    expect(changed.body.message).toMatch(/^params\.lr is already 0\.01; params are written once/);
    expect(await stored(id)).toBe(30);

    const malformed = await run
      .post(`/simulation/${id}/metrics`, {
        sequence: -1,
        points: [
          { metric: 'loss', value: 'not a number' },
          { metric: 'bad"name', value: 1 },
          { metric: 'loss', value: 1, seconds: 0, step: 1.5, extra: true },
        ],
      })
      .expect(400);
    expect(malformed.body.details).toEqual([
      'sequence must be a whole number ≥ 0 that numbers this report among the run’s reports',
      'points[0].value must be a number, or "NaN", "Infinity" or "-Infinity"',
      expect.stringMatching(/^points\[1\]\.metric must be a metric name/),
      'points[2]: "extra" is not a field of a point',
      'points[2].seconds must be a number > 0 (seconds since the run started)',
      'points[2].step must be a whole number ≥ 0',
    ]);
    // Points without seconds get their time of arrival, in order.
    await run
      .post(`/simulation/${id}/metrics`, {
        sequence: 4,
        points: [
          { metric: 'lr', value: 0.01, step: 1 },
          { metric: 'lr', value: 0.005, step: 2 },
        ],
      })
      .expect(200);
    const lr = (await stack.as(Role.Viewer).get(`/simulation/${id}/metrics/lr`).expect(200)).body;
    expect(lr.data.map((point: { step: number }) => point.step)).toEqual([1, 2]);
    expect(lr.data[1].seconds).toBeGreaterThan(lr.data[0].seconds);
  });

  it('carries NaN and ±Infinity as their names, and samples and summarises around them', async () => {
    const { id, token } = await createExternal();
    const run = withToken(token);
    await run.post(`/simulation/${id}/start`).expect(200);
    const values = [1, 'NaN', 3, 'Infinity', 5, '-Infinity', 'NaN', 2];
    await run
      .post(`/simulation/${id}/metrics`, {
        sequence: 1,
        points: values.map((value, k) => ({ metric: 'grad_norm', value, seconds: k + 1 })),
      })
      .expect(200);
    const viewer = stack.as(Role.Viewer);
    const whole = (await viewer.get(`/simulation/${id}/metrics/grad_norm`).expect(200)).body;
    expect(whole.data.map((point: { value: unknown }) => point.value)).toEqual(values);
    // Two buckets of four: means of their finite values; extremes pass over NaN.
    const sampled = (
      await viewer
        .get(`/simulation/${id}/metrics/grad_norm?points=2&scale=linear&agg=minmax`)
        .expect(200)
    ).body;
    expect(sampled.meta.downsampled).toBe(true);
    const mean = (
      await viewer
        .get(`/simulation/${id}/metrics/grad_norm?points=2&scale=linear&agg=mean`)
        .expect(200)
    ).body;
    for (const point of mean.data)
      expect(typeof point.value === 'number' || point.value === 'NaN').toBe(true);
    expect(mean.data.some((point: { value: unknown }) => point.value === 2)).toBe(true); // (1 + 3) / 2
    expect(sampled.data.every((point: { value_min: unknown }) => point.value_min !== null)).toBe(
      true,
    );
    const [summary] = (await viewer.get(`/simulation/${id}/metrics`).expect(200)).body;
    expect(summary).toMatchObject({
      name: 'grad_norm',
      count: 8,
      last: 2,
      min: '-Infinity',
      max: 'Infinity',
    });
    const ndjson = await viewer
      .get(`/simulation/${id}/metrics/grad_norm?format=ndjson&to=2`)
      .expect(200);
    expect(ndjson.text).toBe('{"seconds":1,"value":1}\n{"seconds":2,"value":"NaN"}\n');
    const csv = await viewer
      .get(`/simulation/${id}/metrics/grad_norm?format=csv&from=4&to=6`)
      .expect(200);
    expect(csv.text).toBe('seconds,value,step\n4,Infinity,\n5,5,\n6,-Infinity,\n');
    const bad = await run
      .post(`/simulation/${id}/metrics`, {
        sequence: 2,
        points: [{ metric: 'grad_norm', value: 'nan', seconds: 9 }],
      })
      .expect(400);
    expect(bad.body.message).toBe(
      'points[0].value must be a number, or "NaN", "Infinity" or "-Infinity"',
    );
  });

  it('takes a long report as an NDJSON stream: 10,000 points of three metrics in one transaction', async () => {
    const { id, token } = await createExternal();
    await withToken(token).post(`/simulation/${id}/start`).expect(200);
    const points = trainingPoints(1, 10_000 / 3 + 1).slice(0, 10_000);
    const stream =
      [
        JSON.stringify({ sequence: 1, tags: { source: 'ndjson' } }),
        ...points.map((p) => JSON.stringify(p)),
      ].join('\n') + '\n';
    const send = (body: string) =>
      stack.http
        .post(`/simulation/${id}/metrics`)
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/x-ndjson')
        .send(body);
    expect((await send(stream).expect(200)).body).toEqual({
      sequence: 1,
      points: 10_000,
      duplicate: false,
    });
    expect((await send(stream).expect(200)).body).toEqual({
      sequence: 1,
      points: 10_000,
      duplicate: true,
    });
    expect(await stored(id)).toBe(10_000);
    const metrics = (await stack.as(Role.Viewer).get(`/simulation/${id}/metrics`).expect(200)).body;
    expect(metrics.map((m: { name: string; count: number }) => [m.name, m.count])).toEqual([
      ['loss', 3334],
      ['val_acc', 3333],
      ['val_loss', 3333],
    ]);
    const broken = await send(
      '{"sequence":2}\n{"metric":"loss","value":1}\nnot json\n[1]\n',
    ).expect(400);
    expect(broken.body.details).toEqual(['line 3 is not JSON', 'line 4 must be a JSON object']);
    const withPoints = await send('{"sequence":2,"points":[]}\n').expect(400);
    expect(withPoints.body.message).toBe(
      'line 1 is the report without its points: each point goes on a line of its own',
    );
    // As JSON, at most 10,000 points: the answer says where more go.
    const many = await withToken(token)
      .post(`/simulation/${id}/metrics`, {
        sequence: 3,
        points: Array.from({ length: 10_001 }, (_, k) => ({
          metric: 'x',
          value: k,
          seconds: 9_000 + k,
        })),
      })
      .expect(400);
    expect(many.body.message).toBe(
      'points holds 10001 points; at most 10000 are accepted in one report (send more as an NDJSON stream)',
    );
    expect(await stored(id)).toBe(10_000);
  });

  it('streams its loss live as it reports, and ends the stream when it ends', async () => {
    const { id, token } = await createExternal();
    const run = withToken(token);
    await run.post(`/simulation/${id}/start`).expect(200);
    const baseUrl = await stack.listen();
    const stream = openEventStream(`${baseUrl}/converge/${id}/stream`, stack.token(Role.Viewer));
    try {
      await stream.until((events) => events.some((event) => event.event === 'status'));
      await run
        .post(`/simulation/${id}/metrics`, { sequence: 1, points: trainingPoints(1, 5) })
        .expect(200);
      await stream.until((events) => pointsOf(events).length === 5);
      await run
        .post(`/simulation/${id}/metrics`, {
          sequence: 2,
          points: [...trainingPoints(6, 5), { metric: 'loss', value: 'NaN', seconds: 100 }],
        })
        .expect(200);
      await run.post(`/simulation/${id}/end`, { status: 'finished', exit_code: 0 }).expect(200);
      await stream.ended;
      const expected = trainingPoints(1, 10)
        .filter((point) => point.metric === 'loss')
        .map(({ seconds, value }) => ({ seconds, loss: value as number | string }));
      expected.push({ seconds: 100, loss: 'NaN' });
      expect(pointsOf(stream.events)).toEqual(expected);
      expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: { status: 'finished' } });
    } finally {
      stream.close();
    }
  });

  it('announces a long batch live rather than carrying it: streams read it from the database', async () => {
    const { id, token } = await createExternal();
    const run = withToken(token);
    await run.post(`/simulation/${id}/start`).expect(200);
    const baseUrl = await stack.listen();
    const stream = openEventStream(
      `${baseUrl}/simulation/${id}/metrics/val_acc/stream`,
      stack.token(Role.Viewer),
    );
    try {
      await stream.until((events) => events.some((event) => event.event === 'status'));
      // 3,000 points of val_acc: past LIVE_EVENT_MAX_POINTS, and the run goes on.
      const points = trainingPoints(1, 3_000);
      await run.post(`/simulation/${id}/metrics`, { sequence: 1, points }).expect(200);
      // Sooner than the quiet check (QUIET_CHECK_MS) would find them.
      await stream.until((events) => pointsOf(events).length === 3_000, 3_000);
      expect(pointsOf(stream.events)).toEqual(
        points
          .filter((point) => point.metric === 'val_acc')
          .map(({ seconds, value, step }) => ({ seconds, value, step })),
      );
      expect(stream.events.some((event) => event.event === 'end')).toBe(false);
    } finally {
      stream.close();
    }
  });

  it('streams any metric live, waiting for one not reported yet; an ended run without it is a 404', async () => {
    const { id, token } = await createExternal();
    const run = withToken(token);
    await run.post(`/simulation/${id}/start`).expect(200);
    const baseUrl = await stack.listen();
    const viewer = stack.token(Role.Viewer);
    const metricStream = (name: string, lastEventId?: string) =>
      openEventStream(`${baseUrl}/simulation/${id}/metrics/${name}/stream`, viewer, lastEventId);
    const valAcc = (points: ReturnType<typeof trainingPoints>) =>
      points
        .filter((point) => point.metric === 'val_acc')
        .map(({ seconds, value, step }) => ({ seconds, value, step }));
    // Opened before the run has reported val_acc: it waits for it.
    const live = metricStream('val_acc');
    try {
      expect(await live.status).toBe(200);
      await live.until((events) => events.some((event) => event.event === 'status'));
      await run
        .post(`/simulation/${id}/metrics`, { sequence: 1, points: trainingPoints(1, 5) })
        .expect(200);
      await live.until((events) => pointsOf(events).length === 5);
      const lastId = [...live.events].reverse().find((event) => event.id)?.id;
      expect(lastId).toBe('1:2.5');
      // A client back with its Last-Event-ID gets the rest and nothing twice.
      const resumed = metricStream('val_acc', '1:1.5');
      await run
        .post(`/simulation/${id}/metrics`, { sequence: 2, points: trainingPoints(6, 5) })
        .expect(200);
      await run.post(`/simulation/${id}/end`, { status: 'finished', exit_code: 0 }).expect(200);
      await live.ended;
      await resumed.ended;
      expect(pointsOf(live.events)).toEqual(valAcc(trainingPoints(1, 10)));
      expect(pointsOf(resumed.events)).toEqual(valAcc(trainingPoints(4, 7)));
      expect(live.events.at(-1)).toMatchObject({ event: 'end', data: { status: 'finished' } });
    } finally {
      live.close();
    }
    // After the end: the whole metric, then `end`; one it never reported is a 404 naming it.
    const replay = metricStream('val_acc');
    await replay.ended;
    expect(pointsOf(replay.events)).toEqual(valAcc(trainingPoints(1, 10)));
    const missing = await stack.as(Role.Viewer).get(`/simulation/${id}/metrics/lr/stream`);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('no metric "lr"');
  });

  it('lets a run token do nothing but report for its own run', async () => {
    const mine = await createExternal();
    const theirs = await createExternal();
    const run = withToken(mine.token);
    const other = await run.post(`/simulation/${theirs.id}/start`).expect(403);
    expect(other.body.message).toBe(
      `this token reports for simulation ${mine.id}, not simulation ${theirs.id}`,
    );
    await run.get(`/simulation/${mine.id}`).expect(403);
    await run.get('/simulations').expect(403);
    await run.post('/simulation', { name: 'x', machine_id: 101 }).expect(403);
    // An account token cannot report.
    await operator().post(`/simulation/${mine.id}/start`).expect(403);
    // An emulated run has no run token and takes no reports.
    const emulated = await operator()
      .post('/simulation', { name: 'e', machine_id: 101 })
      .expect(201);
    expect(emulated.body).not.toHaveProperty('run_token');
  });

  /** What the run stores of each metric, and what one builder of each whole series makes. */
  async function storedAndExpected(id: number, points: ReturnType<typeof trainingPoints>) {
    const metrics = ['loss', 'val_acc', 'val_loss'];
    const stored = {
      cells: await stack.db.query(
        `SELECT m.name AS metric, c.level, c.block, c.min_loss AS min, c.max_loss AS max
         FROM convergence_summaries c
         JOIN run_metrics m USING (simulation_id, attempt, metric_id)
         WHERE c.simulation_id = $1 ORDER BY m.name, c.level, c.block`,
        [id],
      ),
      points: await stack.db.query(
        `SELECT m.name AS metric, p.seq, p.seconds, p.loss AS value, p.cum_loss, p.cum_seconds
         FROM convergence_points p
         JOIN run_metrics m USING (simulation_id, attempt, metric_id)
         WHERE p.simulation_id = $1 ORDER BY m.name, p.seq`,
        [id],
      ),
    };
    const wholes = metrics.map((metric) => ({
      metric,
      batch: new CurveBuilder().append(
        points
          .filter((point) => point.metric === metric)
          .map(({ seconds, value }) => ({ seconds, loss: value })),
      ),
    }));
    const expected = {
      cells: wholes.flatMap(({ metric, batch }) =>
        batch.cells
          .map(({ level, block, minLoss, maxLoss }) => ({
            metric,
            level,
            block,
            min: minLoss,
            max: maxLoss,
          }))
          .sort((a, b) => a.level - b.level || a.block - b.block),
      ),
      points: wholes.flatMap(({ metric, batch }) =>
        batch.points.map(({ seq, seconds, loss, cumLoss, cumSeconds }) => ({
          metric,
          seq,
          seconds,
          value: loss,
          cum_loss: cumLoss,
          cum_seconds: cumSeconds,
        })),
      ),
    };
    return { stored, expected };
  }

  it('stores the summary cells one builder of the whole series would, however the reports cut it', async () => {
    const { id, token } = await createExternal();
    const run = withToken(token);
    await run.post(`/simulation/${id}/start`).expect(200);
    const points = trainingPoints(1, 2_000);
    // Reports ending inside blocks of every level, so later ones go on with open cells; the
    // last one makes more new cells than go with the statement (its cells go by COPY).
    const cuts = [0, 37 * 3, 600 * 3, 601 * 3, 2_000 * 3];
    for (let k = 1; k < cuts.length; k++)
      await run
        .post(`/simulation/${id}/metrics`, {
          sequence: k,
          points: points.slice(cuts[k - 1], cuts[k]),
        })
        .expect(200);
    const { stored, expected } = await storedAndExpected(id, points);
    expect(stored).toEqual(expected);
  });

  it('reads a series back when another process wrote to it since its last report here', async () => {
    const { id, token } = await createExternal();
    const run = withToken(token);
    await run.post(`/simulation/${id}/start`).expect(200);
    const points = trainingPoints(1, 30);
    await run
      .post(`/simulation/${id}/metrics`, { sequence: 1, points: points.slice(0, 30) })
      .expect(200);
    // Another API process: its own repository, so its own kept tails.
    const elsewhere = new RunReportRepository(
      stack.api.get(DataSource).manager,
      stack.api.get(ConvergencePointRepository),
    );
    await elsewhere.report(
      { simulationId: id, attempt: 1 },
      { sequence: 2, hash: 'elsewhere', points: points.slice(30, 60) },
    );
    // This process's tails of the run are stale now: it must see that, and read them back.
    await run
      .post(`/simulation/${id}/metrics`, { sequence: 3, points: points.slice(60) })
      .expect(200);
    const { stored, expected } = await storedAndExpected(id, points);
    expect(stored).toEqual(expected);
  });

  describe('reports arriving together (group commit)', () => {
    /** A repository of its own (another process's, as it were): its group commit sees only these. */
    const repository = () =>
      new RunReportRepository(
        stack.api.get(DataSource).manager,
        stack.api.get(ConvergencePointRepository),
      );
    const startedRuns = async (count: number) => {
      const runs = [];
      for (let k = 0; k < count; k++) {
        const { id, token } = await createExternal();
        await withToken(token).post(`/simulation/${id}/start`).expect(200);
        runs.push(id);
      }
      return runs;
    };
    /** The transactions that wrote each run's points and report records, by run. */
    const writers = async (
      ids: number[],
    ): Promise<Array<{ id: number; points: string[]; reports: string[] }>> =>
      stack.db.query(
        `SELECT simulation_id::int AS id,
                array_agg(DISTINCT xmin::text) AS points,
                (SELECT array_agg(DISTINCT b.xmin::text) FROM run_batches b
                 WHERE b.simulation_id = p.simulation_id) AS reports
         FROM convergence_points p WHERE simulation_id = ANY($1)
         GROUP BY simulation_id ORDER BY simulation_id`,
        [ids],
      );

    it('stores the reports of different runs in one transaction, each answered as its own', async () => {
      const ids = await startedRuns(4);
      const reports = repository();
      const answers = await Promise.all(
        ids.map((id, k) =>
          reports.report(
            { simulationId: id, attempt: 1 },
            { sequence: 1, hash: `together ${k}`, points: trainingPoints(1, 10 * (k + 1)) },
          ),
        ),
      );
      expect(answers.map((answer) => [answer.duplicate, answer.points])).toEqual([
        [false, 30],
        [false, 60],
        [false, 90],
        [false, 120],
      ]);
      const written = await writers(ids);
      const transactions = new Set(written.flatMap((run) => [...run.points, ...run.reports]));
      expect(written.map((run) => run.id)).toEqual(ids);
      expect(transactions.size).toBe(1);
      for (const [k, id] of ids.entries()) expect(await stored(id)).toBe(30 * (k + 1));
    });

    it('answers a refused report among them with its own 409, storing the others as if it were not there', async () => {
      const [ended, backwards, good, alsoGood] = await startedRuns(4);
      await stack.db.query(
        `UPDATE simulations SET status = 'finished', finished_at = now() WHERE simulation_id = $1`,
        [ended],
      );
      const reports = repository();
      const report = (id: number, points: ReturnType<typeof trainingPoints>) =>
        reports.report(
          { simulationId: id, attempt: 1 },
          { sequence: 1, hash: `mixed ${id}`, points },
        );
      const answers = await Promise.allSettled([
        report(ended, trainingPoints(1, 5)),
        // Refused only once its points are read: its transaction is rolled back and the others
        // are stored again without it.
        report(backwards, [...trainingPoints(2, 1), ...trainingPoints(1, 1)]),
        report(good, trainingPoints(1, 5)),
        report(alsoGood, trainingPoints(1, 7)),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([
        'rejected',
        'rejected',
        'fulfilled',
        'fulfilled',
      ]);
      expect((answers[0] as PromiseRejectedResult).reason.message).toMatch(
        /has ended \(finished\)/,
      );
      expect((answers[1] as PromiseRejectedResult).reason.message).toMatch(
        /a metric's points go forward in time/,
      );
      expect(await stored(ended)).toBe(0);
      expect(await stored(backwards)).toBe(0);
      expect(await stored(good)).toBe(15);
      expect(await stored(alsoGood)).toBe(21);
      // The refused report's sequence number is still free: the same number with good points is stored.
      const retried = await report(backwards, trainingPoints(1, 2));
      expect(retried).toMatchObject({ duplicate: false, points: 6 });
    });

    it("stores a report that waited for another process to store its run's first metrics", async () => {
      const [id] = await startedRuns(1);
      const points = trainingPoints(1, 20);
      // Two API processes, each with its own group commit and kept tails.
      const [here, elsewhere] = [repository(), repository()];
      // The run's row held, so that both reports' statements begin before either can lock it:
      // the second then reads the run as it was before the first stored its metrics.
      const holder = stack.api.get(DataSource).createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM simulations WHERE simulation_id = $1 FOR UPDATE`, [id]);
      /** Statements waiting for a lock: the first for the holder's transaction, the next for the row. */
      const waiting = async () =>
        (await stack.db.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`))[0]
          .n as number;
      const first = here.report(
        { simulationId: id, attempt: 1 },
        { sequence: 1, hash: 'first', points: points.slice(0, 30) },
      );
      await eventually(async () => ((await waiting()) >= 1 ? true : undefined));
      const second = elsewhere.report(
        { simulationId: id, attempt: 1 },
        { sequence: 2, hash: 'second', points: points.slice(30) },
      );
      await eventually(async () => ((await waiting()) >= 2 ? true : undefined));
      await holder.commitTransaction();
      await holder.release();
      expect(await Promise.all([first, second])).toEqual([
        expect.objectContaining({ duplicate: false, points: 30 }),
        expect.objectContaining({ duplicate: false, points: 30 }),
      ]);
      const { stored: series, expected } = await storedAndExpected(id, points);
      expect(series).toEqual(expected);
    });

    it("stores one run's reports one after the other, in the order they came", async () => {
      const [id] = await startedRuns(1);
      const reports = repository();
      const points = trainingPoints(1, 40);
      await Promise.all(
        [0, 1, 2, 3].map((k) =>
          reports.report(
            { simulationId: id, attempt: 1 },
            { sequence: k + 1, hash: `ordered ${k}`, points: points.slice(k * 30, k * 30 + 30) },
          ),
        ),
      );
      const [run] = await writers([id]);
      expect(run.reports).toHaveLength(4);
      const { stored: series, expected } = await storedAndExpected(id, points);
      expect(series).toEqual(expected);
    });
  });

  it('keeps its lease with every report, a resent one too', async () => {
    const { id, token } = await createExternal();
    const run = withToken(token);
    await run.post(`/simulation/${id}/start`).expect(200);
    const heartbeat = async () =>
      (
        await stack.db.query(
          `SELECT extract(epoch FROM now() - heartbeat_at)::float8 AS age FROM simulations
           WHERE simulation_id = $1`,
          [id],
        )
      )[0].age as number;
    const ageBack = () =>
      stack.db.query(
        `UPDATE simulations SET heartbeat_at = now() - interval '1 hour' WHERE simulation_id = $1`,
        [id],
      );
    const report = { sequence: 1, points: trainingPoints(1, 2) };
    await ageBack();
    await run.post(`/simulation/${id}/metrics`, report).expect(200);
    expect(await heartbeat()).toBeLessThan(60);
    await ageBack();
    const resent = await run.post(`/simulation/${id}/metrics`, report).expect(200);
    expect(resent.body.duplicate).toBe(true);
    expect(await heartbeat()).toBeLessThan(60);
    // A refused report changes nothing, the lease included.
    await ageBack();
    await run.post(`/simulation/${id}/metrics`, { ...report, points: [] }).expect(409);
    expect(await heartbeat()).toBeGreaterThan(3_000);
  });

  it('is never taken by a worker, is failed as lost when it stops reporting, and retries with a new token', async () => {
    const { id, token } = await createExternal();
    const emulated = await operator()
      .post('/simulation', { name: 'e', machine_id: 101 })
      .expect(201);
    await stack.waitForStatus(emulated.body.id, 'finished');
    expect(await stack.simulation(id)).toMatchObject({ status: 'pending', attempt: 0 });

    await withToken(token).post(`/simulation/${id}/start`).expect(200);
    await withToken(token).post(`/simulation/${id}/heartbeat`).expect(204);
    await stack.api.get(SimulationLifecycle).recoverLost(0);
    expect(await stack.simulation(id)).toMatchObject({ status: 'failed', failure_reason: 'lost' });
    const lost = await withToken(token).post(`/simulation/${id}/heartbeat`).expect(409);
    expect(lost.body.message).toBe(`simulation ${id} has ended (failed): it takes no more reports`);

    const retried = await operator().post(`/simulation/${id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', run_token: expect.any(String) });
    const stale = await withToken(token).post(`/simulation/${id}/start`).expect(409);
    expect(stale.body.message).toBe(
      `attempt 1 of simulation ${id} was superseded (the run was retried): report with the token of the current attempt (a retry answers it)`,
    );
    const next = withToken(retried.body.run_token);
    const restarted = await next.post(`/simulation/${id}/start`).expect(200);
    expect(restarted.body).toMatchObject({ status: 'running', attempt: 2 });
    const superseded = await withToken(token)
      .post(`/simulation/${id}/metrics`, { sequence: 1, points: [] })
      .expect(409);
    expect(superseded.body.message).toBe(
      `attempt 1 of simulation ${id} was superseded by attempt 2: report with the token of the current attempt (a retry answers it)`,
    );
    await next
      .post(`/simulation/${id}/end`, { status: 'failed', exit_code: 137, reason: 'killed' })
      .expect(200);
    expect(await stack.simulation(id)).toMatchObject({
      status: 'failed',
      exit_code: 137,
      failure_reason: 'killed',
    });
  });

  it('cancels like any run, and answers a replayed create with a token for the same attempt', async () => {
    const key = { 'Idempotency-Key': 'external-once' };
    const first = await stack.http
      .post('/simulation')
      .set('Authorization', `Bearer ${stack.token(Role.Operator)}`)
      .set(key)
      .send({ name: 'once', machine_id: 101, program: 'external' })
      .expect(201);
    const replay = await stack.http
      .post('/simulation')
      .set('Authorization', `Bearer ${stack.token(Role.Operator)}`)
      .set(key)
      .send({ name: 'once', machine_id: 101, program: 'external' })
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    await withToken(replay.body.run_token).post(`/simulation/${first.body.id}/start`).expect(200);
    await operator().post(`/simulation/${first.body.id}/cancel`).expect(200);
    const after = await withToken(first.body.run_token)
      .post(`/simulation/${first.body.id}/heartbeat`)
      .expect(409);
    expect(after.body.message).toBe(
      `simulation ${first.body.id} has ended (cancelled): it takes no more reports`,
    );
    const budget = await operator()
      .post('/simulation', { name: 'x', machine_id: 101, program: 'external', attempt_budget: 3 })
      .expect(400);
    expect(budget.body.message).toMatch(/^attempt_budget must be 1 for program "external"/);
  });
});
