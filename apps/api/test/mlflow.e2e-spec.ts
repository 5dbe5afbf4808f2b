import { Role } from '@app/auth';
import { SimulationLifecycle } from '@app/domain';
import { E2eStack } from '../../../test/e2e-stack';

/**
 * The MLflow-compatible subset, driven with requests shaped as MLflow 3's
 * Python client sends them (mlflow/utils/rest_utils.py call_endpoint: a GET's
 * fields in the query string, a POST's as a JSON body; snake_case names;
 * int64 as JSON numbers; run_uuid beside run_id), in the order its fluent
 * API sends them (mlflow/tracking/fluent.py; docs/mlflow.md lists the calls).
 */
const PREFIX = '/api/2.0/mlflow';
const USER_AGENT = 'mlflow-python-client/3.1.0';

describe('MLflow-compatible REST subset', () => {
  let stack: E2eStack;

  /** MLflow's RestStore: the bearer token is MLFLOW_TRACKING_TOKEN. */
  const client = (token = stack.token(Role.Operator)) => ({
    get: (endpoint: string, query: Record<string, string | number> = {}) =>
      stack.http
        .get(`${PREFIX}/${endpoint}`)
        .query(query)
        .set('User-Agent', USER_AGENT)
        .set('Authorization', `Bearer ${token}`),
    post: (endpoint: string, body: object) =>
      stack.http
        .post(`${PREFIX}/${endpoint}`)
        .set('User-Agent', USER_AGENT)
        .set('Authorization', `Bearer ${token}`)
        .send(body),
  });
  const mlflow = () => client();

  /** mlflow.set_experiment(name): get-by-name, then create and get when it does not exist. */
  async function setExperiment(name: string): Promise<string> {
    const found = await mlflow().get('experiments/get-by-name', { experiment_name: name });
    if (found.status === 200) return found.body.experiment.experiment_id;
    expect(found.status).toBe(404);
    expect(found.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const created = await mlflow().post('experiments/create', { name }).expect(200);
    const id = created.body.experiment_id;
    const got = await mlflow().get('experiments/get', { experiment_id: id }).expect(200);
    expect(got.body.experiment.lifecycle_stage).toBe('active');
    return id;
  }

  /** mlflow.start_run(run_name=…): one runs/create, with the tags its context providers add. */
  async function startRun(experimentId: string, runName?: string, startTime = Date.now()) {
    const body = {
      experiment_id: experimentId,
      user_id: 'alice',
      start_time: startTime,
      tags: [
        { key: 'mlflow.user', value: 'alice' },
        { key: 'mlflow.source.name', value: 'train.py' },
        { key: 'mlflow.source.type', value: 'LOCAL' },
        ...(runName ? [{ key: 'mlflow.runName', value: runName }] : []),
      ],
      ...(runName && { run_name: runName }),
    };
    const answer = await mlflow().post('runs/create', body).expect(200);
    return { run: answer.body.run, body };
  }

  /** mlflow.log_metric in a loop: two runs/get, then runs/log-metric, per call. */
  async function logMetric(
    runId: string,
    key: string,
    value: number | string,
    timestamp: number,
    step: number,
  ) {
    await mlflow().get('runs/get', { run_id: runId }).expect(200);
    await mlflow().get('runs/get', { run_id: runId }).expect(200);
    await mlflow()
      .post('runs/log-metric', { run_uuid: runId, run_id: runId, key, value, timestamp, step })
      .expect(200, {});
  }

  async function history(runId: string, key: string, pageSize = 25_000) {
    const points: Array<{ key: string; value: number | string; timestamp: number; step: number }> =
      [];
    let token: string | undefined;
    do {
      const answer = await mlflow()
        .get('metrics/get-history', {
          run_id: runId,
          run_uuid: runId,
          metric_key: key,
          max_results: pageSize,
          ...(token && { page_token: token }),
        })
        .expect(200);
      points.push(...(answer.body.metrics ?? []));
      token = answer.body.next_page_token;
    } while (token);
    return points;
  }

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
  });

  afterAll(() => stack.close());

  it('runs an MLflow script: set_experiment, start_run, log_params, log_metric in a loop, log_batch, search_runs, get_metric_history, end_run', async () => {
    const experimentId = await setExperiment('digits');
    expect(experimentId).toMatch(/^[1-9]\d*$/);
    // set_experiment again (another script): found by name this time.
    expect(await setExperiment('digits')).toBe(experimentId);

    const startTime = Date.now();
    const { run } = await startRun(experimentId, 'svc-rbf', startTime);
    const runId: string = run.info.run_id;
    expect(run.info).toEqual({
      run_id: runId,
      run_uuid: runId,
      run_name: 'svc-rbf',
      experiment_id: experimentId,
      user_id: 'alice',
      status: 'RUNNING',
      start_time: expect.any(Number),
      artifact_uri: '',
      lifecycle_stage: 'active',
    });
    expect(run.data.tags).toEqual(
      expect.arrayContaining([
        { key: 'mlflow.runName', value: 'svc-rbf' },
        { key: 'mlflow.source.name', value: 'train.py' },
      ]),
    );
    expect(run).toMatchObject({ inputs: {}, outputs: {} });
    const start: number = run.info.start_time;

    // log_params: one log-batch of params.
    await mlflow()
      .post('runs/log-batch', {
        run_id: runId,
        params: [
          { key: 'C', value: '1.5' },
          { key: 'kernel', value: 'rbf' },
          { key: 'gamma', value: '1e-3' },
        ],
      })
      .expect(200, {});

    // log_metric(loss, …, step=i): timestamps that may repeat, as millisecond clocks do.
    const losses: number[] = [];
    for (let step = 0; step < 40; step++) {
      losses.push(1 / (1 + step));
      await logMetric(runId, 'loss', losses[step], start + 5 * Math.floor(step / 2) + 1, step);
    }
    // A diverged value travels as MLflow's JSON writes NaN.
    await logMetric(runId, 'grad_norm', 'NaN', start + 1, 0);

    // log_batch: two metrics at one timestamp, a param and a tag, stored whole.
    const batch = {
      run_id: runId,
      metrics: [
        { key: 'val_acc', value: 0.91, timestamp: start + 300, step: 39 },
        { key: 'val_loss', value: 0.12, timestamp: start + 300, step: 39 },
      ],
      params: [{ key: 'folds', value: '5' }],
      tags: [{ key: 'stage', value: 'eval' }],
    };
    await mlflow().post('runs/log-batch', batch).expect(200, {});
    // Sent again, as the client does after a timeout: stored once.
    await mlflow().post('runs/log-batch', batch).expect(200, {});

    // get_metric_history: every point once, in order, with the timestamps and steps sent.
    const loss = await history(runId, 'loss');
    expect(loss.map((point) => point.value)).toEqual(losses);
    expect(loss.map((point) => point.step)).toEqual(losses.map((_, step) => step));
    expect(loss.map((point) => point.timestamp)).toEqual(
      losses.map((_, step) => start + 5 * Math.floor(step / 2) + 1),
    );
    expect(await history(runId, 'loss', 7)).toEqual(loss);
    expect(await history(runId, 'val_acc')).toEqual([
      { key: 'val_acc', value: 0.91, timestamp: start + 300, step: 39 },
    ]);
    expect(await history(runId, 'grad_norm')).toEqual([
      { key: 'grad_norm', value: 'NaN', timestamp: start + 1, step: 0 },
    ]);
    expect(await history(runId, 'never_logged')).toEqual([]);

    // runs/get: the latest value of each metric, params as text as they were logged.
    const got = (await mlflow().get('runs/get', { run_id: runId }).expect(200)).body.run;
    expect(got.data.metrics).toEqual(
      expect.arrayContaining([
        { key: 'loss', value: losses[39], timestamp: start + 96, step: 39 },
        { key: 'val_loss', value: 0.12, timestamp: start + 300, step: 39 },
      ]),
    );
    expect(got.data.params).toEqual(
      expect.arrayContaining([
        { key: 'C', value: '1.5' },
        { key: 'gamma', value: '1e-3' },
        { key: 'folds', value: '5' },
      ]),
    );
    expect(got.data.tags).toEqual(expect.arrayContaining([{ key: 'stage', value: 'eval' }]));

    // A second run, to search among.
    const other = (await startRun(experimentId, 'svc-linear')).run.info.run_id;
    await mlflow()
      .post('runs/log-batch', {
        run_id: other,
        metrics: [{ key: 'loss', value: 0.7, timestamp: Date.now(), step: 0 }],
        params: [{ key: 'C', value: '0.5' }],
      })
      .expect(200, {});

    // search_runs, as mlflow.search_runs sends it.
    const search = (body: object) =>
      mlflow()
        .post('runs/search', {
          experiment_ids: [experimentId],
          filter: '',
          run_view_type: 'ACTIVE_ONLY',
          max_results: 10000,
          ...body,
        })
        .expect(200);
    const names = (answer: { body: { runs?: Array<{ info: { run_name: string } }> } }) =>
      (answer.body.runs ?? []).map((found) => found.info.run_name);
    // Newest first, MLflow's order.
    expect(names(await search({}))).toEqual(['svc-linear', 'svc-rbf']);
    expect(names(await search({ filter: 'metrics.loss < 0.5' }))).toEqual(['svc-rbf']);
    expect(names(await search({ filter: "params.C = '0.5'" }))).toEqual(['svc-linear']);
    expect(names(await search({ filter: "params.kernel = 'rbf' and metrics.loss < 1" }))).toEqual([
      'svc-rbf',
    ]);
    expect(names(await search({ filter: "tags.mlflow.runName = 'svc-linear'" }))).toEqual([
      'svc-linear',
    ]);
    expect(names(await search({ filter: "attributes.status = 'RUNNING'" }))).toHaveLength(2);
    expect(names(await search({ filter: `attributes.run_id IN ('${runId}')` }))).toEqual([
      'svc-rbf',
    ]);
    expect(names(await search({ filter: "attributes.run_name LIKE 'svc-%'" }))).toHaveLength(2);
    expect(names(await search({ order_by: ['metrics.loss DESC'] }))).toEqual([
      'svc-linear',
      'svc-rbf',
    ]);
    expect(names(await search({ order_by: ['metrics.loss'] }))).toEqual(['svc-rbf', 'svc-linear']);
    expect(names(await search({ experiment_ids: ['0'] }))).toEqual([]);
    // Pages: the client follows next_page_token until there is none.
    const first = await search({ max_results: 1 });
    expect(names(first)).toEqual(['svc-linear']);
    const second = await search({ max_results: 1, page_token: first.body.next_page_token });
    expect(names(second)).toEqual(['svc-rbf']);
    expect(second.body.next_page_token).toBeUndefined();

    // end_run: runs/get, then runs/update.
    await mlflow().get('runs/get', { run_id: runId }).expect(200);
    const endTime = Date.now();
    const ended = await mlflow()
      .post('runs/update', {
        run_uuid: runId,
        run_id: runId,
        status: 'FINISHED',
        end_time: endTime,
      })
      .expect(200);
    expect(ended.body.run_info).toMatchObject({
      run_id: runId,
      status: 'FINISHED',
      end_time: expect.any(Number),
    });
    // Sent again (a retry): the same answer.
    await mlflow()
      .post('runs/update', {
        run_uuid: runId,
        run_id: runId,
        status: 'FINISHED',
        end_time: endTime,
      })
      .expect(200);
    await mlflow()
      .post('runs/update', { run_uuid: other, run_id: other, status: 'FAILED', end_time: endTime })
      .expect(200);
    expect(names(await search({ filter: "attributes.status = 'FAILED'" }))).toEqual(['svc-linear']);

    // The same run through our own API: an external run, finished, its metrics and params there.
    const ours = await stack.simulation(Number(runId));
    expect(ours).toMatchObject({ name: 'svc-rbf', status: 'finished', program: 'external' });
    const metrics = await stack.as(Role.Viewer).get(`/simulation/${runId}/metrics`).expect(200);
    expect(JSON.stringify(metrics.body)).toContain('val_acc');
    const filtered = await stack
      .as(Role.Viewer)
      .get('/simulations')
      .query({ filter: `experiment_id = ${experimentId} AND params.C > 1` })
      .expect(200);
    expect(JSON.stringify(filtered.body)).toContain('svc-rbf');
    expect(JSON.stringify(filtered.body)).not.toContain('svc-linear');

    // After the end: metrics refused (the run is over), tags still set, as MLflow allows.
    const late = await mlflow()
      .post('runs/log-metric', {
        run_id: runId,
        key: 'loss',
        value: 0.01,
        timestamp: Date.now(),
        step: 41,
      })
      .expect(400);
    expect(late.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    await mlflow()
      .post('runs/set-tag', { run_id: runId, key: 'reviewed', value: 'yes' })
      .expect(200, {});
  });

  it('makes one run of a runs/create sent twice (the client resends after a timeout), and puts a run without experiment in the default one, "0"', async () => {
    const body = {
      user_id: 'bob',
      start_time: 1_700_000_000_123,
      tags: [{ key: 'mlflow.user', value: 'bob' }],
    };
    const first = await mlflow().post('runs/create', body).expect(200);
    const again = await mlflow().post('runs/create', body).expect(200);
    expect(again.body.run.info.run_id).toBe(first.body.run.info.run_id);
    expect(first.body.run.info.experiment_id).toBe('0');
    // A name is made up when none is given, and kept in the mlflow.runName tag too.
    const name: string = first.body.run.info.run_name;
    expect(name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    expect(first.body.run.data.tags).toEqual(
      expect.arrayContaining([{ key: 'mlflow.runName', value: name }]),
    );
    const [row] = await stack.db.query(
      `SELECT experiment_id::int, lease_ms, status FROM simulations WHERE simulation_id = $1`,
      [Number(first.body.run.info.run_id)],
    );
    // A lease of its own: an MLflow script sends no heartbeats.
    expect(row).toEqual({ experiment_id: 0, lease_ms: 86_400_000, status: 'running' });
    // Silent ten minutes: an external run on the worker's lease is lost, this one is not.
    const sdkRun = (
      await stack
        .as(Role.Operator)
        .post('/simulation', { name: 'sdk', machine_id: 1, program: 'external' })
        .expect(201)
    ).body.id;
    await stack
      .as(Role.Operator)
      .post(`/simulation/${sdkRun}/start`)
      .set('Authorization', `Bearer ${stack.runToken(sdkRun)}`)
      .expect(200);
    await stack.db.query(
      `UPDATE simulations SET heartbeat_at = now() - interval '10 minutes' WHERE simulation_id = ANY($1)`,
      [[sdkRun, Number(first.body.run.info.run_id)]],
    );
    const lost = await stack.api.get(SimulationLifecycle).recoverLost(20_000);
    expect(lost.map((run) => run.simulationId)).toEqual([sdkRun]);
    const got = await mlflow().get('experiments/get', { experiment_id: '0' }).expect(200);
    expect(got.body.experiment).toMatchObject({
      experiment_id: '0',
      name: 'Default',
      lifecycle_stage: 'active',
    });
  });

  it('answers experiments/create for a name taken with RESOURCE_ALREADY_EXISTS, and searches experiments by name', async () => {
    await mlflow()
      .post('experiments/create', { name: 'sweep-a', tags: [{ key: 'team', value: 'vision' }] })
      .expect(200);
    const taken = await mlflow().post('experiments/create', { name: 'sweep-a' }).expect(400);
    expect(taken.body).toEqual({
      error_code: 'RESOURCE_ALREADY_EXISTS',
      message: "Experiment 'sweep-a' already exists.",
    });
    await mlflow().post('experiments/create', { name: 'sweep-b' }).expect(200);
    const found = await mlflow()
      .post('experiments/search', {
        max_results: 1000,
        filter: "name LIKE 'sweep-%'",
        view_type: 'ACTIVE_ONLY',
      })
      .expect(200);
    expect(
      found.body.experiments.map((experiment: { name: string }) => experiment.name).sort(),
    ).toEqual(['sweep-a', 'sweep-b']);
    const paged = await mlflow()
      .post('experiments/search', { max_results: 1, filter: "name LIKE 'sweep-%'" })
      .expect(200);
    expect(paged.body.experiments).toHaveLength(1);
    expect(paged.body.next_page_token).toEqual(expect.any(String));
    const named = await mlflow()
      .get('experiments/get-by-name', { experiment_name: 'sweep-a' })
      .expect(200);
    expect(named.body.experiment.tags).toEqual([{ key: 'team', value: 'vision' }]);
  });

  it('answers every mistake with MLflow’s error body and a 4xx, never a 5xx its client would retry for minutes', async () => {
    const { run } = await startRun('0', 'mistakes');
    const runId: string = run.info.run_id;
    await mlflow()
      .post('runs/log-batch', { run_id: runId, params: [{ key: 'lr', value: '0.1' }] })
      .expect(200);
    const cases: Array<
      [
        string,
        () => Promise<{ status: number; body: { error_code: string; message: string } }>,
        number,
        string,
        RegExp,
      ]
    > = [
      [
        'no run id',
        () => mlflow().post('runs/log-metric', { key: 'loss', value: 1, timestamp: 1 }),
        400,
        'INVALID_PARAMETER_VALUE',
        /Missing value for required parameter 'run_id'/,
      ],
      [
        'an empty run id',
        () => mlflow().get('runs/get', { run_id: '' }),
        400,
        'INVALID_PARAMETER_VALUE',
        /Missing value for required parameter 'run_id'/,
      ],
      [
        'an unknown run',
        () => mlflow().get('runs/get', { run_id: '99999999' }),
        404,
        'RESOURCE_DOES_NOT_EXIST',
        /Run with id=99999999 not found/,
      ],
      [
        'an MLflow uuid',
        () => mlflow().get('runs/get', { run_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }),
        404,
        'RESOURCE_DOES_NOT_EXIST',
        /not found/,
      ],
      [
        'an unknown experiment',
        () => mlflow().get('experiments/get', { experiment_id: '4242' }),
        404,
        'RESOURCE_DOES_NOT_EXIST',
        /No Experiment with id=4242 exists/,
      ],
      [
        'a run in an unknown experiment',
        () => mlflow().post('runs/create', { experiment_id: '4242' }),
        404,
        'RESOURCE_DOES_NOT_EXIST',
        /4242/,
      ],
      [
        'a value that is no number',
        () =>
          mlflow().post('runs/log-metric', {
            run_id: runId,
            key: 'loss',
            value: 'high',
            timestamp: 1,
          }),
        400,
        'INVALID_PARAMETER_VALUE',
        /'value'/,
      ],
      [
        'a timestamp that is no integer',
        () =>
          mlflow().post('runs/log-metric', {
            run_id: runId,
            key: 'loss',
            value: 1,
            timestamp: 1.5,
          }),
        400,
        'INVALID_PARAMETER_VALUE',
        /'timestamp'/,
      ],
      [
        'a metric key outside the alphabet',
        () =>
          mlflow().post('runs/log-metric', { run_id: runId, key: 'loss!', value: 1, timestamp: 1 }),
        400,
        'INVALID_PARAMETER_VALUE',
        /not a metric name/,
      ],
      [
        'a param given another value',
        () => mlflow().post('runs/log-parameter', { run_id: runId, key: 'lr', value: '0.2' }),
        400,
        'INVALID_PARAMETER_VALUE',
        /params.lr is already 0.1/,
      ],
      [
        'too many metrics in a batch',
        () =>
          mlflow().post('runs/log-batch', {
            run_id: runId,
            metrics: Array.from({ length: 1001 }, (_, i) => ({
              key: 'loss',
              value: i,
              timestamp: i + 1,
              step: i,
            })),
          }),
        400,
        'INVALID_PARAMETER_VALUE',
        /at most 1000/,
      ],
      [
        'a filter MLflow would refuse',
        () => mlflow().post('runs/search', { experiment_ids: ['0'], filter: 'metrics.loss <' }),
        400,
        'INVALID_PARAMETER_VALUE',
        /Invalid filter string/,
      ],
      [
        'an attribute MLflow has not',
        () =>
          mlflow().post('runs/search', {
            experiment_ids: ['0'],
            filter: "attributes.colour = 'red'",
          }),
        400,
        'INVALID_PARAMETER_VALUE',
        /Invalid attribute key/,
      ],
      [
        'a page token not ours',
        () => mlflow().post('runs/search', { experiment_ids: ['0'], page_token: 'xyz' }),
        400,
        'INVALID_PARAMETER_VALUE',
        /Invalid page token/,
      ],
      [
        'max_results beyond MLflow’s bound',
        () => mlflow().post('runs/search', { experiment_ids: ['0'], max_results: 50_001 }),
        400,
        'INVALID_PARAMETER_VALUE',
        /max_results/,
      ],
      [
        'a status MLflow has not',
        () => mlflow().post('runs/update', { run_id: runId, status: 'DONE' }),
        400,
        'INVALID_PARAMETER_VALUE',
        /status/,
      ],
      [
        'a body that is not JSON',
        () =>
          stack.http
            .post(`${PREFIX}/runs/update`)
            .set('Authorization', `Bearer ${stack.token(Role.Operator)}`)
            .set('Content-Type', 'text/plain')
            .send('run_id=1'),
        400,
        'BAD_REQUEST',
        /Content-Type must be/,
      ],
      [
        'no token',
        () => stack.http.get(`${PREFIX}/runs/get`).query({ run_id: runId }),
        401,
        'UNAUTHENTICATED',
        /token/,
      ],
      [
        'a viewer writing',
        () =>
          client(stack.token(Role.Viewer)).post('runs/log-metric', {
            run_id: runId,
            key: 'loss',
            value: 1,
            timestamp: 1,
          }),
        403,
        'PERMISSION_DENIED',
        /role/,
      ],
      [
        'another operator’s run',
        () =>
          client(stack.token(Role.Operator, 600, 'someone-else')).post('runs/log-metric', {
            run_id: runId,
            key: 'loss',
            value: 1,
            timestamp: 1,
          }),
        403,
        'PERMISSION_DENIED',
        /another client/,
      ],
      [
        'a tag that is not there',
        () => mlflow().post('runs/delete-tag', { run_id: runId, key: 'absent' }),
        404,
        'RESOURCE_DOES_NOT_EXIST',
        /No tag with name: absent/,
      ],
    ];
    const wrong: string[] = [];
    for (const [what, send, status, errorCode, message] of cases) {
      const answer = await send();
      if (
        answer.status !== status ||
        answer.body.error_code !== errorCode ||
        !message.test(answer.body.message)
      )
        wrong.push(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    expect(wrong).toEqual([]);
    // Nothing of a refused batch was stored.
    expect(await history(runId, 'loss')).toEqual([]);
  });
});
