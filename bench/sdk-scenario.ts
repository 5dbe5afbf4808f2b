/**
 * Scenario 14, the Python SDK: what `log()` costs the training loop's thread
 * while the SDK's own thread sends, and how long 1,000,000 points take from a
 * script's first `log()` to the last point stored, against the API taking the
 * same points from a client that does nothing but send them (both in
 * clients/python/bench/sdk_bench.py, one after the other in each round).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BenchRow } from './lib/load';
import { median } from './lib/load';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installPythonSdk, SDK_DIR } = require('../scripts/lib/python-sdk');

const ROUNDS = 3;
const LOG_P99_TARGET_US = 50;
const STORED_RATIO_TARGET = 2;

export interface SdkContext {
  apiUrl: string;
  dir: string;
  machineId: number;
  /** An operator's Authorization header. */
  operator: string;
  log: (line: string) => void;
}

interface SdkRound {
  sdk: {
    points: number;
    log_p50_us: number;
    log_p99_us: number;
    log_max_us: number;
    logging_seconds: number;
    stored_seconds: number;
  };
  api: { points: number; stored_seconds: number };
}

export async function sdkScenario(
  context: SdkContext,
): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const { log } = context;
  log("\n14. the Python SDK: log() on the caller's thread, 1,000,000 points from one script");
  const python: string = installPythonSdk(path.join(context.dir, 'python-sdk'));
  const { stdout } = await promisify(execFile)(
    python,
    [path.join(SDK_DIR, 'bench/sdk_bench.py'), String(context.machineId)],
    {
      env: {
        ...process.env,
        AISIM_URL: context.apiUrl,
        AISIM_ACCESS_TOKEN: context.operator.replace(/^Bearer /, ''),
        AISIM_SPOOL_DIR: path.join(context.dir, 'python-sdk/spool'),
        SDK_BENCH_ROUNDS: String(ROUNDS),
      },
      maxBuffer: 16 * 2 ** 20,
    },
  );
  const rounds = JSON.parse(stdout) as SdkRound[];
  const p50 = median(rounds.map((round) => round.sdk.log_p50_us));
  const p99 = median(rounds.map((round) => round.sdk.log_p99_us));
  const worst = Math.max(...rounds.map((round) => round.sdk.log_max_us));
  const sdkSeconds = median(rounds.map((round) => round.sdk.stored_seconds));
  const apiSeconds = median(rounds.map((round) => round.api.stored_seconds));
  const ratio = Number((sdkSeconds / apiSeconds).toFixed(2));
  const points = rounds[0].sdk.points;
  log(
    `   log(): p50 ${p50.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs (worst ${Math.round(worst / 1000)} ms); ` +
      `${points.toLocaleString('en')} points stored in ${sdkSeconds.toFixed(1)} s through the SDK, ` +
      `${apiSeconds.toFixed(1)} s sent to the API alone: ${ratio}×`,
  );
  return {
    rows: [
      {
        scenario: "14. `log()` from Python, on the caller's thread (4 metrics a call)",
        a: 'p99 of a call',
        b: 'target',
        figures: `p50 ${p50.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs over ${(points / 4).toLocaleString('en')} calls`,
        ratio: `${p99.toFixed(1)} µs`,
        target: `p99 ≤ ${LOG_P99_TARGET_US} µs`,
        holds: p99 <= LOG_P99_TARGET_US,
      },
      {
        scenario: '14. 1,000,000 points from one Python script, first `log()` to last point stored',
        a: 'through the SDK',
        b: 'the API alone (NDJSON reports of 100,000, encoded beforehand)',
        figures: `${sdkSeconds.toFixed(1)} s vs ${apiSeconds.toFixed(1)} s`,
        ratio: `${ratio}×`,
        target: `≤ ${STORED_RATIO_TARGET}×`,
        holds: ratio <= STORED_RATIO_TARGET,
      },
    ],
    results: { rounds },
  };
}
