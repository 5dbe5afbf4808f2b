import { Role, signAccessToken, resolveJwtSettings, type ProjectRoles } from '@app/auth';
import { seedMachine } from '@app/domain/testing';
import { E2eStack } from '../../../test/e2e-stack';

/**
 * Projects: runs grouped, access granted per project, and no way to see
 * across. A run in a project the caller does not see answers exactly as a
 * run that does not exist, whatever the route.
 */
describe('projects: access per project', () => {
  let stack: E2eStack;
  /** A token scoped to these projects (the role claim: the highest, as the token command makes it). */
  const scoped = (subject: string, projects: ProjectRoles) =>
    signAccessToken(resolveJwtSettings(stack.env), {
      role: Object.values(projects).includes(Role.Admin)
        ? Role.Admin
        : Object.values(projects).includes(Role.Operator)
          ? Role.Operator
          : Role.Viewer,
      subject,
      ttlSeconds: 600,
      projects,
    });
  const as = (token: string) => ({
    get: (url: string) => stack.http.get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string, body?: object) =>
      stack.http.post(url).set('Authorization', `Bearer ${token}`).send(body),
    patch: (url: string, body: object) =>
      stack.http.patch(url).set('Authorization', `Bearer ${token}`).send(body),
  });
  let admin: ReturnType<typeof as>;
  let visionOperator: ReturnType<typeof as>;
  let visionViewer: ReturnType<typeof as>;
  let nlpOperator: ReturnType<typeof as>;
  let visionRun: number;
  let defaultRun: number;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
    await seedMachine(stack.db, { machine_id: 102 });
    admin = as(stack.token(Role.Admin));
    visionOperator = as(scoped('alice', { vision: Role.Operator }));
    visionViewer = as(scoped('victor', { vision: Role.Viewer }));
    nlpOperator = as(scoped('nina', { nlp: Role.Operator }));
    await admin.post('/projects', { name: 'vision', machine_ids: [101] }).expect(201);
    await admin.post('/projects', { name: 'nlp', description: 'text models' }).expect(201);
    visionRun = (
      await visionOperator
        .post('/simulation', { name: 'cats', machine_id: 101, program: 'external' })
        .expect(201)
    ).body.id;
    defaultRun = (
      await stack
        .as(Role.Operator)
        .post('/simulation', { name: 'legacy', machine_id: 101 })
        .expect(201)
    ).body.id;
  });

  afterAll(() => stack.close());

  it('puts a run in the only project of its token, or in default for a token without scope', async () => {
    const [row] = await stack.db.query(
      `SELECT s.simulation_id, p.name FROM simulations s JOIN projects p USING (project_id)
       WHERE simulation_id = ANY($1) ORDER BY simulation_id`,
      [[visionRun, defaultRun]],
    );
    expect(row).toEqual({ simulation_id: visionRun, name: 'vision' });
    const projects = await stack.db.query(
      `SELECT p.name FROM simulations s JOIN projects p USING (project_id) WHERE simulation_id = $1`,
      [defaultRun],
    );
    expect(projects).toEqual([{ name: 'default' }]);
    // Every answer names the run's project.
    expect((await visionViewer.get(`/simulation/${visionRun}`).expect(200)).body.project).toBe(
      'vision',
    );
    expect((await admin.get(`/simulation/${defaultRun}`).expect(200)).body.project).toBe('default');
    const listed = (await admin.get('/simulations').expect(200)).body;
    expect(
      Object.fromEntries(
        listed.map((run: { simulation_id: number; project: string }) => [
          run.simulation_id,
          run.project,
        ]),
      ),
    ).toMatchObject({ [visionRun]: 'vision', [defaultRun]: 'default' });
  });

  it('answers a run of a project the caller does not see exactly as a run that does not exist, on every read', async () => {
    const missing = 987654321;
    const probes = [
      (id: number) => `/simulation/${id}`,
      (id: number) => `/simulations/${id}`,
      (id: number) => `/simulation/${id}/metrics`,
      (id: number) => `/simulation/${id}/metrics/loss`,
      (id: number) => `/converge/${id}`,
      (id: number) => `/converge/${id}?format=csv`,
      (id: number) => `/simulation/${id}/logs`,
      (id: number) => `/compare?ids=${id}`,
    ];
    const differences: string[] = [];
    for (const probe of probes) {
      const hidden = await nlpOperator.get(probe(visionRun));
      const absent = await nlpOperator.get(probe(missing));
      const same = (text: string) =>
        text.replace(new RegExp(`\\b(${missing}|${visionRun})\\b`, 'g'), 'N');
      if (
        hidden.status !== absent.status ||
        same(JSON.stringify(hidden.body)) !== same(JSON.stringify(absent.body))
      )
        differences.push(
          `${probe(visionRun)}: ${hidden.status} ${JSON.stringify(hidden.body)} vs ${absent.status} ${JSON.stringify(absent.body)}`,
        );
    }
    expect(differences).toEqual([]);
    // Mixed ids: the hidden one is named among the missing, as if it were.
    const mixed = await nlpOperator.get(`/compare?ids=${defaultRun},${visionRun}`);
    expect(mixed.status).toBe(404);
    // (nina's token has no default project either: both are missing to her.)
    expect(mixed.body.message).toContain(String(visionRun));
    const viewerSees = await visionViewer.get(`/simulation/${visionRun}`).expect(200);
    expect(viewerSees.body.name).toBe('cats');
  });

  it('lists, searches and counts only the projects the caller sees', async () => {
    const listed = async (caller: ReturnType<typeof as>, query = '') => {
      const answer = await caller.get(`/simulations${query}`).expect(200);
      return {
        ids: answer.body.map((run: { simulation_id: number }) => run.simulation_id),
        total: answer.headers['x-total-count'],
      };
    };
    expect(await listed(visionViewer)).toEqual({ ids: [visionRun], total: '1' });
    expect(await listed(nlpOperator)).toEqual({ ids: [], total: '0' });
    expect(await listed(as(stack.token(Role.Viewer)))).toEqual({ ids: [defaultRun], total: '1' });
    expect((await listed(admin)).ids.sort()).toEqual([visionRun, defaultRun].sort());
    expect(await listed(visionViewer, `?filter=${encodeURIComponent("name = 'legacy'")}`)).toEqual({
      ids: [],
      total: '0',
    });
    // A cursor made by a caller who sees more pages through what this caller sees, and no further.
    const first = await admin
      .get('/simulations?order_by=creation_date&order=asc&limit=1')
      .expect(200);
    expect(first.body.map((run: { simulation_id: number }) => run.simulation_id)).toEqual([
      visionRun,
    ]);
    const cursor = encodeURIComponent(first.headers['x-next-cursor']);
    const query = `?order_by=creation_date&order=asc&limit=1&cursor=${cursor}`;
    expect((await listed(admin, query)).ids).toEqual([defaultRun]);
    expect(await listed(visionViewer, query)).toEqual({ ids: [], total: '1' });
  });

  it('lets operators of a project create and change its runs only, on the machines it may use', async () => {
    const elsewhere = await visionOperator.post('/simulation', {
      name: 'x',
      machine_id: 101,
      project: 'nlp',
    });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.message).toBe('project "nlp" not found');
    const wrongMachine = await visionOperator.post('/simulation', { name: 'x', machine_id: 102 });
    expect(wrongMachine.status).toBe(400);
    expect(wrongMachine.body.message).toContain('project "vision" may not use machine 102');
    const viewerCreates = await visionViewer.post('/simulation', { name: 'x', machine_id: 101 });
    expect(viewerCreates.status).toBe(403);
    expect((await nlpOperator.post(`/simulation/${visionRun}/cancel`)).status).toBe(404);
    expect((await visionViewer.post(`/simulation/${visionRun}/cancel`)).status).toBe(403);
    const batch = await nlpOperator.post('/simulations/batch', {
      simulations: [
        { name: 'a', machine_id: 102 },
        { name: 'b', machine_id: 102, project: 'vision' },
      ],
    });
    expect(batch.status).toBe(404);
    expect(batch.body.message).toContain('simulations[1]: project "vision" not found');
  });

  it('keeps installation-wide admin routes for admins without project scope', async () => {
    const projectAdmin = as(scoped('ada', { vision: Role.Admin }));
    const answer = await projectAdmin.post('/machines', { machine_id: 103, name: 'C' });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toContain('without project scope');
    // An admin of the project may cancel anyone's run in it.
    await projectAdmin.post(`/simulation/${visionRun}/cancel`).expect(200);
  });

  it('lists the projects the caller sees, with its role in each; only admins make and change them', async () => {
    const names = (body: Array<{ name: string; role: string }>) =>
      body.map(({ name, role }) => `${name}:${role}`);
    expect(names((await visionViewer.get('/projects').expect(200)).body)).toEqual([
      'vision:viewer',
    ]);
    expect(names((await admin.get('/projects').expect(200)).body)).toEqual([
      'default:admin',
      'nlp:admin',
      'vision:admin',
    ]);
    await nlpOperator.get('/projects/vision').expect(404);
    expect((await visionOperator.post('/projects', { name: 'mine' })).status).toBe(403);
    expect((await admin.post('/projects', { name: 'vision' })).status).toBe(409);
    expect((await admin.post('/projects', { name: 'Bad Name' })).status).toBe(400);
    const changed = await admin
      .patch('/projects/nlp', { max_pending: 1, description: null })
      .expect(200);
    expect(changed.body).toMatchObject({ name: 'nlp', max_pending: 1, description: 'text models' });
  });

  it('holds a project to its pending cap, all its clients together', async () => {
    await nlpOperator.post('/simulation', { name: 'one', machine_id: 102 }).expect(201);
    const other = as(scoped('nick', { nlp: Role.Operator }));
    const over = await other.post('/simulation', { name: 'two', machine_id: 102 });
    expect(over.status).toBe(429);
    expect(over.body.message).toContain('project "nlp" has 1 pending simulations');
  });

  it('counts in a machine’s load only the runs the caller sees, and lists a project’s machines', async () => {
    const pendingOn101 = async (token: ReturnType<typeof as>, query = '') => {
      const machines = (await token.get(`/machines${query}`).expect(200)).body;
      return machines.find((machine: { machine_id: number }) => machine.machine_id === 101)
        ?.pending;
    };
    const [{ vision, every }] = await stack.db.query(
      `SELECT count(*) FILTER (WHERE p.name = 'vision')::int AS vision, count(*)::int AS every
       FROM simulations s JOIN projects p USING (project_id)
       WHERE s.machine_id = 101 AND s.status = 'pending'`,
    );
    expect(every).toBeGreaterThan(vision);
    expect(await pendingOn101(visionViewer)).toBe(vision);
    expect((await visionViewer.get('/machine/101').expect(200)).body.pending).toBe(vision);
    expect(await pendingOn101(admin)).toBe(every);
    // A project's machines: the ones it may use (vision: 101 alone).
    const listed = (await visionViewer.get('/machines?project=vision').expect(200)).body;
    expect(listed.map((machine: { machine_id: number }) => machine.machine_id)).toEqual([101]);
    const other = await visionViewer.get('/machines?project=nlp');
    expect([other.status, other.body.message]).toEqual([404, 'project "nlp" not found']);
    expect((await visionViewer.get('/machines?project=Bad!')).status).toBe(400);
  });

  it('holds a project to its rate budget, all its clients together, and no other project to it', async () => {
    await admin.post('/projects', { name: 'metered', rate_per_minute: 3 }).expect(201);
    const first = as(scoped('mia', { metered: Role.Viewer }));
    const second = as(scoped('max', { metered: Role.Viewer }));
    await first.get('/simulations').expect(200);
    await first.get('/simulations').expect(200);
    const last = await second.get('/simulations').expect(200);
    expect(last.headers['ratelimit-policy']).toBe('"project";q=3;w=60');
    const over = await second.get('/projects');
    expect(over.status).toBe(429);
    expect(over.body.message).toContain(
      'too many requests in project "metered": at most 3 per 60 s',
    );
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Holding a second project does not escape the first's budget.
    expect(
      (await as(scoped('meg', { metered: Role.Viewer, nlp: Role.Viewer })).get('/simulations'))
        .status,
    ).toBe(429);
    await visionViewer.get('/simulations').expect(200);
    // Lifting the budget takes effect at once in the process that changed it.
    await admin.patch('/projects/metered', { rate_per_minute: null }).expect(200);
    await second.get('/simulations').expect(200);
  });

  it('scopes the MLflow subset to the token’s project', async () => {
    const mlflow = (token: string) => ({
      get: (path: string, query: Record<string, string>) =>
        stack.http
          .get(`/api/2.0/mlflow/${path}`)
          .query(query)
          .set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) =>
        stack.http
          .post(`/api/2.0/mlflow/${path}`)
          .set('Authorization', `Bearer ${token}`)
          .send(body),
    });
    // MLflow's runs are on MLFLOW_MACHINE_ID (1), which vision was limited away from.
    await admin.patch('/projects/vision', { machine_ids: null }).expect(200);
    const alice = mlflow(scoped('alice', { vision: Role.Operator }));
    const nina = mlflow(scoped('nina', { nlp: Role.Operator }));
    const { experiment_id } = (
      await alice.post('experiments/create', { name: 'shared-name' }).expect(200)
    ).body;
    // The same name in another project is another experiment.
    const theirs = (await nina.post('experiments/create', { name: 'shared-name' }).expect(200)).body
      .experiment_id;
    expect(theirs).not.toBe(experiment_id);
    expect((await nina.get('experiments/get', { experiment_id }).expect(404)).body.error_code).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
    const run = (
      await alice.post('runs/create', { experiment_id, start_time: Date.now() }).expect(200)
    ).body.run;
    const [row] = await stack.db.query(
      `SELECT p.name FROM simulations s JOIN projects p USING (project_id) WHERE simulation_id = $1`,
      [Number(run.info.run_id)],
    );
    expect(row.name).toBe('vision');
    await nina.get('runs/get', { run_id: run.info.run_id }).expect(404);
    const found = await nina
      .post('runs/search', { experiment_ids: [experiment_id, '0'] })
      .expect(200);
    const ids = (found.body.runs ?? []).map(
      (each: { info: { run_id: string } }) => each.info.run_id,
    );
    expect(ids).not.toContain(run.info.run_id);
  });
});
