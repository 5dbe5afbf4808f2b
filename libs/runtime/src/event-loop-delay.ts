import { performance } from 'node:perf_hooks';
import { Histogram, type Registry } from 'prom-client';

/** A timer due this often records how late it ran. */
const SAMPLE_MS = 10;

/**
 * Event-loop delay as a Prometheus histogram. prom-client's
 * nodejs_eventloop_lag_* gauges hold percentiles of the last scrape interval
 * only (reset at each scrape, and counting the sampling period in); a
 * histogram adds up, so histogram_quantile gives the p99 over any window and
 * across processes. Costs one short timer callback every 10 ms.
 */
export function startEventLoopDelayHistogram(registry: Registry): void {
  const histogram = new Histogram({
    name: 'process_event_loop_delay_seconds',
    help: 'How late a timer due every 10 ms ran: the event-loop delay, sampled.',
    buckets: [0.001, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  let dueAt = performance.now() + SAMPLE_MS;
  const sample = () => {
    const now = performance.now();
    histogram.observe(Math.max(0, now - dueAt) / 1000);
    dueAt = now + SAMPLE_MS;
    setTimeout(sample, SAMPLE_MS).unref();
  };
  setTimeout(sample, SAMPLE_MS).unref();
}
