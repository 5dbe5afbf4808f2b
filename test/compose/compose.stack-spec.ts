import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { MIGRATIONS } from '../../libs/domain/src/database/migrations';
import { eventually } from '../faults/fault-harness';
import { CONTRACT_BODY, DOCUMENTED_CURVE } from '../original-contract';

/**
 * docker-compose.yml as docs/deployment.md runs it: `docker-compose up --build`, the
 * image built from docker/Dockerfile, Postgres and Redis in containers, the
 * migration job, the API and both workers. Run by `npm run test:compose`,
 * which provides the engine (run.sh); never by `npm test`.
 */
const run = promisify(execFile);
const PROJECT = 'aisimulation-compose-check';
const API_PORT = Number(process.env.COMPOSE_API_PORT ?? 18000);
const api = `http://127.0.0.1:${API_PORT}`;
const environment = {
  ...process.env,
  JWT_SECRET: randomBytes(32).toString('hex'),
  API_PORT: String(API_PORT),
};
const figures: string[] = [];
const NODE_IMAGE = /^ARG NODE_IMAGE=(\S+)$/m.exec(
  readFileSync(path.join(__dirname, '../../docker/Dockerfile'), 'utf8'),
)![1];

async function compose(...args: string[]): Promise<string> {
  const { stdout } = await run('docker-compose', ['-p', PROJECT, ...args], {
    env: environment,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

async function timed<T>(what: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await action();
  figures.push(`${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function containerOf(service: string): Promise<string> {
  return (await compose('ps', '-q', service)).trim();
}

async function inspect(container: string, format: string): Promise<string> {
  const { stdout } = await run('podman', ['inspect', '--format', format, container]);
  return stdout.trim();
}

describe('docker-compose.yml, up for real', () => {
  let token: string;

  beforeAll(async () => {
    await compose('down', '-v', '--remove-orphans');
    await timed('image build (docker-compose build)', () => compose('build'));
    await timed('start to API healthy (docker-compose up -d)', async () => {
      await compose('up', '-d');
      await eventually(
        async () => {
          const response = await fetch(`${api}/health`);
          return response.ok ? true : undefined;
        },
        { what: 'the API to answer /health', timeoutMs: 180_000, intervalMs: 500 },
      );
    });
    const mib = async (image: string) => {
      const { stdout } = await run('podman', ['image', 'inspect', '--format', '{{.Size}}', image]);
      return Number(stdout.trim()) / 2 ** 20;
    };
    const [image, base] = [await mib('aisimulation:local'), await mib(NODE_IMAGE)];
    figures.push(
      `image aisimulation:local: ${image.toFixed(0)} MiB, ${(image - base).toFixed(0)} MiB of it ` +
        `its own layers on ${NODE_IMAGE} (the stand-in, ${base.toFixed(0)} MiB)`,
    );
  }, 900_000);

  afterAll(async () => {
    await compose('down', '-v', '--remove-orphans');
    process.stderr.write(`\ncompose check figures\n  ${figures.join('\n  ')}\n`);
  }, 120_000);

  it('answers 200 on /health and /health/ready', async () => {
    for (const path of ['/health', '/health/ready']) {
      const response = await fetch(`${api}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
  });

  it('ran every migration once, in its one-shot container that then exited 0', async () => {
    const migrator = await containerOf('migrate');
    expect(await inspect(migrator, '{{.State.Status}} {{.State.ExitCode}}')).toBe('exited 0');
    const applied = await compose(
      'exec',
      '-T',
      'postgres',
      'psql',
      '-U',
      'aisimulation',
      '-d',
      'aisimulation',
      '-Atc',
      'SELECT name FROM schema_migrations ORDER BY id',
    );
    expect(applied.trim().split('\n')).toEqual(MIGRATIONS.map((migration) => new migration().name));
  });

  it('prints a working token from inside the API container', async () => {
    token = (
      await compose('exec', '-T', 'api', 'node', 'dist/apps/api/token.js', '--role', 'operator')
    ).trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const machines = await fetch(`${api}/machines`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(machines.status).toBe(200);
  });

  it('takes the documented POST to finished and serves the documented curve', async () => {
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const created = await fetch(`${api}/simulation`, {
      method: 'POST',
      headers,
      body: CONTRACT_BODY,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 1, status: 'pending' });

    const seen = new Set<string>();
    await timed('documented POST to finished', () =>
      eventually(
        async () => {
          const simulation = await (await fetch(`${api}/simulation/1`, { headers })).json();
          seen.add(simulation.status);
          return simulation.status === 'finished' ? simulation : undefined;
        },
        { what: 'simulation 1 to finish', timeoutMs: 120_000, intervalMs: 500 },
      ),
    );
    expect(seen).toContain('finished');
    const curve = await (await fetch(`${api}/converge/1`, { headers })).json();
    expect(curve.data).toEqual(DOCUMENTED_CURVE);
  });

  it('reports both workers healthy through their own readiness check', async () => {
    for (const service of ['worker-101', 'worker-102']) {
      const container = await containerOf(service);
      const health = await eventually(
        async () => {
          const status = await inspect(container, '{{.State.Health.Status}}');
          return status === 'healthy' ? status : undefined;
        },
        { what: `${service} to be healthy`, timeoutMs: 60_000, intervalMs: 500 },
      );
      expect({ service, health }).toEqual({ service, health: 'healthy' });
    }
  });

  it('comes down with `down -v`, its containers and volumes gone', async () => {
    const ofProject = async (...list: string[]) => {
      const filter = `label=com.docker.compose.project=${PROJECT}`;
      const { stdout } = await run('podman', [...list, '--quiet', '--filter', filter]);
      return stdout.trim().split('\n').filter(Boolean).length;
    };
    const before = {
      containers: await ofProject('ps', '-a'),
      volumes: await ofProject('volume', 'ls'),
    };
    // postgres, redis, migrate, api and the two workers; every volume the file declares.
    const declaredVolumes = (await compose('config', '--volumes')).trim().split('\n').length;
    expect(before).toEqual({ containers: 6, volumes: declaredVolumes });
    await timed('docker-compose down -v', () => compose('down', '-v', '--remove-orphans'));
    const after = {
      containers: await ofProject('ps', '-a'),
      volumes: await ofProject('volume', 'ls'),
    };
    expect(after).toEqual({ containers: 0, volumes: 0 });
  });
});
