import { Role } from '@app/auth';
import {
  CurveReadRepository,
  DEFAULT_EXPERIMENT_ID,
  DEFAULT_PROJECT_ID,
  ProjectRepository,
  DomainError,
  type Experiment,
  ExperimentRepository,
  Program,
  RUN_DATA_LIMITS,
  RUN_KEY_PATTERN,
  RUN_KEY_RULE,
  type ReportedPoint,
  RunDataRepository,
  runDataProblems,
  type RunParams,
  type RunTags,
  type Simulation,
  SimulationLifecycle,
  SimulationRepository,
  SimulationStatus,
  summarizeProblems,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiConfig } from '../config/api-config';
import { RunReportsService } from '../runs/run-reports.service';
import { SimulationCreator } from '../simulations/simulation-creator';
import type { CreateSimulationDto } from '../simulations/dto/create-simulation.dto';
import { MlflowError } from './mlflow-error';
import {
  type MlflowInput,
  keyValues,
  objectList,
  optionalInt64,
  optionalString,
  requiredDouble,
  requiredInt64,
  requiredString,
  runIdOf,
  stringList,
} from './mlflow-request';
import { listQueryOf, pageTokenOf } from './mlflow-search';
import {
  experimentJson,
  metricJson,
  MLFLOW_STATUS,
  RUN_NAME_TAG,
  runInfoJson,
  runJson,
} from './mlflow-shapes';

/** MLflow's bounds on one log-batch (mlflow/utils/validation.py). */
export const LOG_BATCH_LIMITS = { metrics: 1000, params: 100, tags: 100, entities: 1000 };
/** The longest experiment name MLflow takes. */
const MAX_EXPERIMENT_NAME_LENGTH = 500;
/** Points one get-history page holds at most (MLflow's client asks for 25,000). */
const MAX_HISTORY_PAGE = 25_000;
/** MLflow's experiment search bounds and default page. */
const MAX_EXPERIMENTS_PER_PAGE = 50_000;
const DEFAULT_SEARCH_PAGE = 1000;
/** Names a run without one gets, MLflow-style ("bold-owl-123"). */
const NAME_WORDS = [
  ['bold', 'calm', 'eager', 'gentle', 'keen', 'lucid', 'merry', 'quick', 'sharp', 'wise'],
  ['owl', 'fox', 'lynx', 'heron', 'otter', 'panda', 'raven', 'seal', 'wolf', 'yak'],
];

const VIEW_TYPES: Record<string, 'active' | 'deleted' | 'all'> = {
  ACTIVE_ONLY: 'active',
  DELETED_ONLY: 'deleted',
  ALL: 'all',
  '1': 'active',
  '2': 'deleted',
  '3': 'all',
};

/**
 * The MLflow-compatible subset (docs/mlflow.md) on our runs: an MLflow run is
 * an external run (created and started at once, on MLFLOW_MACHINE_ID, with a
 * lease of MLFLOW_RUN_LEASE_MS); its metrics, params and tags go through the
 * run-report path, so they are stored as an external run's are: each batch
 * whole or not at all, and once.
 */
@Injectable()
export class MlflowTracking {
  constructor(
    private readonly config: ApiConfig,
    private readonly experiments: ExperimentRepository,
    private readonly simulations: SimulationRepository,
    private readonly runData: RunDataRepository,
    private readonly curves: CurveReadRepository,
    private readonly lifecycle: SimulationLifecycle,
    private readonly creator: SimulationCreator,
    private readonly reports: RunReportsService,
    private readonly projects: ProjectRepository,
  ) {}

  async createExperiment(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const name = requiredString(input, 'name');
    if (name.length > MAX_EXPERIMENT_NAME_LENGTH)
      throw MlflowError.invalid(
        `'name' exceeds the maximum length of ${MAX_EXPERIMENT_NAME_LENGTH} characters`,
      );
    const tags = keyValues(input, 'tags');
    const projectId = mlflowProjectOf(user);
    if (!user.access!.may(projectId, Role.Operator))
      throw new MlflowError(
        'PERMISSION_DENIED',
        `creating an experiment requires the operator role in the project; this token has ${user.access!.roleIn(projectId)}`,
        403,
      );
    const created = await this.experiments.create(projectId, name, tags, user.subject);
    if (!created) throw MlflowError.alreadyExists(`Experiment '${name}' already exists.`);
    return { experiment_id: String(created.experimentId) };
  }

