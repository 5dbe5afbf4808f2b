import { useMemo, useState } from 'preact/hooks';
import { AxesToggles } from '../components/axes-toggles';
import type { Compare, RunMetric } from '../api-types';
import { ErrorMessage } from '../components/error-message';
import { MetricPicker } from '../components/metric-picker';
import { OverlayChart, type OverlaySeries } from '../components/overlay-chart';
import { StatusBadge } from '../components/status-badge';
import { compactNumber } from '../format';
import { useApp, useResource } from '../hooks';
import { compareHref, simulationHref, simulationsHref } from '../route';

/** Points each run's curve is sampled to: plenty for a chart, small for a hundred runs. */
const COMPARE_POINTS = 400;
/** The runs go on while compared: their curves and summaries follow. */
const REFRESH_MS = 5000;

/**
 * Runs side by side (GET /compare): the params that differ, each run's
 * summary of the chosen metric, and that metric's curves overlaid.
 */
export function ComparePage(props: { ids: number[]; metric: string; project: string }) {
  const { ids, metric, project } = props;
  const { api } = useApp();
  const [logX, setLogX] = useState(true);
  const [logY, setLogY] = useState(true);
  const comparison = useResource(
    async () =>
      (
        await api.get<Compare>('/compare', {
          ids: ids.join(','),
          metric,
          points: COMPARE_POINTS,
          scale: logX ? 'log' : 'linear',
        })
      ).body,
    [api, ids.join(','), metric, logX],
    REFRESH_MS,
  );
  const answer = comparison.data;
  const metricNames = useMemo(() => {
    const names = new Set(['loss', metric]);
    for (const run of answer?.runs ?? [])
      for (const summary of run.metrics) names.add(summary.name);
    return [...names].sort();
  }, [answer, metric]);
  const series = useMemo(
    () => (answer ? overlaySeries(answer, { logX, logY }) : []),
    [answer, logX, logY],
  );

  if (ids.length < 2) {
    return (
      <>
        <h1>Compare</h1>
        <p class="empty">
          Choose two runs or more in the <a href={simulationsHref({ project })}>list</a> to compare
          them.
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <a href={simulationsHref({ project })}>← All simulations</a>
      </p>
      <h1>Compare {ids.length} runs</h1>
      <ErrorMessage error={comparison.error} action="Could not compare these runs" />
      <section class="card" aria-labelledby="overlay-title">
        <h2 id="overlay-title">{metric}, overlaid</h2>
        <div class="chart-controls">
          <MetricPicker
            id="compare-metric"
            metric={metric}
            metrics={metricNames}
            onPick={(picked) => (location.hash = compareHref(ids, picked, project))}
          />
          <AxesToggles metric={metric} logX={logX} logY={logY} onLogX={setLogX} onLogY={setLogY} />
        </div>
        {answer && <OverlayChart series={series} metric={metric} logX={logX} logY={logY} />}
        {answer && (
          <p class="hint">{notReported(answer, metric) || `Every run has reported ${metric}.`}</p>
        )}
      </section>
      {answer && <RunsTable answer={answer} metric={metric} project={project} />}
    </>
  );
}

function RunsTable(props: { answer: Compare; metric: string; project: string }) {
  const { answer, metric, project } = props;
  const { differing, shared } = answer.params;
  const sharedText = Object.entries(shared)
    .map(([key, value]) => `${key} = ${String(value)}`)
    .join(', ');
  return (
    <section class="card" aria-labelledby="runs-title">
      <h2 id="runs-title">Runs</h2>
      <p>
        {differing.length ? (
          <>Params that differ are columns. </>
        ) : (
          <>No param differs between these runs. </>
        )}
        {sharedText && <span class="shared-params">The same in every run: {sharedText}.</span>}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            The compared runs, their differing params and their {metric} summaries
          </caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Status</th>
              {differing.map((key) => (
                <th key={key} scope="col">
                  params.{key}
                </th>
              ))}
              <th scope="col">{metric} last</th>
              <th scope="col">{metric} min</th>
              <th scope="col">min at step</th>
              <th scope="col">{metric} max</th>
            </tr>
          </thead>
          <tbody>
            {answer.runs.map((run) => {
              const summary = run.metrics.find((candidate) => candidate.name === metric);
              return (
                <tr key={run.simulation_id}>
                  <td>
                    <a href={simulationHref(run.simulation_id, project)}>
                      {run.simulation_id} · {run.name}
                    </a>
                  </td>
                  <td>
                    <StatusBadge status={run.status} />
                  </td>
                  {differing.map((key) => (
                    <td key={key} class="number">
                      {key in run.params ? String(run.params[key]) : '—'}
                    </td>
                  ))}
                  <td class="number">{value(summary?.last)}</td>
                  <td class="number">{value(summary?.min)}</td>
                  <td class="number">{summary?.min_step ?? '—'}</td>
                  <td class="number">{value(summary?.max)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Each run's curve as chart columns: NaN, ±Infinity, and what a log axis cannot hold are gaps. */
function overlaySeries(answer: Compare, axes: { logX: boolean; logY: boolean }): OverlaySeries[] {
  const names = new Map(answer.runs.map((run) => [run.simulation_id, run.name]));
  return answer.curves.map((curve) => {
    const points = curve.data.filter((point) => !axes.logX || point.seconds > 0);
    return {
      label: `${curve.simulation_id} · ${names.get(curve.simulation_id) ?? ''}`,
      seconds: points.map((point) => point.seconds),
      values: points.map((point) =>
        typeof point.value === 'number' && (!axes.logY || point.value > 0) ? point.value : null,
      ),
    };
  });
}

function notReported(answer: Compare, metric: string): string {
  const missing = answer.curves.filter((curve) => curve.reported === false || curve.expired);
  if (missing.length === 0) return '';
  return `Not shown: ${missing
    .map((curve) => `${curve.simulation_id} (${curve.expired ? 'expired' : `no ${metric}`})`)
    .join(', ')}.`;
}

function value(number: RunMetric['last'] | undefined): string {
  if (number === undefined) return '—';
  return typeof number === 'number' ? compactNumber(number) : number;
}
