/**
 * Scenario 12, runs reporting in: points sent by external runs through
 * POST /simulation/{id}/metrics (batches of 1,000 as JSON and 10,000 as
 * NDJSON, from 1 and 4 clients at once) against COPY of the same batches
 * into the same table, each batch committed before the next as a report is
 * answered only once durable (one bulk COPY of a million rows is shown too:
 * it pays one commit where reports pay one per batch); a whole 1,000-point
 * named metric against today's whole curve; and a metric's read, idle and
 * while 4 clients report. The reporting clients run in a process of their
 * own, as a service's clients do.
 */
import type { DataSource } from 'typeorm';
import {
  type BenchRow,
  failuresOf,
  type LoadResult,
  median,
  type PairOutcome,
  runLoad,
  type Side,
} from './lib/load';
import type { MeasuredProcess } from './lib/processes';
import { copyBatches } from './lib/copy-batches';
import { copyCurveWrite } from './lib/worker-scenarios';
import { startedRun } from './lib/external-runs';
import { ReportingClients } from './lib/reporting-clients';
import { MLFLOW_MAX_BATCH, mlflowExperiment, mlflowLogHistory, mlflowRun } from './lib/mlflow-runs';

const ROUNDS = 3;
const REPORT_SECONDS = 8;
const INGESTION_TARGET = 0.6;
/** Ours against MLflow's `log-batch`, one process each. */
const MLFLOW_TARGET = 20;

export interface IngestionContext {
  apiUrl: string;
  api: MeasuredProcess;
  db: DataSource;
  databaseUrl: string;
  /** An operator's and a viewer's Authorization header. */
  operator: string;
  viewer: string;
  log: (line: string) => void;
  pair: (a: Side, b: Side) => Promise<PairOutcome>;
  describe: (outcome: PairOutcome) => string;
  settle: () => Promise<void>;
  /** No checkpoint owed, no autovacuum at work: before the reads, after the ingestion's writes. */
  quiesce: () => Promise<void>;
}

export async function ingestionScenario(
  context: IngestionContext,
): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const clients = ReportingClients.start();
  try {
    return await measureIngestion(context, clients);
  } finally {
    clients.stop();
  }
}