  async getExperiment(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    return {
      experiment: experimentJson(
        await this.experiment(requiredString(input, 'experiment_id'), user),
      ),
    };
  }

  async getExperimentByName(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const name = requiredString(input, 'experiment_name');
    const experiment = await this.experiments.findByName(mlflowProjectOf(user), name);
    if (!experiment) throw MlflowError.notFound(`Could not find experiment with name '${name}'`);
    return { experiment: experimentJson(experiment) };
  }

  async searchExperiments(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const limit = optionalInt64(input, 'max_results') ?? DEFAULT_SEARCH_PAGE;
    if (limit < 1 || limit > MAX_EXPERIMENTS_PER_PAGE)
      throw MlflowError.invalid(
        `Invalid value ${limit} for parameter 'max_results' supplied: it must be at most ${MAX_EXPERIMENTS_PER_PAGE} and at least 1.`,
      );
    if (stringList(input, 'order_by').length)
      throw MlflowError.invalid(
        'order_by is not supported in experiments/search: experiments come most recently changed first',
      );
    const offset = offsetOf(optionalString(input, 'page_token'));
    const found = await this.experiments.search({
      projectId: mlflowProjectOf(user),
      view: viewOf(input, 'view_type'),
      name: experimentNameFilter(optionalString(input, 'filter')),
      limit: limit + 1,
      offset,
    });
    return {
      ...(found.length && { experiments: found.slice(0, limit).map(experimentJson) }),
      ...(found.length > limit && { next_page_token: String(offset + limit) }),
    };
  }

  async createRun(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const experiment = await this.experiment(
      optionalString(input, 'experiment_id') || String(DEFAULT_EXPERIMENT_ID),
      user,
    );
    if (experiment.lifecycleStage !== 'active')
      throw MlflowError.invalid(
        `The experiment ${experiment.experimentId} must be in the 'active' state. Current state is ${experiment.lifecycleStage}.`,
      );
    const tags = keyValues(input, 'tags');
    // MLflow's client sends a create again after a timeout or a 5xx: the same body makes one run.
    const digest = createHash('sha256').update(JSON.stringify(input)).digest();
    const name = optionalString(input, 'run_name') || tags[RUN_NAME_TAG] || runNameOf(digest);
    tags[RUN_NAME_TAG] = name;
    const problems = runDataProblems(undefined, tags);
    if (name.length > 255 || !/\S/.test(name))
      problems.push('run_name must be 1 to 255 characters, not all blank');
    if (problems.length) throw MlflowError.invalid(summarizeProblems(problems));
    const request = {
      name,
      machine: { machine_id: this.config.mlflow.machineId, name: 'mlflow' },
      program: Program.External,
      tags,
      project: await this.projectName(experiment.projectId),
    } as CreateSimulationDto;
    const key = `mlflow-run-${digest.toString('hex')}`;
    const { simulation } = await this.creator.create(request, user.subject, user.access!, key);
    const id = simulation.simulationId;
    await this.experiments.assignRun(id, experiment.experimentId, this.config.mlflow.runLeaseMs);
    await this.lifecycle.claim(id, 'external', [Program.External]);
    return { run: await this.runOf(await this.run(String(id), user)) };
  }

  async getRun(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    return { run: await this.runOf(await this.run(runIdOf(input), user)) };
  }

  async updateRun(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const run = await this.writableRun(runIdOf(input), user);
    if (optionalString(input, 'run_name') && optionalString(input, 'run_name') !== run.name)
      throw MlflowError.invalid('renaming a run is not supported (docs/mlflow.md)');
    const status = optionalString(input, 'status');
    let updated = run;
    if (status === 'FINISHED' || status === 'FAILED') {
      updated = await this.reports.end(
        { simulationId: run.simulationId, attempt: run.attempt },
        status === 'FINISHED'
          ? { status: SimulationStatus.Finished, exitCode: null, reason: null }
          : {
              status: SimulationStatus.Failed,
              exitCode: null,
              reason: 'its MLflow client ended it as FAILED',
            },
      );
    } else if (status === 'KILLED') {
      updated =
        run.status === SimulationStatus.Cancelled
          ? run
          : await this.lifecycle.cancel(run.simulationId);
    } else if (status === 'RUNNING' || status === 'SCHEDULED') {
      if (MLFLOW_STATUS[run.status] !== status)
        throw MlflowError.invalid(
          `run ${run.simulationId} is ${MLFLOW_STATUS[run.status]}; a run that has ended does not run again`,
        );
    } else if (status !== undefined) {
      throw MlflowError.invalid(
        `Invalid value "${status}" for parameter 'status': one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED`,
      );
    }
    return { run_info: runInfoJson(updated, await this.runData.tagsOf(run.simulationId)) };
  }

