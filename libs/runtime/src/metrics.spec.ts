import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { metricsRegistry, startProcessMetrics } from './metrics';

const ROOT = path.resolve(__dirname, '../../..');

/** PromQL functions, aggregations and keywords used in our expressions. */
const PROMQL_WORDS = new Set(
  'sum max min avg count rate irate increase histogram_quantile clamp_min and or unless bool offset'.split(
    ' ',
  ),
);

/** The metric names an expression reads (labels, label values and functions taken out). */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '');
  return [...bare.matchAll(/[a-z_][a-z0-9_]*/g)]
    .map((match) => match[0])
    .filter((word) => !PROMQL_WORDS.has(word));
}

describe('alert rules and the Grafana dashboard read metrics the apps export', () => {
  startProcessMetrics();
  const exported = new Set(['up']);
  for (const metric of metricsRegistry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    exported.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) exported.add(name + s);
  }

  const alerts = parse(readFileSync(path.join(ROOT, 'docker/prometheus/alerts.yml'), 'utf8')) as {
    groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
  };
  const dashboard = JSON.parse(
    readFileSync(path.join(ROOT, 'docker/grafana/dashboards/aisimulation.json'), 'utf8'),
  ) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
  const expressions = [
    ...alerts.groups.flatMap((group) =>
      group.rules.map((rule) => [`alert ${rule.alert}`, rule.expr] as const),
    ),
    ...dashboard.panels.flatMap((panel) =>
      panel.targets.map((target) => [`panel "${panel.title}"`, target.expr] as const),
    ),
  ];

  it('finds expressions to check', () => {
    expect(alerts.groups.flatMap((group) => group.rules)).toHaveLength(9);
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
    expect(metricNames('max by (machine_id) (machine_live_workers{machine_id="7"}) == 0')).toEqual([
      'machine_live_workers',
    ]);
  });

  it.each(expressions)('%s reads only exported metrics', (_where, expr) => {
    const unknown = metricNames(expr).filter((name) => !exported.has(name));
    expect(unknown).toEqual([]);
    expect(metricNames(expr).length).toBeGreaterThan(0);
  });
});

describe('event-loop delay histogram', () => {
  startProcessMetrics();

  /** Samples recorded so far: all of them, and those at most 100 ms late. */
  async function samples(): Promise<{ all: number; within100ms: number }> {
    const { values } = await metricsRegistry
      .getSingleMetric('process_event_loop_delay_seconds')!
      .get();
    const named = values as Array<{
      metricName?: string;
      labels: { le?: string | number };
      value: number;
    }>;
    const bucket = (le: string) =>
      named.find(
        (v) =>
          v.metricName === 'process_event_loop_delay_seconds_bucket' && String(v.labels.le) === le,
      )!.value;
    return { all: bucket('+Inf'), within100ms: bucket('0.1') };
  }

  it('records a blocked event loop as one sample over 100 ms, and keeps sampling', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = await samples();
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // Block the event loop for 150 ms.
    }
    // Sampling goes on: wait for a few more samples (on a busy machine, 10 ms timers run late).
    let after = await samples();
    for (let waited = 0; after.all - before.all <= 2 && waited < 2_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await samples();
    }

    expect(after.all - before.all).toBeGreaterThan(2);
    expect(after.all - before.all - (after.within100ms - before.within100ms)).toBe(1);
  });
});