async function measureIngestion(
  context: IngestionContext,
  reporting: ReportingClients,
): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const { log } = context;
  const ingest = (batch: number, clients: number, seconds = REPORT_SECONDS) =>
    reporting.ingest({
      to: 'api',
      apiUrl: context.apiUrl,
      operator: context.operator,
      batch,
      clients,
      seconds,
    });
  const rows: BenchRow[] = [];
  const results: Record<string, unknown> = {};

  // Rows as the reports below store them: each with a step.
  log(
    '\n12. runs reporting in: COPY into convergence_points, 1,000,000 rows with steps from one process',
  );
  const copyRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await context.settle();
    copyRates.push(await copyCurveWrite(context.databaseUrl, context.db, 1_000_000, true));
  }
  const copyRate = Math.round(median(copyRates));
  log(`   COPY ${copyRate.toLocaleString('en')} rows/s`);
  results.copyRates = copyRates;

  for (const batch of [1_000, 10_000]) {
    for (const clients of [1, 4]) {
      const label = `batches of ${batch.toLocaleString('en')}${batch > 1_000 ? ' (NDJSON)' : ''}, ${clients} client${clients > 1 ? 's' : ''}`;
      log(`\n12. reporting through the API, ${label}`);
      const rates: number[] = [];
      const floors: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await context.settle();
        rates.push(await ingest(batch, clients));
        await context.settle();
        floors.push(
          await copyBatches(context.databaseUrl, context.db, batch, clients, REPORT_SECONDS),
        );
      }
      const rate = Math.round(median(rates));
      const floor = Math.round(median(floors));
      const ratio = Number((rate / floor).toFixed(2));
      const bulkRatio = Number((rate / copyRate).toFixed(2));
      log(
        `   ${rate.toLocaleString('en')} points/s: ${ratio}× COPY in the same batches ` +
          `(${floor.toLocaleString('en')} rows/s), ${bulkRatio}× one bulk COPY`,
      );
      results[`ingest ${batch}x${clients}`] = { rates, copyBatches: floors };
      rows.push({
        scenario: `12. ingestion, ${label}`,
        a: 'API, reports of external runs',
        b: `\`COPY\` of the same batches, one transaction each, ${clients} connection${clients > 1 ? 's' : ''}`,
        figures:
          `${rate.toLocaleString('en')} points/s vs ${floor.toLocaleString('en')} rows/s ` +
          `(one bulk COPY: ${copyRate.toLocaleString('en')} rows/s, ${bulkRatio}×)`,
        ratio: `${ratio}×`,
        target: `≥ ${INGESTION_TARGET}×`,
        holds: ratio >= INGESTION_TARGET,
      });
    }
  }

  // A finished run with 1,000 points of loss and of val_loss: the same read, by either name.
  const run = await startedRun(context.apiUrl, context.operator, 'read back');
  const points = Array.from({ length: 1_000 }, (_, k) => [
    { metric: 'loss', value: 1 / (k + 1), seconds: k + 1, step: k },
    { metric: 'val_loss', value: 1.1 / (k + 1), seconds: k + 1, step: k },
  ]).flat();
  const stored = await fetch(`${context.apiUrl}/simulation/${run.id}/metrics`, {
    method: 'POST',
    headers: { authorization: run.authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ sequence: 1, points }),
  });
  if (stored.status !== 200) throw new Error(`report: ${stored.status}`);
  await fetch(`${context.apiUrl}/simulation/${run.id}/end`, {
    method: 'POST',
    headers: { authorization: run.authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'finished', exit_code: 0 }),
  });
  const metricRead = {
    path: () => `/simulation/${run.id}/metrics/val_loss`,
    headers: { authorization: context.viewer },
  };
  const curveRead = {
    path: () => `/converge/${run.id}`,
    headers: { authorization: context.viewer },
  };
  await context.quiesce();
  log('\n12. a whole 1,000-point named metric vs the whole loss curve, same run');
  const side = (name: string, request: Side['request']): Side => ({
    name,
    url: context.apiUrl,
    request,
    process: context.api,
  });
  const whole = await context.pair(side('metric', metricRead), side('curve', curveRead));
  log(`   ${context.describe(whole)}`);
  results.wholeMetric = whole;
  rows.push({
    scenario: '12. a whole 1,000-point named metric vs the whole curve',
    a: '`GET /simulation/{id}/metrics/val_loss`',
    b: '`GET /converge/{id}`',
    figures: context.describe(whole),
    ratio: `${whole.rpsRatio}× req/s`,
    target: '≥ 0.9× req/s',
    holds: whole.rpsRatio >= 0.9,
  });

  log('\n12. the same metric read, idle vs while 4 clients report batches of 1,000');
  const idle: LoadResult[] = [];
  const busy: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await context.settle();
    idle.push(await runLoad(context.apiUrl, metricRead));
    const reporters = ingest(1_000, 4, 10);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    busy.push(await runLoad(context.apiUrl, metricRead));
    await reporters;
  }
  const idleP99 = median(idle.map((result) => result.p99));
  const busyP99 = median(busy.map((result) => result.p99));
  const p99Ratio = Number((busyP99 / idleP99).toFixed(2));
  log(`   p99 ${idleP99} ms idle, ${busyP99} ms while reporting: ${p99Ratio}×`);
  results.readsWhileIngesting = { idle, busy };
  rows.push({
    scenario: '12. reads while 4 clients report',
    a: 'p99 while reporting',
    b: 'p99 idle',
    figures: `p99 ${busyP99} / ${idleP99} ms; ${Math.round(median(busy.map((r) => r.rps)))} / ${Math.round(median(idle.map((r) => r.rps)))} req/s`,
    ratio: `${p99Ratio}×`,
    target: 'p99 ≤ 1.5×',
    holds: p99Ratio <= 1.5,
  });
  const mlflow = process.env.BENCH_MLFLOW_URL;
  if (mlflow) rows.push(...(await againstMlflow(context, reporting, mlflow, results, metricRead)));
  else log('\n12. MLflow: not measured (BENCH_MLFLOW_URL names no running MLflow server)');
  return { rows, results };
}

