import autocannon from 'autocannon';
import type { MeasuredProcess } from './processes';

/** Fixed load settings: every scenario, every side, every round. */
export const LOAD = { connections: 16, pipelining: 1, durationSeconds: 8, warmupSeconds: 2 };

export interface LoadRequest {
  method?: 'GET' | 'POST';
  /** Called per request: vary the path (ids) and body. */
  path: () => string;
  body?: () => string;
  headers?: Record<string, string>;
  /** Called per request: headers that vary (one of several clients' tokens). */
  varyHeaders?: () => Record<string, string>;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers: any is a failed measurement. */
  failures: number;
}

export async function runLoad(
  baseUrl: string,
  request: LoadRequest,
  durationSeconds = LOAD.durationSeconds,
): Promise<LoadResult> {
  const result = await autocannon({
    url: baseUrl,
    connections: LOAD.connections,
    pipelining: LOAD.pipelining,
    duration: durationSeconds,
    headers: { 'content-type': 'application/json', ...request.headers },
    requests: [
      {
        method: request.method ?? 'GET',
        setupRequest: (raw: any) => {
          raw.path = request.path();
          if (request.body) raw.body = request.body();
          if (request.varyHeaders) raw.headers = { ...raw.headers, ...request.varyHeaders() };
          return raw;
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One side of a pair: where its requests go, and the process to watch. */
export interface Side {
  name: string;
  url: string;
  request: LoadRequest;
  process?: MeasuredProcess;
  /**
   * Another system's side (MLflow): its failed requests (errors, 10-s
   * timeouts) are among its figures, reported by `failuresOf`, rather than
   * voiding the run as any failure of ours does.
   */
  failuresMeasured?: boolean;
}

/** How many of a side's requests failed over its rounds, for its figures; nothing when none did. */
export function failuresOf(name: string, rounds: readonly LoadResult[]): string {
  const failed = rounds.reduce((sum, r) => sum + r.failures, 0);
  return failed ? `; ${name}: ${failed} requests failed or timed out` : '';
}

export interface PairOutcome {
  a: { rps: number; p50: number; p99: number; peakMb: number | null; rounds: LoadResult[] };
  b: { rps: number; p50: number; p99: number; peakMb: number | null; rounds: LoadResult[] };
  rpsRatio: number;
  p99Ratio: number;
}

/** One line of the results table. */
export interface BenchRow {
  scenario: string;
  a: string;
  b: string;
  figures: string;
  ratio: string;
  target: string;
  /** null for a reference row, which has no target of its own. */
  holds: boolean | null;
}
