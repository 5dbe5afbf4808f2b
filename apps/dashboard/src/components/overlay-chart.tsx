import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { followWidth, legendValue, metricChartBase } from './chart-axes';

/** One run's curve in an overlay: its points as [seconds, value] columns. */
export interface OverlaySeries {
  label: string;
  seconds: number[];
  values: (number | null)[];
}

/** Colours told apart by most eyes (Okabe–Ito), then repeated with dashes. */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#000000'];

/**
 * Several runs' curves of one metric on shared axes. Each run was sampled on
 * its own seconds, so uPlot's join aligns them: a run's line passes over the
 * others' seconds (join leaves them undefined) but breaks where its own
 * value is null (NaN, or nothing a log axis can hold).
 */
export function OverlayChart(props: {
  series: OverlaySeries[];
  metric: string;
  logX: boolean;
  logY: boolean;
}) {
  const { series, metric, logX, logY } = props;
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current!;
    const tables = series.map((run) => [run.seconds, run.values] as unknown as uPlot.AlignedData);
    const data = tables.length ? uPlot.join(tables) : ([[]] as unknown as uPlot.AlignedData);
    const base = metricChartBase(element, metric, { logX, logY });
    const chart = new uPlot(
      {
        ...base,
        series: [
          ...base.series,
          ...series.map((run, index): uPlot.Series => ({
            label: run.label,
            stroke: PALETTE[index % PALETTE.length],
            dash: index < PALETTE.length ? undefined : [6, 4],
            width: 2,
            spanGaps: false,
            points: { show: false },
            value: legendValue,
          })),
        ],
        legend: { live: true },
      },
      data,
      element,
    );
    chart.root.querySelector('canvas')?.setAttribute('aria-hidden', 'true');
    element.dataset.series = String(series.length);
    element.dataset.xScale = chart.scales.x.distr === 3 ? 'log' : 'linear';
    const stopFollowing = followWidth(element, chart);
    return () => {
      stopFollowing();
      chart.destroy();
    };
  }, [series, metric, logX, logY]);

  return <div ref={container} class="chart overlay" />;
}
