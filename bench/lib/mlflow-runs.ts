import { pointBatches, reportTogether } from './external-runs';
import { keepAlivePost } from './keep-alive-post';

/**
 * The same work against an MLflow tracking server, through the REST API its
 * Python client speaks (/api/2.0/mlflow/…, as MLflow 2.10's client sends
 * it): runs created in one experiment, metrics written with `log-batch`,
 * histories read with `metrics/get-history`.
 */
const API = '/api/2.0/mlflow';
/** The most metrics MLflow takes in one `log-batch`. */
export const MLFLOW_MAX_BATCH = 1_000;

async function call<T>(url: string, path: string, body?: unknown): Promise<T> {
  // POSTs (log-batch among them, in timed loops) go as the reports they are set against do.
  const answer =
    body === undefined
      ? await fetch(`${url}${API}/${path}`).then(async (reply) => ({
          status: reply.status,
          text: await reply.text(),
        }))
      : await keepAlivePost(
          `${url}${API}/${path}`,
          { 'content-type': 'application/json' },
          JSON.stringify(body),
        );
  if (answer.status < 200 || answer.status > 299)
    throw new Error(`MLflow ${path}: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as T;
}

/** The id of the experiment named `name`, created when there is none. */
export async function mlflowExperiment(url: string, name: string): Promise<string> {
  const found = await fetch(
    `${url}${API}/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
  );
  if (found.ok)
    return ((await found.json()) as { experiment: { experiment_id: string } }).experiment
      .experiment_id;
  if (found.status !== 404) throw new Error(`MLflow get-by-name: ${found.status}`);
  return (await call<{ experiment_id: string }>(url, 'experiments/create', { name })).experiment_id;
}

/** A new run in `experimentId`: its id. */
export async function mlflowRun(url: string, experimentId: string, name: string): Promise<string> {
  const created = await call<{ run: { info: { run_id: string } } }>(url, 'runs/create', {
    experiment_id: experimentId,
    user_id: 'bench',
    run_name: name,
    start_time: Date.now(),
  });
  return created.run.info.run_id;
}

/** Writes `points` of each of `metrics` (steps 0…, a second apart) in batches of MLflow's most. */
export async function mlflowLogHistory(
  url: string,
  runId: string,
  metrics: readonly string[],
  points: number,
): Promise<void> {
  const all = Array.from({ length: points }, (_, step) =>
    metrics.map((key) => ({ key, value: 1 / (step + 1), timestamp: 1_000 * (step + 1), step })),
  ).flat();
  for (let at = 0; at < all.length; at += MLFLOW_MAX_BATCH)
    await call(url, 'runs/log-batch', {
      run_id: runId,
      metrics: all.slice(at, at + MLFLOW_MAX_BATCH),
    });
}

/** The same points as an external run's reporter sends, through `log-batch`. */
function mlflowReporter(url: string, runId: string, batch: number): () => Promise<number> {
  const next = pointBatches();
  const started = Date.now();
  return async () => {
    const metrics = next(batch).map(({ metric, value, step }) => ({
      key: metric,
      value,
      timestamp: started + step,
      step,
    }));
    await call(url, 'runs/log-batch', { run_id: runId, metrics });
    return batch;
  };
}

export interface MlflowIngestRequest {
  mlflowUrl: string;
  batch: number;
  clients: number;
  seconds: number;
}

/** Points per second that `clients` new MLflow runs write together with `log-batch` for `seconds`. */
export async function mlflowIngest(request: MlflowIngestRequest): Promise<number> {
  const { mlflowUrl, batch, clients, seconds } = request;
  if (batch > MLFLOW_MAX_BATCH)
    throw new Error(`MLflow takes at most ${MLFLOW_MAX_BATCH} metrics in one log-batch`);
  const experiment = await mlflowExperiment(mlflowUrl, 'aisimulation-bench');
  const runs = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      mlflowRun(mlflowUrl, experiment, `ingest ${batch}×${clients} #${i}`),
    ),
  );
  return reportTogether(runs, seconds, (run) => mlflowReporter(mlflowUrl, run, batch));
}
