import { performance } from 'node:perf_hooks';
import { keepAlivePost } from './keep-alive-post';

/** Metrics a bench run reports, in turn. */
const METRICS = ['loss', 'val_loss', 'val_acc'];

/** An external run, started: its id and its run token's header. */
export interface StartedRun {
  id: number;
  authorization: string;
}

/** Creates an external run with an operator's header and starts it with its run token. */
export async function startedRun(
  apiUrl: string,
  operator: string,
  name: string,
): Promise<StartedRun> {
  const created = await fetch(`${apiUrl}/simulation`, {
    method: 'POST',
    headers: { authorization: operator, 'content-type': 'application/json' },
    body: JSON.stringify({ name, machine_id: 1, program: 'external' }),
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id, run_token: token } = (await created.json()) as { id: number; run_token: string };
  const run = { id, authorization: `Bearer ${token}` };
  const started = await fetch(`${apiUrl}/simulation/${id}/start`, {
    method: 'POST',
    headers: { authorization: run.authorization },
  });
  if (started.status !== 200) throw new Error(`start: ${started.status} ${await started.text()}`);
  return run;
}

/** A point as a bench run reports it. */
export interface BenchPoint {
  metric: string;
  value: number;
  seconds: number;
  step: number;
}

/**
 * A run's points, batch after batch: three metrics in turn, each point a
 * millisecond after the last of its metric, with its step.
 */
export function pointBatches(): (batch: number) => BenchPoint[] {
  let seconds = 0;
  return (batch) =>
    Array.from({ length: batch }, (_, k) => {
      if (k % METRICS.length === 0) seconds += 0.001;
      const step = Math.round(seconds * 1000);
      return { metric: METRICS[k % METRICS.length], value: 1 / (1 + step), seconds, step };
    });
}

/**
 * A run's reporter: report after report of `batch` points, each numbered;
 * as JSON up to 1,000 points, as NDJSON past that. Each call sends one
 * report and answers its points.
 */
export function reporter(apiUrl: string, run: StartedRun, batch: number): () => Promise<number> {
  const next = pointBatches();
  let sequence = 0;
  return async () => {
    sequence++;
    const points = next(batch);
    const ndjson = batch > 1_000;
    const body = ndjson
      ? [JSON.stringify({ sequence }), ...points.map((point) => JSON.stringify(point))].join('\n')
      : JSON.stringify({ sequence, points });
    const answer = await keepAlivePost(
      `${apiUrl}/simulation/${run.id}/metrics`,
      {
        authorization: run.authorization,
        'content-type': ndjson ? 'application/x-ndjson' : 'application/json',
      },
      body,
    );
    if (answer.status !== 200) throw new Error(`report: ${answer.status} ${answer.text}`);
    return batch;
  };
}

/** Points per second that `runs` report together for `seconds`, each waiting for its answer. */
export async function reportTogether<Run>(
  runs: readonly Run[],
  seconds: number,
  reporterOf: (run: Run) => () => Promise<number>,
): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const sent = await Promise.all(
    runs.map(async (run) => {
      const report = reporterOf(run);
      let points = 0;
      while (performance.now() < deadline) points += await report();
      return points;
    }),
  );
  return sent.reduce((sum, points) => sum + points, 0) / ((performance.now() - started) / 1000);
}

/** What `clients` runs reporting together for `seconds` asks for, each waiting for its answer. */
export interface IngestRequest {
  apiUrl: string;
  operator: string;
  batch: number;
  clients: number;
  seconds: number;
}

/** Points per second that `clients` new runs report together for `seconds`. */
export async function ingest(request: IngestRequest): Promise<number> {
  const { apiUrl, operator, batch, clients, seconds } = request;
  const runs = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      startedRun(apiUrl, operator, `ingest ${batch}×${clients} #${i}`),
    ),
  );
  return reportTogether(runs, seconds, (run) => reporter(apiUrl, run, batch));
}
