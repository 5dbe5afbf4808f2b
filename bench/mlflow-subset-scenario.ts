/**
 * Scenario 15, the MLflow-compatible subset (docs/mlflow.md): points per
 * second written with MLflow's `runs/log-batch` (1,000 metrics each, its
 * most) to our API, against the same points as reports of external runs to
 * the same API, one after the other in each round, from the reporting
 * clients' own process.
 */
import type { BenchRow } from './lib/load';
import { median } from './lib/load';
import { MLFLOW_MAX_BATCH } from './lib/mlflow-runs';
import { ReportingClients } from './lib/reporting-clients';

const ROUNDS = 3;
const REPORT_SECONDS = 8;
/** The bound: log-batch through the subset at least half our own ingestion's points/s. */
const SUBSET_TARGET = 0.5;

export interface MlflowSubsetContext {
  apiUrl: string;
  /** An operator's Authorization header. */
  operator: string;
  log: (line: string) => void;
  settle: () => Promise<void>;
}

export async function mlflowSubsetScenario(
  context: MlflowSubsetContext,
): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const { apiUrl, operator, log } = context;
  const reporting = ReportingClients.start();
  const rows: BenchRow[] = [];
  const results: Record<string, unknown> = {};
  try {
    for (const clients of [1, 4]) {
      const label = `${clients} client${clients > 1 ? 's' : ''}`;
      log(`\n15. MLflow log-batch to our subset vs our own reports, batches of 1,000, ${label}`);
      const subset: number[] = [];
      const ours: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await context.settle();
        ours.push(
          await reporting.ingest({
            to: 'api',
            apiUrl,
            operator,
            batch: MLFLOW_MAX_BATCH,
            clients,
            seconds: REPORT_SECONDS,
          }),
        );
        await context.settle();
        subset.push(
          await reporting.ingest({
            to: 'mlflow',
            mlflowUrl: apiUrl,
            authorization: operator,
            batch: MLFLOW_MAX_BATCH,
            clients,
            seconds: REPORT_SECONDS,
          }),
        );
      }
      const theirs = Math.round(median(subset));
      const own = Math.round(median(ours));
      const ratio = Number((theirs / own).toFixed(2));
      log(
        `   log-batch ${theirs.toLocaleString('en')} points/s; reports ${own.toLocaleString('en')}: ${ratio}×`,
      );
      results[`${clients}`] = { subset, ours };
      rows.push({
        scenario: `15. MLflow \`log-batch\` to our subset, batches of 1,000, ${label}`,
        a: '`POST /api/2.0/mlflow/runs/log-batch`',
        b: 'reports of external runs, same API',
        figures: `${theirs.toLocaleString('en')} vs ${own.toLocaleString('en')} points/s`,
        ratio: `${ratio}×`,
        target: `≥ ${SUBSET_TARGET}×`,
        holds: ratio >= SUBSET_TARGET,
      });
    }
  } finally {
    reporting.stop();
  }
  return { rows, results };
}
