import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { CurveColumns } from '../curve-data';
import { followWidth, legendValue, metricChartBase } from './chart-axes';

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

/** Without a band, its two edge series are left out of the chart (and its legend). */
const shown = (columns: CurveColumns, band: boolean) =>
  (band ? columns : columns.slice(0, 2)) as uPlot.AlignedData;

const bandEdge = (metric: string, label: string): uPlot.Series => ({
  label: `${metric} ${label}`,
  stroke: 'rgba(37,99,235,0.35)',
  points: { show: false },
  value: legendValue,
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
    const base = metricChartBase(element, metric, { logX, logY });
    const options: uPlot.Options = {
      ...base,
      series: [
        ...base.series,
        {
          label: metric,
          stroke: '#2563eb',
          width: 2,
          spanGaps: false,
          points: { show: false },
          value: legendValue,
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
    const stopFollowing = followWidth(element, instance);
    return () => {
      stopFollowing();
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
