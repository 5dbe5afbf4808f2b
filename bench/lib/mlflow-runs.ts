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

/** Where a server speaking MLflow's protocol is, and the bearer token it wants (ours does; MLflow's own none). */
export interface MlflowServer {
  url: string;
  authorization?: string;
}

const headersOf = (server: MlflowServer): Record<string, string> =>
  server.authorization ? { authorization: server.authorization } : {};

async function call<T>(server: MlflowServer, path: string, body?: unknown): Promise<T> {
  const { url } = server;
  // POSTs (log-batch among them, in timed loops) go as the reports they are set against do.
  const answer =
    body === undefined
      ? await fetch(`${url}${API}/${path}`, { headers: headersOf(server) }).then(async (reply) => ({
          status: reply.status,
          text: await reply.text(),
        }))
      : await keepAlivePost(
          `${url}${API}/${path}`,
          { 'content-type': 'application/json', ...headersOf(server) },
          JSON.stringify(body),
        );
  if (answer.status < 200 || answer.status > 299)
    throw new Error(`MLflow ${path}: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as T;
}

/** The id of the experiment named `name`, created when there is none. */
export async function mlflowExperiment(server: MlflowServer, name: string): Promise<string> {
  const found = await fetch(
    `${server.url}${API}/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`,
    { headers: headersOf(server) },
  );
  if (found.ok)
    return ((await found.json()) as { experiment: { experiment_id: string } }).experiment
      .experiment_id;
  if (found.status !== 404) throw new Error(`MLflow get-by-name: ${found.status}`);
  return (await call<{ experiment_id: string }>(server, 'experiments/create', { name }))
    .experiment_id;
}

/** A new run in `experimentId`: its id. */
export async function mlflowRun(
  server: MlflowServer,
  experimentId: string,
  name: string,
): Promise<string> {
  const created = await call<{ run: { info: { run_id: string } } }>(server, 'runs/create', {
    experiment_id: experimentId,
    user_id: 'bench',
    run_name: name,
    start_time: Date.now(),
  });
  return created.run.info.run_id;
}

/** Writes `points` of each of `metrics` (steps 0…, a second apart) in batches of MLflow's most. */
export async function mlflowLogHistory(
  server: MlflowServer,
  runId: string,
  metrics: readonly string[],
  points: number,
): Promise<void> {
  const all = Array.from({ length: points }, (_, step) =>
    metrics.map((key) => ({ key, value: 1 / (step + 1), timestamp: 1_000 * (step + 1), step })),
  ).flat();
  for (let at = 0; at < all.length; at += MLFLOW_MAX_BATCH)
    await call(server, 'runs/log-batch', {
      run_id: runId,
      metrics: all.slice(at, at + MLFLOW_MAX_BATCH),
    });
}

/** The same points as an external run's reporter sends, through `log-batch`. */
function mlflowReporter(server: MlflowServer, runId: string, batch: number): () => Promise<number> {
  const next = pointBatches();
  const started = Date.now();
  return async () => {
    const metrics = next(batch).map(({ metric, value, step }) => ({
      key: metric,
      value,
      timestamp: started + step,
      step,
    }));
    await call(server, 'runs/log-batch', { run_id: runId, metrics });
    return batch;
  };
}

export interface MlflowIngestRequest {
  mlflowUrl: string;
  /** Bearer token, for our MLflow-compatible routes. */
  authorization?: string;
  batch: number;
  clients: number;
  seconds: number;
}

/** Points per second that `clients` new MLflow runs write together with `log-batch` for `seconds`. */
export async function mlflowIngest(request: MlflowIngestRequest): Promise<number> {
  const { mlflowUrl, authorization, batch, clients, seconds } = request;
  const server = { url: mlflowUrl, authorization };
  if (batch > MLFLOW_MAX_BATCH)
    throw new Error(`MLflow takes at most ${MLFLOW_MAX_BATCH} metrics in one log-batch`);
  const experiment = await mlflowExperiment(server, 'aisimulation-bench');
  const runs = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      mlflowRun(server, experiment, `ingest ${batch}×${clients} #${i}`),
    ),
  );
  return reportTogether(runs, seconds, (run) => mlflowReporter(server, run, batch));
}