/**
 * The same reports through MLflow's `log-batch` (at most 1,000 metrics each,
 * its limit) and the same whole-metric read through its `get-history`,
 * against the figures measured above.
 */
async function againstMlflow(
  context: IngestionContext,
  reporting: ReportingClients,
  mlflowUrl: string,
  results: Record<string, unknown>,
  metricRead: Side['request'],
): Promise<BenchRow[]> {
  const { log } = context;
  const rows: BenchRow[] = [];
  const health = await fetch(`${mlflowUrl}/health`).catch((error: Error) => error);
  if (health instanceof Error || !health.ok)
    throw new Error(`BENCH_MLFLOW_URL=${mlflowUrl} answers no /health: is MLflow running?`);
  for (const clients of [1, 4]) {
    log(`\n12. MLflow log-batch, 1,000 metrics each, ${clients} client${clients > 1 ? 's' : ''}`);
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await context.settle();
      rates.push(
        await reporting.ingest({
          to: 'mlflow',
          mlflowUrl,
          batch: MLFLOW_MAX_BATCH,
          clients,
          seconds: REPORT_SECONDS,
        }),
      );
    }
    const theirs = Math.round(median(rates));
    const ours = Math.round(
      median((results[`ingest 1000x${clients}`] as { rates: number[] }).rates),
    );
    const ratio = Number((ours / theirs).toFixed(1));
    log(`   ${theirs.toLocaleString('en')} points/s; ours ${ours.toLocaleString('en')}: ${ratio}×`);
    results[`mlflow ingest 1000x${clients}`] = rates;
    rows.push({
      scenario: `12. ingestion vs MLflow, batches of 1,000, ${clients} client${clients > 1 ? 's' : ''}`,
      a: 'API, reports of external runs',
      b: 'MLflow `runs/log-batch`',
      figures: `${ours.toLocaleString('en')} vs ${theirs.toLocaleString('en')} points/s`,
      ratio: `${ratio}×`,
      target: `≥ ${MLFLOW_TARGET}×`,
      holds: ratio >= MLFLOW_TARGET,
    });
  }

  log('\n12. a whole 1,000-point metric vs MLflow get-history of the same');
  const server = { url: mlflowUrl };
  const experiment = await mlflowExperiment(server, 'aisimulation-bench');
  const run = await mlflowRun(server, experiment, 'read back');
  await mlflowLogHistory(server, run, ['loss', 'val_loss'], 1_000);
  const history = await context.pair(
    { name: 'metric', url: context.apiUrl, request: metricRead, process: context.api },
    {
      name: 'MLflow',
      url: mlflowUrl,
      failuresMeasured: true,
      request: {
        path: () =>
          `/api/2.0/mlflow/metrics/get-history?run_id=${run}&metric_key=val_loss&max_results=25000`,
      },
    },
  );
  const figures = context.describe(history) + failuresOf('MLflow', history.b.rounds);
  log(`   ${figures}`);
  results.mlflowHistory = history;
  rows.push({
    scenario: '12. a whole 1,000-point metric vs MLflow',
    a: '`GET /simulation/{id}/metrics/val_loss`',
    b: 'MLflow `metrics/get-history`',
    figures,
    ratio: `${history.rpsRatio}× req/s`,
    target: 'reference',
    holds: null,
  });
  return rows;
}
