// `npm run test:fuzz`: requests generated from the OpenAPI document the API
// serves — valid and broken bodies, parameters and headers, from every kind of
// caller — sent to the real API on real Postgres and Redis. Fails on any 5xx
// and on any answer the document does not allow. FUZZ_REQUESTS sets the count
// (10,000 by default), FUZZ_SEED replays a run.
import fc, { Arbitrary } from 'fast-check';
import { Role } from '@app/auth';
import { E2eStack } from '../e2e-stack';
import { OpenApiContract, OpenApiDocument, OpenApiOperation } from '../openapi-contract';
import { HOSTILE_STRINGS, pathologicalJson, SchemaArbitraries } from './schema-arbitrary';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const PARALLEL = 4;

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
}

interface Fixtures {
  machineIds: number[];
  simulationIds: number[];
  client: { id: string; secret: string };
  tokens: Record<string, string>;
}

describe(`fuzzing the API from its OpenAPI document (${REQUESTS} requests, seed ${SEED})`, () => {
  let stack: E2eStack;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    baseUrl = await stack.listen();
  });
  afterAll(() => stack.close());

  it('never answers 5xx, and every answer matches the document', async () => {
    // Printed first, so a failing run can be replayed with FUZZ_SEED.
    process.stdout.write(`fuzz: ${REQUESTS} requests, seed ${SEED} (replay: FUZZ_SEED=${SEED})\n`);
    // Read through supertest, not fetch: fetch would keep its connection for the requests below,
    // and drawing them takes seconds of a blocked event loop, past the server's keep-alive, so the
    // first ones went out on a connection the server had closed (ECONNRESET).
    const document = (await stack.http.get('/docs-json').expect(200)).body as OpenApiDocument & {
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    const contract = new OpenApiContract(document);
    const fixtures = await arrangeFixtures(stack);
    const requests = fc.sample(requestArbitrary(document, fixtures), {
      seed: SEED,
      numRuns: REQUESTS,
    });

    const problems = new Map<string, { count: number; example: FuzzRequest }>();
    const statuses = new Map<number, number>();
    let next = 0;
    const created = new Set<number>();
    const record = (request: FuzzRequest, { status, found, body }: Sent) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201 && request.path === '/simulation' && body) {
        const id = (JSON.parse(body) as { id?: unknown }).id;
        if (typeof id === 'number') created.add(id);
      }
      for (const problem of found) {
        const seen = problems.get(problem);
        if (seen) seen.count++;
        else problems.set(problem, { count: 1, example: request });
      }
    };
    const sendAll = async (queue: FuzzRequest[]) => {
      while (next < queue.length) {
        const request = queue[next++];
        record(request, await send(baseUrl, contract, request));
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: PARALLEL }, () => sendAll(requests)));
    // Creates at the edges of every declared range (and well-formed otherwise), so that what
    // the API accepts is then read back every way below.
    const createSchema =
      document.paths['/simulation']?.post?.requestBody?.content['application/json']?.schema;
    const edgeCreates = createSchema
      ? fc
          .sample(creationArbitrary(document, fixtures, createSchema), {
            seed: SEED,
            numRuns: Math.min(300, Math.ceil(REQUESTS / 10)),
          })
          .map((body): FuzzRequest => ({
            method: 'POST',
            path: '/simulation',
            query: '',
            headers: {
              Authorization: `Bearer ${fixtures.tokens.admin}`,
              'Content-Type': 'application/json',
            },
            body: JSON.stringify(body),
          }))
      : [];
    next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, () => sendAll(edgeCreates)));
    // What the accepted creates (their values at the ends of every range among them) do to
    // the requests that come after: every simulation the fuzz made is read back every way.
    const readBack = [...created].slice(0, 300).flatMap((id) =>
      [
        `/simulation/${id}`,
        `/converge/${id}`,
        `/converge/${id}?scale=log&points=10`,
        `/converge/${id}?format=csv`,
        `/converge/${id}?format=ndjson`,
        `/simulations?machine_id=${fixtures.machineIds[id % 3]}&limit=5`,
      ].map((path): FuzzRequest => {
        const [pathname, query = ''] = path.split('?');
        return {
          method: 'GET',
          path: pathname,
          query: query ? `?${query}` : '',
          headers: { Authorization: `Bearer ${fixtures.tokens.admin}` },
        };
      }),
    );
    next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, () => sendAll(readBack)));
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    process.stdout.write(
      `fuzz: sent ${requests.length} requests, ${edgeCreates.length} creates at the edges and ${readBack.length} reads of the ${created.size} simulations they made in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `statuses ${histogram.join(' ')}\n`,
    );

    const report = [...problems].map(
      ([problem, { count, example }]) =>
        `${problem} (×${count})\n    e.g. ${JSON.stringify(example).slice(0, 600)}`,
    );
    expect(report).toEqual([]);
    expect(requests.length).toBe(REQUESTS);
  });
});

/** A few machines, simulations and a client, so valid-looking requests reach real rows. */
async function arrangeFixtures(stack: E2eStack): Promise<Fixtures> {
  const admin = stack.as(Role.Admin);
  const machineIds = [101, 102, 103];
  for (const id of machineIds) {
    await admin.post('/machines', { machine_id: id, name: `fuzz machine ${id}` }).expect(201);
  }
  const simulationIds: number[] = [];
  for (const machineId of machineIds) {
    const { body } = await stack
      .as(Role.Operator, 'fuzz-operator')
      .post('/simulation', { name: `fuzz ${machineId}`, machine_id: machineId })
      .expect(201);
    simulationIds.push(body.id);
  }
  await stack
    .as(Role.Operator, 'fuzz-operator')
    .post(`/simulation/${simulationIds[0]}/cancel`)
    .expect(200);
  const { body: client } = await admin
    .post('/auth/clients', { name: 'fuzz', role: 'operator' })
    .expect(201);
  return {
    machineIds,
    simulationIds,
    client: { id: client.client_id, secret: client.client_secret },
    tokens: {
      viewer: stack.token(Role.Viewer),
      operator: stack.token(Role.Operator, 600, 'fuzz-operator'),
      otherOperator: stack.token(Role.Operator, 600, 'someone-else'),
      admin: stack.token(Role.Admin),
      expired: stack.token(Role.Admin, -60),
    },
  };
}

function requestArbitrary(document: OpenApiDocument, fixtures: Fixtures): Arbitrary<FuzzRequest> {
  const schemas = schemaArbitrariesOf(document);
  const operations = Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ template, method, operation })),
  );
  // Names a valid request would carry: the rows that exist, and a few that do not.
  const hints: Record<string, Arbitrary<unknown>> = {
    simulation_id: fc.oneof(
      fc.constantFrom(...fixtures.simulationIds),
      fc.integer({ min: 1, max: 2_147_483_647 }),
    ),
    machine_id: fc.oneof(
      fc.constantFrom(...fixtures.machineIds),
      fc.integer({ min: 1, max: 2_147_483_647 }),
    ),
    client_id: fc.oneof(
      fc.constant(fixtures.client.id),
      fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
    ),
    client_secret: fc.oneof(fc.constant(fixtures.client.secret), fc.string({ maxLength: 80 })),
  };
  return fc
    .constantFrom(...operations)
    .chain(({ template, method, operation }) =>
      fc.record({
        method: fc.constant(method.toUpperCase()),
        path: pathArbitrary(template, operation, schemas, hints),
        query: queryArbitrary(operation, schemas, hints),
        headers: headersArbitrary(fixtures),
        body: bodyArbitrary(operation, schemas, hints),
      }),
    )
    .map(({ body, headers, ...rest }) => ({
      ...rest,
      headers: { ...headers, ...(body?.contentType ? { 'Content-Type': body.contentType } : {}) },
      // fetch cannot send a body with GET; any other method may carry one.
      body: rest.method === 'GET' ? undefined : body?.text,
    }));
}

/** Valid create bodies, their values drawn towards the ends of each range, on the fixtures' machines. */
/** Arbitraries over the document's own component schemas. */
function schemaArbitrariesOf(document: OpenApiDocument): SchemaArbitraries {
  return new SchemaArbitraries(
    (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>,
  );
}

function creationArbitrary(
  document: OpenApiDocument,
  fixtures: Fixtures,
  schema: Record<string, unknown>,
): Arbitrary<unknown> {
  const schemas = schemaArbitrariesOf(document);
  // The rules between fields that a schema cannot say: a machine named twice, and the
  // attempt budget under both its names, must agree.
  return schemas
    .valid(schema, { machine_id: fc.constantFrom(...fixtures.machineIds) })
    .map((value) => {
      const body = { ...(value as Record<string, unknown>) };
      const machine = body.machine as { machine_id?: number } | undefined;
      if (machine && body.machine_id !== undefined)
        body.machine = { ...machine, machine_id: body.machine_id };
      if (body.attempt_budget !== undefined && body.max_attempts !== undefined)
        body.max_attempts = body.attempt_budget;
      return body;
    });
}

function pathArbitrary(
  template: string,
  operation: OpenApiOperation,
  schemas: SchemaArbitraries,
  hints: Record<string, Arbitrary<unknown>>,
): Arbitrary<string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  if (!names.length) return fc.constant(template);
  const values = names.map((name) => {
    const schema =
      operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema ?? {};
    return (
      fc
        .oneof(
          { weight: 4, arbitrary: schemas.valid(schema, hints, name) },
          { weight: 2, arbitrary: schemas.invalid(schema) },
        )
        .map(asText)
        // `.` and `..` are no segment a URL carries (`/metrics/.` is sent as `/metrics/`, another
        // route), percent-encoded or not; run keys refuse them for that reason.
        .filter((text) => text !== '.' && text !== '..')
        .map((text) => encodeURIComponent(text))
    );
  });
  return fc.tuple(...values).map((encoded) => {
    let index = 0;
    return template.replace(/\{\w+\}/g, () => encoded[index++]);
  });
}

function queryArbitrary(
  operation: OpenApiOperation,
  schemas: SchemaArbitraries,
  hints: Record<string, Arbitrary<unknown>>,
): Arbitrary<string> {
  const parameters = (operation.parameters ?? []).filter((p) => p.in === 'query');
  const pairs = parameters.map((parameter) => {
    const schema = parameter.schema ?? {};
    return fc.option(
      fc
        .oneof(
          { weight: 3, arbitrary: schemas.valid(schema, hints, parameter.name) },
          { weight: 1, arbitrary: schemas.invalid(schema) },
        )
        .map((value) => `${parameter.name}=${encodeURIComponent(asText(value))}`),
      { freq: 2 },
    );
  });
  const unknown = fc.option(
    fc.constantFrom('colour=red', 'limit=1&limit=2', 'order_by[]=name', '__proto__=1', 'a=%ZZ'),
    { freq: 8 },
  );
  return fc.tuple(fc.tuple(...pairs), unknown).map(([chosen, extra]) => {
    const parts = [...chosen, extra].filter((part): part is string => !!part);
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

/** A header sent with one request in ten. */
const rarely = <T>(value: Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

const printable = fc.string({ maxLength: 60 }).filter((value) => /^[\x20-\x7e]*$/.test(value));

function headersArbitrary(fixtures: Fixtures): Arbitrary<Record<string, string>> {
  const authorization = fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 8,
      arbitrary: fc.constantFrom(
        ...['viewer', 'operator', 'otherOperator', 'admin'].map(
          (name) => `Bearer ${fixtures.tokens[name]}`,
        ),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.constant(`Bearer ${fixtures.tokens.expired}`),
        fc.constant(`Bearer ${fixtures.tokens.admin.slice(0, -3)}abc`),
        fc.constant(`Basic ${Buffer.from('admin:admin').toString('base64')}`),
        printable.map((value) => `Bearer ${value}`),
        printable,
      ),
    },
  );
  return fc
    .record(
      {
        Authorization: authorization,
        'Idempotency-Key': fc.oneof(
          fc.uuid(),
          printable,
          fc.constant('k'.repeat(300)),
          fc.constantFrom(...HOSTILE_STRINGS.filter((s) => /^[\x20-\x7e]*$/.test(s))),
        ),
        Accept: fc.constantFrom(
          'application/json',
          'text/csv',
          'text/event-stream',
          '*/*',
          'image/png',
        ),
        'Last-Event-ID': fc.oneof(fc.constantFrom('1:0.5', '0:0', '99:1e9', '-1:-1'), printable),
        'X-Forwarded-For': fc.constantFrom('10.0.0.1', 'not-an-address', '1.1.1.1, 2.2.2.2'),
        'X-Request-Id': rarely(fc.oneof(fc.uuid(), printable, fc.constant('r'.repeat(2_000)))),
        Origin: rarely(fc.constantFrom('https://evil.example', 'null', 'http://localhost:5173')),
        Cookie: rarely(
          fc.oneof(
            fc.constant(`aisim_admin_session=${fixtures.tokens.admin}`),
            printable.map((value) => `aisim_admin_session=${value}`),
            printable,
          ),
        ),
        // Said of a body that is not compressed: most bodies must still reach validation.
        'Content-Encoding': rarely(fc.constantFrom('gzip', 'br', 'identity', 'x-unknown')),
      },
      { requiredKeys: [] },
    )
    .map(
      (headers) =>
        Object.fromEntries(
          Object.entries(headers).filter(([, value]) => value !== undefined),
        ) as Record<string, string>,
    );
}

interface GeneratedBody {
  text: string;
  contentType?: string;
}

function bodyArbitrary(
  operation: OpenApiOperation,
  schemas: SchemaArbitraries,
  hints: Record<string, Arbitrary<unknown>>,
): Arbitrary<GeneratedBody | undefined> {
  const json = (value: unknown): GeneratedBody => ({
    text: JSON.stringify(value) ?? 'null',
    contentType: 'application/json',
  });
  const broken: Array<{ weight: number; arbitrary: Arbitrary<GeneratedBody | undefined> }> = [
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{', '{"name":', '[1,2', 'null', '"text"', '\u0000', '{"a":1}}')
        .map((text) => ({ text, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        text: JSON.stringify({ name: 'x'.repeat(20_000) }),
        contentType: 'application/json',
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'application/json; charset=latin1',
        )
        .map((contentType) => ({ text: 'name=x&machine_id=1', contentType })),
    },
  ];
  const schema = operation.requestBody?.content['application/json']?.schema;
  broken.push({
    weight: 2,
    arbitrary: pathologicalJson(
      schema ? schemas.valid(schema, hints) : fc.jsonValue({ maxDepth: 2 }),
    ).map((text) => ({ text, contentType: 'application/json' })),
  });
  if (!schema) return fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, ...broken);
  return fc.oneof(
    { weight: 6, arbitrary: schemas.valid(schema, hints).map(json) },
    { weight: 4, arbitrary: schemas.invalid(schema).map(json) },
    ...broken,
  );
}

interface Sent {
  status: number;
  found: string[];
  body?: string;
}

async function send(
  baseUrl: string,
  contract: OpenApiContract,
  request: FuzzRequest,
): Promise<Sent> {
  const response = await fetch(`${baseUrl}${request.path}${request.query}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const contentType = response.headers.get('content-type') ?? undefined;
  let body: string | undefined;
  if (contentType?.startsWith('text/event-stream')) {
    await response.body?.cancel(); // a live stream: its status and type are what can be checked
  } else body = await response.text();
  if (response.status >= 500) {
    const where = contract.templateFor(request.path) ?? request.path.slice(0, 80);
    const problem = `${request.method} ${where} answered ${response.status}: ${body?.slice(0, 200)}`;
    return { status: response.status, found: [problem], body };
  }
  const found = contract.check({
    method: request.method,
    path: request.path,
    status: response.status,
    contentType,
    body: body === '' ? undefined : body,
  });
  return { status: response.status, found, body };
}

/** How a value reads in a URL: objects and arrays as JSON (some have no prototype to print with). */
function asText(value: unknown): string {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
}
