// deploy/kubernetes checked without a cluster: every overlay renders, every
// object validates against its schema (Kubernetes, KEDA, prometheus-operator),
// and the cross-references no schema can see hold.
import { waitingListKey } from '@app/queue';
import { PATH_METADATA } from '@nestjs/common/constants';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadApiConfig } from '../apps/api/src/config/api-config';
import { HealthController } from '../apps/api/src/health/health.controller';
import { loadWorkerConfig } from '../apps/worker/src/config/worker-config';
import { STATUS_PATHS } from '../apps/worker/src/metrics/status-server';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prometheusRule } = require('../scripts/generate-prometheus-rule');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const services = require('../scripts/lib/local-services');

const ROOT = path.resolve(__dirname, '..');
const OVERLAYS = path.join(ROOT, 'deploy/kubernetes/overlays');

type Manifest = Record<string, any>;

/** Values of the right shape for every Secret key the manifests refer to. */
const SECRET_VALUES: Record<string, string> = {
  DATABASE_URL: 'postgres://aisimulation:secret@aisimulation-db-pooler-rw:5432/aisimulation',
  DATABASE_DIRECT_URL: 'postgres://aisimulation:secret@aisimulation-db-rw:5432/aisimulation',
  REDIS_URL: 'redis://:secret@aisimulation/0',
  REDIS_SENTINEL_PASSWORD: 'secret',
  REDIS_ADDRESS: 'redis:6379',
  REDIS_PASSWORD: 'secret',
  JWT_SECRET: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
};

