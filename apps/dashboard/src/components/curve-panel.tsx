import { AxesToggles } from './axes-toggles';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LiveState } from '@aisimulation/client';
import type {
  Curve,
  CurvePoint,
  MetricCurve,
  MetricPoint,
  RunMetric,
  SimulationStatus,
} from '../api-types';
import {
  appendPoints,
  hasBand,
  metricAsCurve,
  metricPointsAsCurve,
  toColumns,
} from '../curve-data';
import { compactNumber } from '../format';
import { useApp } from '../hooks';
import { MetricPicker } from './metric-picker';
import { CurveChart } from './curve-chart';
import { ErrorMessage } from './error-message';

/** Past this many live points, the chart shows the sampled curve, re-read once a second. */
const LIVE_POINT_LIMIT = 20_000;
/** The contract's curve, read and streamed through the contract's own endpoints. */
const LOSS = 'loss';

type CurveWindow = { from: number; to: number } | null;

interface CurvePanelProps {
  simulationId: number;
  status: SimulationStatus;
  /** Told when the stream reports a status change, so the page refreshes the simulation. */
  onStatusEvent: () => void;
}

/**
 * The curve of a simulation's chosen metric: live from its stream while it
 * runs, otherwise sampled by the API for the chart's width (min–max per
 * bucket), for the whole run or a zoomed window.
 */
