// Prometheus metrics, one registry per process (prom-client's default). Both
// apps expose it: the API at /metrics, each worker on METRICS_PORT. Counters
// are the process's own since it started; Prometheus sums across processes.
import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';
import { startEventLoopDelayHistogram } from './event-loop-delay';

export const metricsRegistry = register;

let processMetricsStarted = false;

/**
 * How often the event loop is sampled. Node's delay histogram records the
 * whole interval between samples, so prom-client's nodejs_eventloop_lag_*
 * figures include this period: an idle process shows a p99 of 0.020 s. The
 * delay itself is the figure minus this.
 */
export const EVENT_LOOP_SAMPLE_MS = 20;

/** CPU, memory, GC, handles and event-loop delay of this process (once per process). */
export function startProcessMetrics(): void {
  if (processMetricsStarted) return;
  processMetricsStarted = true;
  collectDefaultMetrics({ register, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  startEventLoopDelayHistogram(register);
}

/** One metric per name per process, even when a test process builds several apps. */
function once<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

export const httpRequests = once(
  'http_requests_total',
  () =>
    new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
    }),
);

export const httpRequestDuration = once(
  'http_request_duration_seconds',
  () =>
    new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route template.',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
);

export const attemptsStarted = once(
  'simulation_attempts_started_total',
  () =>
    new Counter({
      name: 'simulation_attempts_started_total',
      help: 'Attempts this worker claimed and started.',
    }),
);

export const attemptsEnded = once(
  'simulation_attempts_ended_total',
  () =>
    new Counter({
      name: 'simulation_attempts_ended_total',
      help:
        'Attempts this worker ended, by outcome: finished, retrying (failed or timed out, retried), ' +
        'failed (for good), cancelled, lost (taken back), handed_back (at shutdown).',
      labelNames: ['outcome'] as const,
    }),
);

export const attemptTimeouts = once(
  'simulation_timeouts_total',
  () =>
    new Counter({
      name: 'simulation_timeouts_total',
      help: 'Attempts stopped for running past their planned end by SIMULATION_TIMEOUT_MS.',
    }),
);

export const retriesQueued = once(
  'simulation_retries_total',
  () =>
    new Counter({
      name: 'simulation_retries_total',
      help: 'Automatic retries queued after an attempt failed or timed out.',
    }),
);

export const runDuration = once(
  'simulation_run_duration_seconds',
  () =>
    new Histogram({
      name: 'simulation_run_duration_seconds',
      help: 'Time from claiming an attempt to its end, by outcome.',
      labelNames: ['outcome'] as const,
      buckets: [1, 2.5, 5, 10, 15, 30, 60, 120, 300, 900, 3600, 14_400, 86_400],
    }),
);

export const curveWriteRuns = once(
  'simulation_curve_write_runs',
  () =>
    new Histogram({
      name: 'simulation_curve_write_runs',
      help:
        'Runs whose due points went to Postgres in one statement: a busy worker writes ' +
        'many runs per round trip.',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    }),
);

export const lostRunsRecovered = once(
  'simulation_lost_runs_recovered_total',
  () =>
    new Counter({
      name: 'simulation_lost_runs_recovered_total',
      help: 'Running attempts taken back from workers that stopped heartbeating.',
    }),
);

export const staleWritesRejected = once(
  'simulation_stale_writes_rejected_total',
  () =>
    new Counter({
      name: 'simulation_stale_writes_rejected_total',
      help: 'Writes refused because the attempt no longer held the simulation (fencing).',
      labelNames: ['what'] as const,
    }),
);

export const liveCurveStreamsOpen = once(
  'live_curve_streams_open',
  () =>
    new Gauge({
      name: 'live_curve_streams_open',
      help: 'Live curve streams (Server-Sent Events) this API process is serving now.',
    }),
);

// Gauges of the service's state, set by the API at each scrape from small
// queries (active rows, machines, workers) and Redis list lengths.

export const activeSimulations = once(
  'simulations',
  () =>
    new Gauge({
      name: 'simulations',
      help: 'Simulations pending or running now (terminal outcomes are counted by the workers).',
      labelNames: ['status'] as const,
    }),
);

export const queueJobs = once(
  'queue_jobs',
  () =>
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in each machine queue, by state (waiting, active, delayed, failed).',
      labelNames: ['machine_id', 'state'] as const,
    }),
);

export const machinePending = once(
  'machine_pending_simulations',
  () =>
    new Gauge({
      name: 'machine_pending_simulations',
      help: 'Pending simulations per machine.',
      labelNames: ['machine_id'] as const,
    }),
);

export const machineOldestPendingAge = once(
  'machine_oldest_pending_age_seconds',
  () =>
    new Gauge({
      name: 'machine_oldest_pending_age_seconds',
      help: 'Age of the oldest pending simulation per machine (0 when none waits).',
      labelNames: ['machine_id'] as const,
    }),
);

export const machineLiveWorkers = once(
  'machine_live_workers',
  () =>
    new Gauge({
      name: 'machine_live_workers',
      help: 'Live workers able to take a machine’s runs: its own, plus pool workers unless it drains.',
      labelNames: ['machine_id'] as const,
    }),
);

export const machineHeartbeatAge = once(
  'machine_heartbeat_age_seconds',
  () =>
    new Gauge({
      name: 'machine_heartbeat_age_seconds',
      help: 'Seconds since the freshest heartbeat of a worker serving the machine ("pool": pool workers).',
      labelNames: ['machine_id'] as const,
    }),
);

// History maintenance, counted by the worker that did it.

export const curveDaysExpired = once(
  'history_curve_days_expired_total',
  () =>
    new Counter({
      name: 'history_curve_days_expired_total',
      help:
        'Days of curves expired: "dropped" took the day’s partitions, "deleted" removed due curves ' +
        'row by row from a day still holding unfinished or recent runs.',
      labelNames: ['how'] as const,
    }),
);

export const simulationsDeleted = once(
  'history_simulations_deleted_total',
  () =>
    new Counter({
      name: 'history_simulations_deleted_total',
      help: 'Simulations deleted for being older than SIMULATION_RETENTION_DAYS.',
    }),
);

export const curvePartitionDaysAhead = once(
  'curve_partition_days_ahead',
  () =>
    new Gauge({
      name: 'curve_partition_days_ahead',
      help: 'Days from today on that have curve partitions; at 0, curve writes fail.',
    }),
);
