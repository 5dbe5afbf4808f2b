import Redis from 'ioredis';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '@app/auth';
import { openEventStream, pointsOf } from '../sse-client';
import { eventually, FaultStack, RedisBackend } from './fault-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../../scripts/lib/local-services');

const PASSWORD = 'redis-tls-password';
const machine = { machine_id: 7, name: 'tls' };

/** A throwaway CA and a certificate it signed for 127.0.0.1, made with openssl. */
function makeCertificates(dir: string): { ca: string; cert: string; key: string } {
  const openssl = services.ensureDebianCommand('openssl', 'openssl');
  const file = (name: string) => path.join(dir, name);
  const run = (...args: string[]) => execFileSync(openssl, args, { stdio: 'ignore' });
  run(
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=test CA'],
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  );
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  );
  fs.writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  run(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    file('san.ext'),
    '-out',
    file('server.crt'),
  );
  return { ca: file('ca.crt'), cert: file('server.crt'), key: file('server.key') };
}

/** Redis serving TLS only (its plain port closed), with a password. */
async function startTlsRedis(): Promise<RedisBackend & { port: number; ca: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisim-redis-tls-'));
  const tls = makeCertificates(dir);
  const redis = await services.startRedis({
    dir: path.join(dir, 'redis'),
    port: await services.freePort(),
    password: PASSWORD,
    tls,
  });
  return {
    port: redis.port,
    ca: tls.ca,
    // Node trusts the test CA as an operator would trust a private one.
    environment: {
      REDIS_URL: `rediss://:${PASSWORD}@127.0.0.1:${redis.port}/0`,
      NODE_EXTRA_CA_CERTS: tls.ca,
    },
    async stop() {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('Redis over TLS (rediss://)', () => {
  let redis: RedisBackend & { port: number; ca: string };
  let stack: FaultStack;

  beforeEach(async () => {
    redis = await startTlsRedis();
    stack = await FaultStack.start({ redis });
  });

  afterEach(() => stack.stop());

  it('carries the queue, the live curve and the rate limits: a run streams to the end, the budget is kept', async () => {
    await stack.startApi({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '30' });
    await stack.startWorker('worker-tls', { SIMULATION_TICK_MS: '100' });
    expect((await stack.request('GET', '/health')).status).toBe(200);

    const created = await stack.request('POST', '/simulation', {
      body: { name: 'over TLS', machine, emulation: { points: 20, tick_ms: 100 } },
    });
    expect(created.status).toBe(201);
    const stream = openEventStream(
      `${stack.apiUrl}/converge/${created.body.id}/stream`,
      stack.token(),
    );
    await stream.until((events) => events.some((event) => event.event === 'end'), 30_000);
    expect(pointsOf(stream.events)).toHaveLength(20);
    expect(stream.events.at(-1)?.data).toEqual({ attempt: 1, status: 'finished' });

    // The client budget lives in Redis: spent over TLS, it answers 429.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await stack.request('GET', '/simulations', { role: Role.Viewer })).status);
    // The viewer opened the stream: 29 of its 30 remain.
    expect(statuses).toEqual([...Array(29).fill(200), ...Array(11).fill(429)]);
    // And the API settled what it counted with Redis, over TLS: the viewer's 30 are there.
    const client = new Redis(redis.environment.REDIS_URL!, {
      tls: { ca: fs.readFileSync(redis.ca) },
    });
    try {
      await eventually(
        async () => {
          const keys = await client.keys('rate-limit:client:*:hits');
          const counts = keys.length ? (await client.mget(...keys)).map(Number) : [];
          return Math.max(0, ...counts) === 30 ? true : undefined;
        },
        { timeoutMs: 5_000, what: "the viewer's 30 requests to be counted in Redis" },
      );
    } finally {
      client.disconnect();
    }
  });

  it('refuses a server whose certificate it does not trust: /health says Redis is down, creates still answer 201', async () => {
    await stack.startApi({ NODE_EXTRA_CA_CERTS: '' });
    await eventually(async () =>
      (await stack.request('GET', '/health')).status === 503 ? true : undefined,
    );
    const health = await stack.request('GET', '/health');
    expect(health.body.error).toMatchObject({ redis: { status: 'down' } });
    const created = await stack.request('POST', '/simulation', {
      body: { name: 'untrusted', machine },
    });
    expect(created.status).toBe(201);
  });
});