  async searchRuns(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const view = viewOf(input, 'run_view_type');
    const experimentIds = stringList(input, 'experiment_ids')
      .filter((id) => /^\d{1,15}$/.test(id))
      .map(Number);
    if (experimentIds.length === 0 || view === 'deleted') return {};
    const page = await this.simulations.list({
      ...listQueryOf({
        experimentIds,
        filter: optionalString(input, 'filter'),
        orderBy: stringList(input, 'order_by'),
        maxResults: optionalInt64(input, 'max_results') ?? DEFAULT_SEARCH_PAGE,
        pageToken: optionalString(input, 'page_token') || undefined,
      }),
      // Experiment ids are the project's: its own, and 0 as its own "Default".
      projectIds: [mlflowProjectOf(user)],
    });
    const ids = page.items.map((run) => run.simulationId);
    const [data, metrics] = await Promise.all([
      this.runData.paramsAndTagsOfMany(ids),
      this.runData.currentMetricsOfMany(ids),
    ]);
    return {
      ...(ids.length && {
        runs: page.items.map((run) =>
          runJson(run, data.get(run.simulationId)!, metrics.get(run.simulationId)!),
        ),
      }),
      ...(page.next && { next_page_token: pageTokenOf(page.next) }),
    };
  }

  /** log-batch: metrics, params and tags of one run, stored whole or not at all. */
  async logBatch(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const metrics = objectList(input, 'metrics');
    const params = objectList(input, 'params');
    const tags = objectList(input, 'tags');
    const problems: string[] = [];
    if (metrics.length > LOG_BATCH_LIMITS.metrics)
      problems.push(
        `A batch logging request can contain at most ${LOG_BATCH_LIMITS.metrics} metrics. Got ${metrics.length} metrics.`,
      );
    if (params.length > LOG_BATCH_LIMITS.params)
      problems.push(
        `A batch logging request can contain at most ${LOG_BATCH_LIMITS.params} params. Got ${params.length} params.`,
      );
    if (tags.length > LOG_BATCH_LIMITS.tags)
      problems.push(
        `A batch logging request can contain at most ${LOG_BATCH_LIMITS.tags} tags. Got ${tags.length} tags.`,
      );
    if (problems.length) throw MlflowError.invalid(problems.join(' '));
    const run = await this.writableRun(runIdOf(input), user);
    await this.store(run, {
      points: metrics.map((metric, index) => pointOf(run, metric, `metrics[${index}]`)),
      params: paramsOf(keyValues(input, 'params')),
      tags: keyValues(input, 'tags'),
    });
    return {};
  }

  async logMetric(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const run = await this.writableRun(runIdOf(input), user);
    await this.store(run, { points: [pointOf(run, input, 'metric')], params: {}, tags: {} });
    return {};
  }

  async logParam(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const key = requiredString(input, 'key');
    const value = optionalString(input, 'value') ?? '';
    const run = await this.writableRun(runIdOf(input), user);
    await this.store(run, { points: [], params: paramsOf({ [key]: value }), tags: {} });
    return {};
  }

  /** set-tag: on a run in any state, as MLflow allows (a tag is a label, not a measurement). */
  async setTag(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const key = requiredString(input, 'key');
    const value = optionalString(input, 'value') ?? '';
    const run = await this.writableRun(runIdOf(input), user);
    const problems = runDataProblems(undefined, { [key]: value });
    if (problems.length) throw MlflowError.invalid(summarizeProblems(problems));
    await this.runData.changeTags(run.simulationId, { [key]: value }, [], RUN_DATA_LIMITS.maxTags);
    return {};
  }

  async deleteTag(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const key = requiredString(input, 'key');
    const run = await this.writableRun(runIdOf(input), user);
    const tags = await this.runData.tagsOf(run.simulationId);
    if (!(key in tags))
      throw MlflowError.notFound(`No tag with name: ${key} in run with id ${run.simulationId}`);
    await this.runData.changeTags(run.simulationId, {}, [key], RUN_DATA_LIMITS.maxTags);
    return {};
  }

