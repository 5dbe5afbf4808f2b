import { Role, resolveJwtSettings, signAccessToken, type ProjectRoles } from '@app/auth';
import { seedMachine } from '@app/domain/testing';
import { servedRoutes } from '../../../test/app-routes';
import { E2eStack } from '../../../test/e2e-stack';

/**
 * The access matrix's project dimension: every route that names a run, for
 * every kind of caller, on a run of a project the caller sees and of one it
 * does not. A caller that does not see the run's project gets exactly the
 * answer a run that does not exist gets (ids aside); one that sees it never
 * does. The routes are read from the running app, so a new one is covered
 * the day it is added.
 */
const MISSING = 987654321;
/** A run's own routes take its run token only (their scope is the run, not a project). */
const RUN_TOKEN_ROUTES = /^POST .*\/(start|metrics|heartbeat|end)$/;

type Caller = { name: string; token: () => string; seesVision: boolean };

describe('access per project: every route that names a run × every kind of caller', () => {
  let stack: E2eStack;
  let url: string;
  let visionRun: number;

  const scoped = (subject: string, projects: ProjectRoles, role: Role) =>
    signAccessToken(resolveJwtSettings(stack.env), { role, subject, ttlSeconds: 600, projects });
  const callers = (): Caller[] => [
    {
      name: 'viewer of vision',
      token: () => scoped('v', { vision: Role.Viewer }, Role.Viewer),
      seesVision: true,
    },
    {
      name: 'operator of vision, its creator',
      token: () => scoped('alice', { vision: Role.Operator }, Role.Operator),
      seesVision: true,
    },
    {
      name: 'admin of vision',
      token: () => scoped('ada', { vision: Role.Admin }, Role.Admin),
      seesVision: true,
    },
    { name: 'admin without scope', token: () => stack.token(Role.Admin), seesVision: true },
    {
      name: 'operator of nlp',
      token: () => scoped('nina', { nlp: Role.Operator }, Role.Operator),
      seesVision: false,
    },
    {
      name: 'admin of nlp',
      token: () => scoped('nat', { nlp: Role.Admin }, Role.Admin),
      seesVision: false,
    },
    {
      name: 'operator without scope (default)',
      token: () => stack.token(Role.Operator),
      seesVision: false,
    },
    {
      name: 'operator of a project that does not exist',
      token: () => scoped('ghost', { ghost: Role.Operator }, Role.Operator),
      seesVision: false,
    },
  ];

  /** One request, as a client would send it; a live stream is read up to its head. */
  async function send(method: string, path: string, token: string) {
    const controller = new AbortController();
    const body = method === 'PATCH' ? JSON.stringify({ set: { reviewed: 'yes' } }) : undefined;
    const response = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body && { 'content-type': 'application/json' }),
      },
      body,
      signal: controller.signal,
    });
    const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
    const text = streaming ? '(a live stream)' : await response.text();
    controller.abort();
    return { status: response.status, text };
  }

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    url = await stack.listen();
    await seedMachine(stack.db, { machine_id: 101 });
    const admin = stack.as(Role.Admin);
    await admin.post('/projects', { name: 'vision' }).expect(201);
    await admin.post('/projects', { name: 'nlp' }).expect(201);
    const alice = scoped('alice', { vision: Role.Operator }, Role.Operator);
    const created = await stack.http
      .post('/simulation')
      .set('Authorization', `Bearer ${alice}`)
      .send({ name: 'in vision', machine_id: 101, program: 'external' })
      .expect(201);
    visionRun = created.body.id;
  });

  afterAll(() => stack.close());

  it('answers a caller that does not see the run as if it did not exist, and one that sees it never so', async () => {
    const routes = servedRoutes(stack.api).filter(
      (route) => route.includes(':simulation_id') && !RUN_TOKEN_ROUTES.test(route),
    );
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const wrong: string[] = [];
    let cells = 0;
    for (const route of routes) {
      const [method, template] = route.split(' ');
      const path = (id: number) =>
        template.replace(':simulation_id', String(id)).replace(':metric', 'loss');
      for (const caller of callers()) {
        const token = caller.token();
        const [hidden, absent] = [
          await send(method, path(visionRun), token),
          await send(method, path(MISSING), token),
        ];
        const same =
          hidden.status === absent.status &&
          hidden.text.replaceAll(String(visionRun), 'N') ===
            absent.text.replaceAll(String(MISSING), 'N');
        cells++;
        // A route its role does not allow is refused before any run is read, whichever run.
        const refusedByRole =
          hidden.status === 403 && /requires the \w+ role; this token has/.test(hidden.text);
        if (caller.seesVision ? same && !refusedByRole : !same)
          wrong.push(
            `${route} as ${caller.name}: ${hidden.status} ${hidden.text.slice(0, 100)} ` +
              `${caller.seesVision ? 'is' : 'is not'} what a missing run gets (${absent.status} ${absent.text.slice(0, 100)})`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(routes.length * callers().length);
  });

  it('answers a run token of another project’s run, on a run of vision, as on a run that does not exist', async () => {
    const nina = scoped('nina', { nlp: Role.Operator }, Role.Operator);
    const created = await stack.http
      .post('/simulation')
      .set('Authorization', `Bearer ${nina}`)
      .send({ name: 'in nlp', machine_id: 101, program: 'external' })
      .expect(201);
    const theirs: string = created.body.run_token;
    for (const route of ['start', 'metrics', 'heartbeat', 'end']) {
      const report = (id: number) =>
        fetch(`${url}/simulation/${id}/${route}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${theirs}`, 'content-type': 'application/json' },
          body: JSON.stringify(
            route === 'metrics'
              ? { sequence: 1, metrics: { loss: [{ value: 1, seconds: 1 }] } }
              : route === 'end'
                ? { status: 'finished', exit_code: 0 }
                : {},
          ),
        }).then(async (response) => ({ status: response.status, text: await response.text() }));
      const [hidden, absent] = [await report(visionRun), await report(MISSING)];
      expect(hidden.status).toBeGreaterThanOrEqual(400);
      expect([hidden.status, hidden.text.replaceAll(String(visionRun), 'N')]).toEqual([
        absent.status,
        absent.text.replaceAll(String(MISSING), 'N'),
      ]);
    }
  });

  it('answers compare and the MLflow routes the same way', async () => {
    const wrong: string[] = [];
    const probes = [
      (id: number) => ['GET', `/compare?ids=${id}`],
      (id: number) => ['GET', `/api/2.0/mlflow/runs/get?run_id=${id}`],
      (id: number) => ['GET', `/api/2.0/mlflow/metrics/get-history?run_id=${id}&metric_key=loss`],
    ];
    for (const probe of probes)
      for (const caller of callers()) {
        const token = caller.token();
        const [method, hiddenPath] = probe(visionRun);
        const [, absentPath] = probe(MISSING);
        const hidden = await send(method, hiddenPath, token);
        const absent = await send(method, absentPath, token);
        const same =
          hidden.status === absent.status &&
          hidden.text.replaceAll(String(visionRun), 'N') ===
            absent.text.replaceAll(String(MISSING), 'N');
        // MLflow's "Default" of a caller scoped to several projects is refused before any run is read.
        if (caller.seesVision === same)
          wrong.push(
            `${hiddenPath} as ${caller.name}: ${hidden.status} ${hidden.text.slice(0, 100)}`,
          );
      }
    expect(wrong).toEqual([]);
  });
});
