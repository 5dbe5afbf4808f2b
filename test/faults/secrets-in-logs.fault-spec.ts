import { createHmac } from 'node:crypto';
import { eventually, FaultStack, report } from './fault-harness';

// The built API and worker at their most verbose, fed every kind of secret
// and token there is; then every line they wrote is searched for them.
describe('secrets and tokens never reach the logs', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.start();
  });
  afterAll(() => stack.stop());

  it('holds for a whole session of token exchanges, bad tokens, runs and refusals', async () => {
    const secrets = {
      jwt: 'log-test-current-key-0123456789abcdefghij',
      previousKey: 'log-test-previous-key-0123456789abcdefgh',
      bootstrap: 'log-test-bootstrap-secret-0123456789abcd',
      databasePassword: 'log-test-db-password-42',
    };
    const env = {
      LOG_LEVEL: 'verbose',
      JWT_SECRET: secrets.jwt,
      JWT_KEY_ID: 'k2',
      JWT_PREVIOUS_KEYS: JSON.stringify([
        {
          kid: 'k1',
          secret: secrets.previousKey,
          until: new Date(Date.now() + 3_600_000).toISOString(),
        },
      ]),
      // The test server trusts local connections, so any password is accepted, and must be hidden.
      DATABASE_URL: stack.databaseUrl.replace('postgres@', `postgres:${secrets.databasePassword}@`),
    };
    const api = await stack.startApi({
      ...env,
      BOOTSTRAP_ADMIN_CLIENT_ID: 'log-test-admin',
      BOOTSTRAP_ADMIN_CLIENT_SECRET: secrets.bootstrap,
    });
    const worker = await stack.startWorker('worker-logs', { ...env, SIMULATION_TICK_MS: '50' });

    const tokens: string[] = [];
    const call = async (method: string, url: string, token?: string, body?: unknown) => {
      const response = await fetch(`${stack.apiUrl}${url}`, {
        method,
        headers: {
          ...(token && { Authorization: `Bearer ${token}` }),
          'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => undefined) };
    };
    const exchange = async (clientId: string, clientSecret: string) => {
      const answer = await call('POST', '/auth/token', undefined, {
        client_id: clientId,
        client_secret: clientSecret,
      });
      if (answer.body?.access_token) tokens.push(answer.body.access_token);
      return answer;
    };

    const admin = (await exchange('log-test-admin', secrets.bootstrap)).body.access_token;
    expect(admin).toEqual(expect.any(String));
    const created = await call('POST', '/auth/clients', admin, { name: 'ops', role: 'operator' });
    expect(created.status).toBe(201);
    const clientSecret: string = created.body.client_secret;
    const operator = (await exchange(created.body.client_id, clientSecret)).body.access_token;
    expect((await exchange(created.body.client_id, `${clientSecret}x`)).status).toBe(401);
    expect((await exchange('nobody', clientSecret)).status).toBe(401);

    // Refused tokens: tampered, signed with the retired key's secret under an unknown kid, alg none.
    const [header, payload] = operator.split('.');
    const forged = `${header}.${payload}.${createHmac('sha256', 'guess').update(`${header}.${payload}`).digest('base64url')}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    for (const bad of [forged, none, `${operator}x`]) {
      tokens.push(bad);
      expect((await call('GET', '/simulations', bad)).status).toBe(401);
    }
    // A token put where it does not belong: the query string and a body.
    expect((await call('GET', `/simulations?access_token=${operator}`, operator)).status).toBe(400);
    expect(
      (await call('POST', '/simulation', operator, { name: operator, machine_id: 'x' })).status,
    ).toBe(400);

    await call('POST', '/machines', admin, { machine_id: 7, name: 'logs' });
    const run = await call('POST', '/simulation', operator, { name: 'logged run', machine_id: 7 });
    expect(run.status).toBe(201);
    await eventually(async () =>
      (await call('GET', `/simulation/${run.body.id}`, operator)).body.status === 'finished'
        ? true
        : undefined,
    );
    await call('POST', `/auth/clients/${created.body.client_id}/disable`, admin);
    expect((await call('GET', '/simulations', operator)).status).toBe(401);

    const lines = [...api.lines, ...worker.lines];
    // Not a search of nothing: the apps logged at verbose level, requests included.
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((line) => /listening on/.test(line))).toBe(true);

    const leaked = (text: string) => lines.filter((line) => line.includes(text));
    const searched = [...Object.values(secrets), clientSecret, ...tokens];
    for (const secret of searched) expect(leaked(secret)).toEqual([]);
    // Nor any part of a JWT (header or payload segment), whatever its origin.
    expect(lines.filter((line) => /eyJ[A-Za-z0-9_-]{8,}/.test(line))).toEqual([]);
    report(
      `${lines.length} log lines at verbose level searched for ${searched.length} secrets and tokens: none found`,
    );
  });
});