  /** A metric's points, in time order, a page at a time (MLflow's client asks 25,000 a page). */
  async metricHistory(input: MlflowInput, user: AuthenticatedUser): Promise<object> {
    const runId = runIdOf(input);
    const key = requiredString(input, 'metric_key');
    const run = await this.run(runId, user);
    const limit = Math.min(
      optionalInt64(input, 'max_results') ?? MAX_HISTORY_PAGE,
      MAX_HISTORY_PAGE,
    );
    if (limit < 1) throw MlflowError.invalid(`max_results must be at least 1`);
    const token = optionalString(input, 'page_token');
    const after = token ? historyPositionOf(token) : 0;
    const window = await this.curves.window(run.simulationId, 0, Number.POSITIVE_INFINITY, key);
    if (!window?.metricKnown || window.expired) return {};
    const points = await this.curves.page(window.ref, after, Number.POSITIVE_INFINITY, limit + 1);
    const shown = points.slice(0, limit);
    return {
      ...(shown.length && {
        metrics: shown.map((point) =>
          metricJson(run, key, point.loss, point.seconds, point.step ?? null),
        ),
      }),
      ...(points.length > limit && {
        next_page_token: Buffer.from(String(shown[shown.length - 1].seconds)).toString('base64url'),
      }),
    };
  }

  /**
   * One report of the run's: numbered by its content, so the same batch sent
   * again (MLflow's client resends after a timeout or a 5xx) is stored once.
   * A number another report of the run holds is followed by the next one.
   */
  private async store(
    run: Simulation,
    report: { points: ReportedPoint[]; params: RunParams; tags: RunTags },
  ): Promise<void> {
    const problems = runDataProblems(report.params, report.tags);
    if (problems.length) throw MlflowError.invalid(summarizeProblems(problems));
    const sent = Buffer.from(JSON.stringify(report));
    let digest = createHash('sha256').update(sent).digest();
    for (let tries = 1; ; tries++) {
      // 52 bits of the hash: a safe integer. Should it be taken (by a report of the SDK, whose
      // numbers share that space), the next candidate is the hash of this one.
      const sequence = Number(digest.readBigUInt64BE(0) >> 12n);
      try {
        await this.reports.report(
          { simulationId: run.simulationId, attempt: run.attempt },
          {
            sequence,
            points: report.points,
            ...(Object.keys(report.params).length && { params: report.params }),
            ...(Object.keys(report.tags).length && { tags: report.tags }),
            latePointsFollow: true,
          },
          sent,
        );
        return;
      } catch (error) {
        const taken =
          error instanceof DomainError &&
          /was already used for a different report/.test(error.message);
        if (!taken || tries === 3) throw error;
        digest = createHash('sha256').update(digest).digest();
      }
    }
  }

  private async projectName(projectId: number): Promise<string> {
    return (await this.projects.findById(projectId))!.name;
  }

  private async runOf(run: Simulation): Promise<object> {
    const [data, metrics] = await Promise.all([
      this.runData.paramsAndTagsOf(run.simulationId),
      this.runData.metricsOf(run.simulationId, run.attempt),
    ]);
    return runJson(run, data, metrics);
  }

  /** The run, when the caller sees it; a run of a project it does not see is not found. */
  private async run(runId: string, user: AuthenticatedUser): Promise<Simulation> {
    const run = /^\d{1,15}$/.test(runId) ? await this.simulations.findById(Number(runId)) : null;
    if (!run || !user.access!.sees(run.projectId))
      throw MlflowError.notFound(`Run with id=${runId} not found`);
    return run;
  }

  /**
   * A run the caller may write to: the operator role in its project, and its
   * own run unless an admin of the project (as for cancel and retry).
   */
  private async writableRun(runId: string, user: AuthenticatedUser): Promise<Simulation> {
    const run = await this.run(runId, user);
    const access = user.access!;
    if (!access.may(run.projectId, Role.Operator))
      throw new MlflowError(
        'PERMISSION_DENIED',
        `writing to run ${runId} requires the operator role in its project; this token has ${access.roleIn(run.projectId)}`,
        403,
      );
    if (!access.may(run.projectId, Role.Admin) && run.createdBy !== user.subject)
      throw new MlflowError(
        'PERMISSION_DENIED',
        `run ${runId} was created by another client: operators write to their own runs`,
        403,
      );
    return run;
  }

  private async experiment(id: string, user: AuthenticatedUser): Promise<Experiment> {
    const experiment = /^\d{1,15}$/.test(id)
      ? await this.experiments.findById(mlflowProjectOf(user), Number(id))
      : null;
    if (!experiment) throw MlflowError.notFound(`No Experiment with id=${id} exists`);
    return experiment;
  }
}