/** Each object's schema problems (test/kubernetes-validate.mjs, an ES module as the models are). */
function schemaProblems(objects: Manifest[]): string[][] {
  const output = execFileSync(process.execPath, [path.join(__dirname, 'kubernetes-validate.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

function render(overlay: string): Manifest[] {
  const text = execFileSync('kubectl', ['kustomize', path.join(OVERLAYS, overlay)], {
    encoding: 'utf8',
  });
  return parseAllDocuments(text).map((document) => document.toJS() as Manifest);
}

/** The app's overlays; `backends` holds example Postgres objects of an operator's own kinds. */
const overlays = readdirSync(OVERLAYS).filter(
  (name) => name !== 'backends' && existsSync(path.join(OVERLAYS, name, 'kustomization.yaml')),
);

describe('the example backends overlay', () => {
  const objects = render('backends');
  const ofKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const configFile = (prefix: string, file: string): string =>
    ofKind('ConfigMap').find((o) => o.metadata.name.startsWith(prefix))!.data[file];

  it('renders a three-instance CloudNativePG cluster with synchronous replication', () => {
    expect(ofKind('Cluster')).toEqual([
      expect.objectContaining({
        apiVersion: 'postgresql.cnpg.io/v1',
        spec: expect.objectContaining({ instances: 3, minSyncReplicas: 1 }),
      }),
    ]);
  });

  it('puts a transaction-mode Pooler in front of its primary, for the app settings that suit it', () => {
    const [cluster] = ofKind('Cluster');
    expect(ofKind('Pooler')).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'aisimulation-db-pooler-rw' }),
        spec: expect.objectContaining({
          cluster: { name: cluster.metadata.name },
          type: 'rw',
          pgbouncer: expect.objectContaining({ poolMode: 'transaction' }),
        }),
      }),
    ]);
    const appConfig = render('production').find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('aisimulation-config'),
    )!;
    expect(appConfig.data.DATABASE_PREPARED_STATEMENTS).toBe('false');
  });

  it('validates its Redis objects against the Kubernetes schema, unknown fields refused', () => {
    const redis = objects.filter((o) => !o.apiVersion.startsWith('postgresql.cnpg.io/'));
    const problems = schemaProblems(redis);
    const found = redis
      .map((object, index) => [`${object.kind} ${object.metadata.name}`, problems[index]])
      .filter(([, list]) => list.length > 0);
    expect(redis.length).toBeGreaterThanOrEqual(8);
    expect(found).toEqual([]);
  });

  it('gives Redis three pods with a Sentinel each, and the Service `redis` its proxy', () => {
    const [statefulSet] = ofKind('StatefulSet');
    const template = statefulSet.spec.template;
    expect(statefulSet.spec.replicas).toBe(3);
    expect(template.spec.containers.map((c: Manifest) => c.name)).toEqual(['redis', 'sentinel']);
    const services = Object.fromEntries(ofKind('Service').map((o) => [o.metadata.name, o]));
    const podLabels = Object.fromEntries(
      podsOf(objects)
        .concat(ofKind('StatefulSet').map((o) => ({ owner: o, template: o.spec.template })))
        .map(({ owner, template }) => [owner.metadata.name, template.metadata.labels]),
    );
    const selects = (service: string, owner: string) =>
      matches(services[service].spec.selector, podLabels[owner]);
    expect({
      headless: selects('redis-headless', 'redis') && statefulSet.spec.serviceName,
      sentinel: selects('redis-sentinel', 'redis'),
      proxy: selects('redis', 'redis-proxy'),
    }).toEqual({ headless: 'redis-headless', sentinel: true, proxy: true });
    // The app's REDIS_URL in docs/deployment.md names this Service and port.
    expect(services.redis.spec.ports[0].port).toBe(6379);
  });

  it('points the proxy at every Redis pod by the names the StatefulSet gives them', () => {
    const [statefulSet] = ofKind('StatefulSet');
    const servers = [
      ...configFile('redis-proxy-config', 'haproxy.cfg').matchAll(/^\s*server (\S+) "([^"]+)"/gm),
    ];
    const pods = Array.from({ length: statefulSet.spec.replicas }, (_, k) => `redis-${k}`);
    expect(servers.map(([, name, address]) => [name, address])).toEqual(
      pods.map((pod) => [
        pod,
        `${pod}.${statefulSet.spec.serviceName}.\${POD_NAMESPACE}.svc.cluster.local:6379`,
      ]),
    );
    const findMaster = configFile('redis-scripts', 'find-master.sh');
    expect(findMaster).toContain(`${statefulSet.spec.serviceName}.\${POD_NAMESPACE}`);
    expect(findMaster).toContain('-h redis-sentinel -p 26379');
    const [mount] = statefulSet.spec.template.spec.containers[0].volumeMounts.filter(
      (m: Manifest) => m.name === 'scripts',
    );
    for (const script of ['start-redis.sh', 'start-sentinel.sh']) {
      expect(configFile('redis-scripts', script)).toContain(`. ${mount.mountPath}/find-master.sh`);
    }
  });

  it("points the app at its Sentinels: every pod's, on their port, by the name they monitor", () => {
    const [statefulSet] = ofKind('StatefulSet');
    const sentinelPort = statefulSet.spec.template.spec.containers
      .find((c: Manifest) => c.name === 'sentinel')
      .ports.find((p: Manifest) => p.name === 'sentinel').containerPort;
    const monitored = /^sentinel monitor (\S+) /m.exec(
      configFile('redis-scripts', 'start-sentinel.sh'),
    );
    const app = render('production');
    const api = app.find((o) => o.kind === 'Deployment' && o.metadata.name === 'api')!;
    const { redis } = loadApiConfig(environmentOf(api.spec.template.spec.containers[0], app));
    const pods = Array.from({ length: statefulSet.spec.replicas }, (_, k) => `redis-${k}`);
    expect(redis.sentinels).toEqual({
      addresses: pods.map((pod) => ({
        host: `${pod}.${statefulSet.spec.serviceName}`,
        port: sentinelPort,
      })),
      name: monitored?.[1],
      password: SECRET_VALUES.REDIS_SENTINEL_PASSWORD,
    });
  });

  it('has a proxy configuration HAProxy accepts and start scripts sh can parse', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'backends-'));
    try {
      const config = path.join(scratch, 'haproxy.cfg');
      writeFileSync(config, configFile('redis-proxy-config', 'haproxy.cfg'));
      const env = { ...process.env, POD_NAMESPACE: 'aisimulation', REDIS_PASSWORD: 'secret' };
      const haproxy = services.ensureDebianCommand('haproxy', 'haproxy');
      expect(execFileSync(haproxy, ['-c', '-f', config], { env, encoding: 'utf8' })).toContain(
        'Configuration file is valid',
      );
      for (const script of ['find-master.sh', 'start-redis.sh', 'start-sentinel.sh']) {
        const file = path.join(scratch, script);
        writeFileSync(file, configFile('redis-scripts', script));
        execFileSync('sh', ['-n', file]);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

const podsOf = (objects: Manifest[]) =>
  objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
    .map((o) => ({ owner: o, template: o.spec.template }));

const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/** A container's environment as the kubelet would give it (Secret values stand in). */
function environmentOf(container: Manifest, objects: Manifest[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const map = objects.find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name === from.configMapRef?.name,
    );
    if (!map)
      throw new Error(`envFrom names a ConfigMap that is not there: ${from.configMapRef?.name}`);
    Object.assign(env, map.data);
  }
  for (const variable of container.env ?? []) {
    const secret = variable.valueFrom?.secretKeyRef;
    if (secret) {
      if (!(secret.key in SECRET_VALUES)) throw new Error(`unknown Secret key ${secret.key}`);
      env[variable.name] = SECRET_VALUES[secret.key];
    } else env[variable.name] = variable.value;
  }
  return env;
}

const apiRoute = (method: keyof HealthController) =>
  `/${Reflect.getMetadata(PATH_METADATA, HealthController)}/${Reflect.getMetadata(
    PATH_METADATA,
    HealthController.prototype[method],
  )}`;

describe.each(overlays)('the Kubernetes overlay %s', (overlay) => {
  const objects = render(overlay);
  const named = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);

  it('renders objects, and no Secret: secrets are referred to, never committed', () => {
    expect(objects.length).toBeGreaterThan(10);
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it('validates against the Kubernetes, KEDA and prometheus-operator schemas, unknown fields refused', () => {
    const problems = schemaProblems(objects);
    const found = objects
      .map((object, index) => [`${object.kind} ${object.metadata.name}`, problems[index]])
      .filter(([, list]) => list.length > 0);
    expect(found).toEqual([]);
  });

  it('would see a schema problem: a misspelt field, a wrong type', () => {
    const broken = structuredClone(objects.find((o) => o.kind === 'Deployment')!);
    broken.spec.replicaz = 2;
    const wrongType = structuredClone(objects.find((o) => o.kind === 'ScaledObject')!);
    wrongType.spec.minReplicaCount = 'one';
    const [misspelt, mistyped] = schemaProblems([broken, wrongType]);
    expect(misspelt.join(' ')).toContain('replicaz');
    expect(mistyped.join(' ')).toContain('minReplicaCount');
  });

  it('selects the pods it means: Deployments their templates, Services, budgets and policies some pods', () => {
    const pods = podsOf(objects);
    for (const { owner, template } of pods.filter(({ owner }) => owner.kind === 'Deployment')) {
      expect([
        owner.metadata.name,
        matches(owner.spec.selector.matchLabels, template.metadata.labels),
      ]).toEqual([owner.metadata.name, true]);
    }
    const selecting = objects.flatMap((o) => {
      if (o.kind === 'Service') return [[o, o.spec.selector]];
      if (o.kind === 'PodDisruptionBudget') return [[o, o.spec.selector.matchLabels]];
      if (o.kind === 'NetworkPolicy') return [[o, o.spec.podSelector.matchLabels]];
      return [];
    });
    for (const [object, selector] of selecting) {
      const found = pods.filter(({ template }) => matches(selector, template.metadata.labels));
      expect([`${object.kind} ${object.metadata.name}`, found.length > 0]).toEqual([
        `${object.kind} ${object.metadata.name}`,
        true,
      ]);
      if (object.kind === 'PodDisruptionBudget') expect(found).toHaveLength(1);
    }
    for (const scaler of objects.filter((o) =>
      ['HorizontalPodAutoscaler', 'ScaledObject'].includes(o.kind),
    )) {
      expect(named('Deployment', scaler.spec.scaleTargetRef.name)).toBeDefined();
    }
  });

  it('gives every app its settings: each container loads its config from what the manifests set', () => {
    for (const { owner, template } of podsOf(objects)) {
      for (const container of template.spec.containers) {
        const env = environmentOf(container, objects);
        const script = container.command.join(' ');
        if (script.includes('apps/api/main.js')) expect(() => loadApiConfig(env)).not.toThrow();
        else if (script.includes('apps/worker/main.js'))
          expect(() => loadWorkerConfig(env)).not.toThrow();
        else if (script.includes('apps/api/migrate.js'))
          expect(env.DATABASE_URL).toMatch(/^postgres:\/\//);
        else throw new Error(`${owner.metadata.name} runs something unknown: ${script}`);
      }
    }
  });

  it('probes and Services reach the ports and paths the apps serve', () => {
    for (const { owner, template } of podsOf(objects).filter(
      ({ owner }) => owner.kind === 'Deployment',
    )) {
      const [container] = template.spec.containers;
      const env = environmentOf(container, objects);
      const ports = new Map<string, number>(
        container.ports.map((port: Manifest) => [port.name, port.containerPort]),
      );
      const isApi = container.command.join(' ').includes('apps/api/main.js');
      const listening = Number(isApi ? env.PORT : env.METRICS_PORT);
      expect([owner.metadata.name, [...ports.values()]]).toEqual([
        owner.metadata.name,
        [listening],
      ]);
      const paths = isApi
        ? { live: apiRoute('live'), ready: apiRoute('ready') }
        : { live: STATUS_PATHS.live, ready: STATUS_PATHS.ready };
      for (const [probe, expected] of [
        [container.livenessProbe, paths.live],
        [container.readinessProbe, paths.ready],
      ]) {
        expect(probe.httpGet.path).toBe(expected);
        expect(ports.get(probe.httpGet.port)).toBe(listening);
      }
    }
    for (const service of objects.filter((o) => o.kind === 'Service')) {
      for (const port of service.spec.ports) {
        const served = podsOf(objects).filter(
          ({ template }) =>
            matches(service.spec.selector, template.metadata.labels) &&
            template.spec.containers.some((c: Manifest) =>
              (c.ports ?? []).some((p: Manifest) => p.name === port.targetPort),
            ),
        );
        expect([service.metadata.name, port.name, served.length > 0]).toEqual([
          service.metadata.name,
          port.name,
          true,
        ]);
      }
    }
  });

  it("scales each machine's workers on the list Bull keeps that machine's waiting jobs in", () => {
    const scalers = objects.filter((o) => o.kind === 'ScaledObject');
    expect(scalers.length).toBeGreaterThan(0);
    for (const scaler of scalers) {
      const deployment = named('Deployment', scaler.spec.scaleTargetRef.name);
      const env = environmentOf(deployment!.spec.template.spec.containers[0], objects);
      expect(scaler.spec.triggers[0].metadata.listName).toBe(
        waitingListKey(Number(env.MACHINE_ID)),
      );
      expect(scaler.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    }
  });

  it('runs every container locked down, with resources, and gives workers longer than their grace to stop', () => {
    for (const { owner, template } of podsOf(objects)) {
      const pod = template.spec;
      expect([owner.metadata.name, pod.securityContext]).toMatchObject([
        owner.metadata.name,
        { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      ]);
      for (const container of pod.containers) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(Object.keys(container.resources).sort()).toEqual(['limits', 'requests']);
        const grace = Number(environmentOf(container, objects).SHUTDOWN_GRACE_MS ?? 0) / 1000;
        if (owner.kind === 'Deployment')
          expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(grace);
      }
    }
  });

  it('carries the alert rules of docker/prometheus/alerts.yml, unchanged', () => {
    const rule = objects.find((o) => o.kind === 'PrometheusRule');
    const made = parseAllDocuments(prometheusRule())[0].toJS();
    expect(rule?.spec).toEqual(made.spec);
  });
});