export function CurvePanel({ simulationId, status, onStatusEvent }: CurvePanelProps) {
  const { api } = useApp();
  const [logX, setLogX] = useState(true);
  const [logY, setLogY] = useState(true);
  const [zoomWindow, setZoomWindow] = useState<CurveWindow>(null);
  const [points, setPoints] = useState<CurvePoint[]>([]);
  const [meta, setMeta] = useState<Curve['meta'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [liveState, setLiveState] = useState<LiveState | 'off'>('off');
  const [metric, setMetric] = useState(LOSS);
  const [metrics, setMetrics] = useState<string[]>([LOSS]);
  const statusEvent = useRef(onStatusEvent);
  statusEvent.current = onStatusEvent;

  const active = status === 'pending' || status === 'running';
  const live = active && zoomWindow === null;
  const scale = logX ? 'log' : 'linear';

  // The metrics to choose from: read again as the run's status moves on.
  useEffect(() => {
    const abort = new AbortController();
    api
      .get<RunMetric[]>(`/simulation/${simulationId}/metrics`)
      .then((answer) => {
        if (abort.signal.aborted) return;
        const names = answer.body.map((summary) => summary.name);
        setMetrics(names.includes(LOSS) ? names : [LOSS, ...names]);
      })
      .catch(() => undefined);
    return () => abort.abort();
  }, [simulationId, status]);

  const readSampled = async (signal?: AbortSignal) => {
    const query = {
      scale,
      // About one bucket per two pixels of a wide chart.
      points: 800,
      agg: 'minmax',
      from: zoomWindow?.from,
      to: zoomWindow?.to,
    } as const;
    const answer =
      metric === LOSS
        ? (await api.get<Curve>(`/converge/${simulationId}`, query)).body
        : metricAsCurve(
            (
              await api.get<MetricCurve>(
                `/simulation/${simulationId}/metrics/${encodeURIComponent(metric)}`,
                query,
              )
            ).body,
          );
    if (signal?.aborted) return;
    setPoints(answer.data);
    setMeta(answer.meta);
    setError(null);
  };

  // Not following the stream: one sampled read per change of metric, window or scale.
  useEffect(() => {
    if (live) return;
    const abort = new AbortController();
    readSampled(abort.signal).catch((failure) => abort.signal.aborted || setError(failure));
    return () => abort.abort();
  }, [simulationId, live, metric, scale, zoomWindow?.from, zoomWindow?.to]);

  // Running: follow the stream, reconnecting where it left off.
  useEffect(() => {
    if (!live) return;
    const abort = new AbortController();
    let sampledMode = false;
    let lastSampledRead = 0;
    setPoints([]);
    setMeta(null);
    const onPoints = (batch: CurvePoint[]) => {
      if (sampledMode) {
        // Too long to keep whole in the page: re-read the sampled curve, at most once a second.
        if (Date.now() - lastSampledRead > 1000) {
          lastSampledRead = Date.now();
          readSampled(abort.signal).catch(() => undefined);
        }
        return;
      }
      setPoints((current) => {
        const next = appendPoints(current, batch);
        if (next.length > LIVE_POINT_LIMIT) sampledMode = true;
        return next;
      });
    };
    void api
      .follow(
        metric === LOSS
          ? `/converge/${simulationId}/stream`
          : `/simulation/${simulationId}/metrics/${encodeURIComponent(metric)}/stream`,
        (event) => {
          const data = JSON.parse(event.data) as { points?: CurvePoint[] | MetricPoint[] };
          if (event.event === 'points' && data.points)
            onPoints(
              metric === LOSS
                ? (data.points as CurvePoint[])
                : metricPointsAsCurve(data.points as MetricPoint[]),
            );
          else if (event.event === 'attempt')
            setPoints([]); // a retry starts the curve over
          else if (event.event === 'status' || event.event === 'end') statusEvent.current();
        },
        { signal: abort.signal, onState: setLiveState, onError: setError },
      )
      // The server closes the stream at a terminal status; the page's refresh takes over.
      .then((ended) => ended && statusEvent.current());
    return () => {
      abort.abort();
      setLiveState('off');
    };
  }, [simulationId, live, metric]);

  const columns = useMemo(() => toColumns(points, { logX, logY }), [points, logX, logY]);
  const band = hasBand(points);
  const last = points[points.length - 1];

  const applyWindow = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const from = Number(form.get('from'));
    const to = Number(form.get('to'));
    if (Number.isFinite(from) && Number.isFinite(to) && to > from) setZoomWindow({ from, to });
    else setError(new Error('The window needs "to" greater than "from", in seconds.'));
  };

  return (
    <section aria-labelledby="curve-title" class="card">
      <h2 id="curve-title">
        Convergence{' '}
        {live && (
          <span class={`live live-${liveState}`} role="status">
            {liveState === 'live' ? 'live' : 'connecting…'}
          </span>
        )}
      </h2>
      <div class="chart-controls">
        <MetricPicker
          id="metric-picker"
          metric={metric}
          metrics={metrics}
          onPick={(picked) => {
            setMetric(picked);
            setZoomWindow(null);
          }}
        />
        <AxesToggles metric={metric} logX={logX} logY={logY} onLogX={setLogX} onLogY={setLogY} />
        <form class="window" aria-label="Zoom window" onSubmit={applyWindow}>
          <label>
            From (s)
            <input
              name="from"
              type="number"
              min={0}
              step="any"
              required
              defaultValue={zoomWindow ? String(zoomWindow.from) : ''}
              key={`from-${zoomWindow?.from}`}
            />
          </label>
          <label>
            To (s)
            <input
              name="to"
              type="number"
              min={0}
              step="any"
              required
              defaultValue={zoomWindow ? String(zoomWindow.to) : ''}
              key={`to-${zoomWindow?.to}`}
            />
          </label>
          <button type="submit">Zoom</button>
          <button type="button" disabled={zoomWindow === null} onClick={() => setZoomWindow(null)}>
            Reset zoom
          </button>
        </form>
      </div>
      <figure>
        <CurveChart
          columns={columns}
          logX={logX}
          logY={logY}
          band={band}
          metric={metric}
          onZoom={(from, to) => setZoomWindow({ from: fourDigits(from), to: fourDigits(to) })}
        />
        <figcaption id="curve-summary">
          {points.length === 0
            ? active
              ? 'No points yet: the curve draws itself here as the worker writes it.'
              : 'This attempt wrote no points.'
            : summary(metric, points.length, meta, live, zoomWindow, band, last)}
        </figcaption>
      </figure>
      {active && zoomWindow !== null && (
        <p class="hint">Live drawing pauses while zoomed; reset the zoom to follow the run.</p>
      )}
      <p class="hint">
        Drag across the chart to zoom: the API is asked for that window at full detail.
      </p>
      <ErrorMessage error={error} action="Curve" />
    </section>
  );
}

function summary(
  metric: string,
  shown: number,
  meta: Curve['meta'] | null,
  live: boolean,
  zoomWindow: CurveWindow,
  band: boolean,
  last: CurvePoint | undefined,
): string {
  const parts: string[] = [];
  if (meta && meta.downsampled) {
    parts.push(
      `${meta.returned_points.toLocaleString('en')} of ${meta.window_points.toLocaleString('en')} points, ` +
        `sampled into ${meta.buckets} ${meta.scale} buckets`,
    );
  } else {
    parts.push(`${shown.toLocaleString('en')} points${live ? ' so far' : ''}`);
  }
  if (band) parts.push(`the band spans each bucket’s lowest and highest ${metric}`);
  if (zoomWindow)
    parts.push(`window ${compactNumber(zoomWindow.from)}–${compactNumber(zoomWindow.to)} s`);
  if (last)
    parts.push(
      `last: ${metric} ${typeof last.loss === 'number' ? compactNumber(last.loss) : last.loss} at ${compactNumber(last.seconds)} s`,
    );
  return parts.join(' · ') + '.';
}

/** A dragged window in round numbers: 6.459 s, not 6.45885820. */
function fourDigits(value: number): number {
  return Number(value.toPrecision(4));
}