/**
 * The project a caller's MLflow requests act in: MLflow's client names none,
 * so it is the token's: its only project when it is scoped to one, else
 * `default` (a token scoped to several projects that include none of them is
 * told to use a token of one).
 */
function mlflowProjectOf(user: AuthenticatedUser): number {
  const access = user.access!;
  const visible = access.visibleProjectIds();
  if (visible?.length === 1) return visible[0];
  if (access.sees(DEFAULT_PROJECT_ID)) return DEFAULT_PROJECT_ID;
  throw MlflowError.invalid(
    visible?.length === 0
      ? 'this token names no project that exists (docs/projects.md)'
      : 'this token is scoped to several projects and MLflow names none: use a token scoped to one project (docs/mlflow.md)',
  );
}

/** A metric as MLflow sends it, as a point of ours: placed at its timestamp less the run's start. */
function pointOf(run: Simulation, metric: MlflowInput, at: string): ReportedPoint {
  const key = requiredString(metric, 'key');
  if (!RUN_KEY_PATTERN.test(key))
    throw MlflowError.invalid(
      `${at}.key ${JSON.stringify(key.slice(0, 300))} is not a metric name (${RUN_KEY_RULE})`,
    );
  const value = requiredDouble(metric, 'value');
  const timestamp = requiredInt64(metric, 'timestamp');
  const step = optionalInt64(metric, 'step') ?? 0;
  if (step < 0) throw MlflowError.invalid(`${at}.step must be ≥ 0 (${step} was sent)`);
  const start = (run.startedAt ?? run.creationDate).getTime();
  // At or before the start (another clock than ours): just after it, as a late point is placed.
  const seconds = Math.max((timestamp - start) / 1000, 1e-6);
  return { metric: key, value, seconds, step };
}

/**
 * MLflow's params are text; ours are typed, so a search compares a number
 * as a number. A text is stored as a number only when the number prints
 * back as that very text ("0.01", "64"), so a run reads back what was logged.
 */
export function paramsOf(texts: Record<string, string>): RunParams {
  return Object.fromEntries(
    Object.entries(texts).map(([key, text]) => {
      const number = Number(text);
      return [
        key,
        text.trim() !== '' && Number.isFinite(number) && String(number) === text ? number : text,
      ];
    }),
  );
}

function viewOf(input: MlflowInput, field: string): 'active' | 'deleted' | 'all' {
  const asked = optionalString(input, field) ?? String(input[field] ?? 'ACTIVE_ONLY');
  const view = VIEW_TYPES[asked];
  if (!view)
    throw MlflowError.invalid(
      `Invalid value "${asked}" for parameter '${field}': ACTIVE_ONLY, DELETED_ONLY or ALL`,
    );
  return view;
}

function offsetOf(token: string | undefined): number {
  if (!token) return 0;
  if (!/^\d{1,9}$/.test(token))
    throw MlflowError.invalid(`Invalid page token: ${JSON.stringify(token.slice(0, 100))}`);
  return Number(token);
}

function historyPositionOf(token: string): number {
  const seconds = Number(Buffer.from(token, 'base64url').toString());
  if (!Number.isFinite(seconds) || seconds < 0)
    throw MlflowError.invalid(`Invalid page token: ${JSON.stringify(token.slice(0, 100))}`);
  return seconds;
}

/** experiments/search's filter: conditions on the name alone (`name = 'x'`, `name LIKE 'x%'`). */
function experimentNameFilter(
  filter: string | undefined,
): { comparator: '=' | '!=' | 'LIKE' | 'ILIKE'; value: string } | undefined {
  if (!filter?.trim()) return undefined;
  const match = /^\s*(?:attributes?\.)?name\s*(=|!=|LIKE|ILIKE)\s*(['"])(.*)\2\s*$/i.exec(filter);
  if (!match)
    throw MlflowError.invalid(
      `Invalid filter '${filter.slice(0, 200)}': experiments/search filters on the name alone ` +
        "(name = 'x', name != 'x', name LIKE 'x%', name ILIKE 'x%')",
    );
  return { comparator: match[1].toUpperCase() as '=' | '!=' | 'LIKE' | 'ILIKE', value: match[3] };
}

/** A name for a run created without one, drawn from its request (so a resent create names it alike). */
function runNameOf(digest: Buffer): string {
  const [adjectives, nouns] = NAME_WORDS;
  return `${adjectives[digest[0] % adjectives.length]}-${nouns[digest[1] % nouns.length]}-${digest.readUInt16BE(2) % 1000}`;
}
