import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CurveColumns } from '../curve-data';
import { compactNumber } from '../format';

interface CurveChartProps {
  columns: CurveColumns;
  logX: boolean;
  logY: boolean;
  band: boolean;
  /** The metric drawn: the y axis's and the legend's name. */
  metric: string;
  /** A window dragged across the chart, in seconds. */
  onZoom: (from: number, to: number) => void;
}

const HEIGHT = 340;

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

/** Without a band, its two edge series are left out of the chart (and its legend). */
const shown = (columns: CurveColumns, band: boolean) =>
  (band ? columns : columns.slice(0, 2)) as uPlot.AlignedData;

const bandEdge = (metric: string, label: string): uPlot.Series => ({
  label: `${metric} ${label}`,
  stroke: 'rgba(37,99,235,0.35)',
  points: { show: false },
  value: (_chart, value) => compactNumber(value),
});

/**
 * The convergence curve, drawn with uPlot (canvas, fast enough to redraw on
 * every live batch). Dragging across it does not zoom the drawing: it asks the
 * page for that window, which asks the API for it at full detail.
 */
export function CurveChart({ columns, logX, logY, band, metric, onZoom }: CurveChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const zoom = useRef(onZoom);
  zoom.current = onZoom;

  // Axis distributions and the band are fixed at creation: a toggle rebuilds the chart.
  useEffect(() => {
    const element = container.current!;
    // Canvas cannot read CSS variables: take the theme's colours as they are now.
    const muted = getComputedStyle(element).getPropertyValue('--text-muted').trim() || '#57606a';
    const axis = (text: string, log: boolean): uPlot.Axis => ({
      label: text,
      stroke: muted,
      grid: { stroke: 'rgba(128,128,128,0.18)' },
      ticks: { stroke: 'rgba(128,128,128,0.3)' },
      ...(log ? { filter: logTickFilter } : {}),
      // uPlot passes null for the ticks it leaves unlabelled.
      values: (_chart, splits) =>
        splits.map((value) => (value == null ? '' : compactNumber(value))),
    });
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 280),
      height: HEIGHT,
      scales: {
        // The x axis spans exactly the data (the whole run, or the zoomed window); uPlot's
        // default would round a log axis out to whole decades.
        x: { time: false, distr: logX ? 3 : 1, log: 10, range: exactRange },
        y: { distr: logY ? 3 : 1, log: 10, range: logY ? paddedLogRange : undefined },
      },
      axes: [axis('seconds', logX), { ...axis(metric, logY), size: 64 }],
      series: [
        { label: 'seconds', value: (_chart, value) => compactNumber(value) },
        {
          label: metric,
          stroke: '#2563eb',
          width: 2,
          spanGaps: false,
          points: { show: false },
          value: (_chart, value) => compactNumber(value),
        },
        ...(band ? [bandEdge(metric, 'min'), bandEdge(metric, 'max')] : []),
      ],
      bands: band ? [{ series: [3, 2], fill: 'rgba(37,99,235,0.14)' }] : [],
      cursor: { drag: { x: true, y: false, setScale: false } },
      legend: { live: true },
      hooks: {
        setSelect: [
          (self) => {
            if (self.select.width > 4) {
              const from = self.posToVal(self.select.left, 'x');
              const to = self.posToVal(self.select.left + self.select.width, 'x');
              zoom.current(Math.max(0, from), to);
            }
            self.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
          },
        ],
      },
    };
    const instance = new uPlot(options, shown(columns, band), element);
    instance.root.querySelector('canvas')?.setAttribute('aria-hidden', 'true');
    // The scales uPlot really uses, for tests and for anyone inspecting the page.
    element.dataset.xScale = instance.scales.x.distr === 3 ? 'log' : 'linear';
    element.dataset.yScale = instance.scales.y.distr === 3 ? 'log' : 'linear';
    element.dataset.band = String(instance.series.length === 4);
    chart.current = instance;
    const resize = new ResizeObserver(() =>
      instance.setSize({ width: Math.max(element.clientWidth, 280), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      chart.current = null;
    };
    // columns are handed over by the effect below; only these rebuild the chart.
  }, [logX, logY, band, metric]);

  useEffect(() => {
    chart.current?.setData(shown(columns, band));
  }, [columns]);

  return <div ref={container} class="chart" data-points={columns[0].length} />;
}
