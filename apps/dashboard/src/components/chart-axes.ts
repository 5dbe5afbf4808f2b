import type uPlot from 'uplot';
import { compactNumber } from '../format';

// What every chart of the dashboard draws its axes with: one look, one home.

const CHART_HEIGHT = 340;

/**
 * Labels on a log axis: within one decade every tick (else a zoomed window shows one number or
 * none), up to four decades the 1s and 5s, beyond that the decades only.
 */
const logTickFilter: uPlot.Axis.Filter = (chart, splits, axisIndex) => {
  const scale = chart.scales[axisIndex === 0 ? 'x' : 'y'];
  const decades = Math.log10((scale.max ?? 10) / (scale.min ?? 1));
  return splits.map((value) => {
    const digit = Number(value.toExponential(0).charAt(0));
    if (decades < 1 || digit === 1) return value;
    return decades < 4 && digit === 5 ? value : null;
  });
};

/** No data yet (a run that has not written a point): any positive span, so a log axis works. */
const EMPTY_RANGE: uPlot.Range.MinMax = [1, 10];

const exactRange: uPlot.Range.Function = (_chart, min, max) => {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return EMPTY_RANGE;
  if (min === max) return min > 0 ? [min / 2, max * 2] : [min - 1, max + 1];
  return [min, max];
};

/** A little air above and below the curve, instead of rounding out to whole decades. */
const paddedLogRange: uPlot.Range.Function = (_chart, min, max) =>
  Number.isFinite(min) && Number.isFinite(max) && min > 0 && max > 0
    ? [min / 1.25, max * 1.25]
    : EMPTY_RANGE;

/**
 * The x scale spans exactly the data (the whole run, or the zoomed window);
 * uPlot's default would round a log axis out to whole decades.
 */
function chartScales(logX: boolean, logY: boolean): uPlot.Scales {
  return {
    x: { time: false, distr: logX ? 3 : 1, log: 10, range: exactRange },
    y: { distr: logY ? 3 : 1, log: 10, range: logY ? paddedLogRange : undefined },
  };
}

/**
 * What every chart of a metric by seconds starts from: its size, scales,
 * both axes and the seconds series; the caller adds the metric's series.
 */
export function metricChartBase(
  element: HTMLElement,
  metric: string,
  axes: { logX: boolean; logY: boolean },
): Pick<uPlot.Options, 'width' | 'height' | 'scales' | 'axes'> & { series: uPlot.Series[] } {
  return {
    width: Math.max(element.clientWidth, 280),
    height: CHART_HEIGHT,
    scales: chartScales(axes.logX, axes.logY),
    axes: [
      chartAxis(element, 'seconds', axes.logX),
      { ...chartAxis(element, metric, axes.logY), size: 64 },
    ],
    series: [{ label: 'seconds', value: legendValue }],
  };
}

/** An axis in the theme's muted colour (canvas cannot read CSS variables: read them now). */
function chartAxis(element: HTMLElement, label: string, log: boolean): uPlot.Axis {
  const muted = getComputedStyle(element).getPropertyValue('--text-muted').trim() || '#57606a';
  return {
    label,
    stroke: muted,
    grid: { stroke: 'rgba(128,128,128,0.18)' },
    ticks: { stroke: 'rgba(128,128,128,0.3)' },
    ...(log ? { filter: logTickFilter } : {}),
    // uPlot passes null for the ticks it leaves unlabelled.
    values: (_chart, splits) => splits.map((value) => (value == null ? '' : compactNumber(value))),
  };
}

/** A legend value as the rest of the dashboard writes numbers. */
export const legendValue = (_chart: uPlot, value: number) => compactNumber(value);

/** Keeps a chart as wide as its container. */
export function followWidth(element: HTMLElement, chart: uPlot): () => void {
  const resize = new ResizeObserver(() =>
    chart.setSize({ width: Math.max(element.clientWidth, 280), height: CHART_HEIGHT }),
  );
  resize.observe(element);
  return () => resize.disconnect();
}
