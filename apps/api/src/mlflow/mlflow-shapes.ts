import {
  type Experiment,
  type RunMetricSummary,
  type RunParams,
  type RunTags,
  type Simulation,
  SimulationStatus,
} from '@app/domain';
import { jsonNumber } from '../common/json-number';

/**
 * Our runs and experiments as MLflow's JSON has them (mlflow/protos/service.proto,
 * written as its server's message_to_json writes them): snake_case fields,
 * int64 as JSON numbers, ids as strings, enums by name, lists of {key, value},
 * a field left out when it is unset.
 */

/** A run's status by its MLflow name (RunStatus). */
export const MLFLOW_STATUS: Record<SimulationStatus, string> = {
  [SimulationStatus.Pending]: 'SCHEDULED',
  [SimulationStatus.Running]: 'RUNNING',
  [SimulationStatus.Finished]: 'FINISHED',
  [SimulationStatus.Failed]: 'FAILED',
  [SimulationStatus.Cancelled]: 'KILLED',
};

/** The tag MLflow keeps a run's name in, beside RunInfo.run_name. */
export const RUN_NAME_TAG = 'mlflow.runName';
/** The tag its client sends the user's name in. */
export const USER_TAG = 'mlflow.user';

export interface MlflowMetric {
  key: string;
  value: number | string;
  timestamp: number;
  step: number;
}

export function experimentJson(experiment: Experiment): Record<string, unknown> {
  return {
    experiment_id: String(experiment.experimentId),
    name: experiment.name,
    // No artifact store: artifacts are not part of the subset (docs/mlflow.md).
    artifact_location: '',
    lifecycle_stage: experiment.lifecycleStage,
    creation_time: experiment.creationTime.getTime(),
    last_update_time: experiment.lastUpdateTime.getTime(),
    tags: keyValueList(experiment.tags),
  };
}

export function runInfoJson(run: Simulation, tags: RunTags): Record<string, unknown> {
  const runId = String(run.simulationId);
  const start = (run.startedAt ?? run.creationDate).getTime();
  return {
    run_id: runId,
    run_uuid: runId,
    run_name: run.name,
    experiment_id: String(run.experimentId ?? 0),
    user_id: tags[USER_TAG] ?? run.createdBy ?? '',
    status: MLFLOW_STATUS[run.status],
    start_time: start,
    ...(run.finishedAt && { end_time: run.finishedAt.getTime() }),
    artifact_uri: '',
    lifecycle_stage: 'active',
  };
}

export function runJson(
  run: Simulation,
  data: { params: RunParams; tags: RunTags },
  metrics: readonly RunMetricSummary[],
): Record<string, unknown> {
  return {
    info: runInfoJson(run, data.tags),
    data: {
      metrics: metrics.map((metric) =>
        metricJson(run, metric.name, metric.last, metric.lastSeconds, metric.lastStep),
      ),
      params: keyValueList(paramTexts(data.params)),
      tags: keyValueList(data.tags),
    },
    inputs: {},
    outputs: {},
  };
}

/**
 * A point as an MLflow metric: its time is the run's start plus its seconds,
 * in milliseconds (the point was placed at its timestamp less the start).
 */
export function metricJson(
  run: Simulation,
  key: string,
  value: number,
  seconds: number,
  step: number | null,
): MlflowMetric {
  const start = (run.startedAt ?? run.creationDate).getTime();
  return {
    key,
    value: jsonNumber(value),
    timestamp: Math.round(start + seconds * 1000),
    step: step ?? 0,
  };
}

/** MLflow's params are text: ours are typed, and a number prints as it was sent (see paramOf). */
export function paramTexts(params: RunParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
}

function keyValueList(entries: Record<string, string>): Array<{ key: string; value: string }> {
  return Object.entries(entries).map(([key, value]) => ({ key, value }));
}
