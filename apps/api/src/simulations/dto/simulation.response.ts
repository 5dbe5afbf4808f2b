import {
  MachineStatus,
  Program,
  PROGRAM_LIMITS,
  PROGRAM_NAME_PATTERN,
  RUN_DATA_LIMITS,
  RunMetricSummary,
  RunParams,
  RunTags,
  type ProjectNameOf,
  Simulation,
  SimulationAttempt,
  SIMULATION_STATUSES,
  SimulationStatus,
  AttemptOutcome,
  toEmulationSettings,
} from '@app/domain';
import { JSON_NUMBER_SCHEMA, jsonNumber, NonFinite } from '../../common/json-number';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  boundedReason,
  IDENTITY_MAX_LENGTH,
  INSTANT_MAX_LENGTH,
  NAME_MAX_LENGTH,
  REASON_MAX_LENGTH,
} from '../../common/text-bounds';
import { COLUMN_VALUE_SCHEMA, PARAM_VALUE_SCHEMA, TAG_VALUE_SCHEMA } from './run-data.schema';

/** Attempts a detail answer lists at most: the latest, when a simulation was retried that often. */
export const MAX_ATTEMPTS_LISTED = 1_000;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class SimulationResponse {
  @ApiProperty({ example: 1 })
  simulation_id: number;

  @ApiProperty({ example: 'A', maxLength: NAME_MAX_LENGTH })
  name: string;

  @ApiProperty({ example: 102 })
  machine_id: number;

  @ApiProperty({
    example: 'default',
    maxLength: 63,
    description: 'The project it belongs to (docs/projects.md).',
  })
  project: string;

  @ApiProperty({ enum: SIMULATION_STATUSES, example: 'finished' })
  status: SimulationStatus;

  @ApiProperty({
    example: '2024-03-06T08:02:46.295Z',
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
  })
  creation_date: string;

  @ApiProperty({
    example: '2024-03-06T08:02:56.312Z',
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    description: 'Changes on every change of the simulation (heartbeats excepted).',
  })
  update_date: string;

  @ApiProperty({
    example: 1,
    description: 'Attempts started so far (0 until a worker first takes it).',
  })
  attempt: number;

  @ApiProperty({
    example: 3,
    description:
      'Automatic attempts each run request is granted (at creation, and again on each manual retry).',
  })
  attempt_budget: number;

  @ApiProperty({ example: 3, description: 'A failure on this attempt number is final.' })
  final_attempt: number;

  @ApiProperty({
    example: 3,
    deprecated: true,
    description: 'Deprecated: the earlier name of `final_attempt`, still sent for one release.',
  })
  max_attempts: number;

  @ApiProperty({
    example: '2024-03-06T08:02:46.401Z',
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    nullable: true,
    type: String,
  })
  started_at: string | null;

  @ApiProperty({
    example: '2024-03-06T08:02:56.312Z',
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    nullable: true,
    type: String,
  })
  finished_at: string | null;

  @ApiProperty({
    example: '2024-03-06T08:02:54.307Z',
    format: 'date-time',
    maxLength: INSTANT_MAX_LENGTH,
    nullable: true,
    type: String,
    description: 'Last sign of life from the worker running it.',
  })
  heartbeat_at: string | null;

  @ApiPropertyOptional({
    example: 'timed out: still running 120000 ms after its planned end',
    maxLength: REASON_MAX_LENGTH,
    description:
      'Why the last attempt failed; present on failed simulations and on ones waiting to be retried.',
  })
  failure_reason?: string;

  @ApiPropertyOptional({
    type: String,
    pattern: PROGRAM_NAME_PATTERN.source,
    maxLength: 63,
    example: 'external',
    description:
      'What runs it: `external` (a run that reports from anywhere) or a program its machine declared; ' +
      'left out for the emulator (the contract’s run).',
  })
  program?: string;

  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    nullable: true,
    minimum: -2147483648,
    maximum: 2147483647,
    example: 0,
    description:
      'How the run ended by its exit code: as an external run reported it, or as a program exited (null until then, and for a program killed by a signal).',
  })
  exit_code?: number | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: COLUMN_VALUE_SCHEMA,
    example: { 'params.lr': 0.01, 'metrics.val_loss.min': 0.21 },
    description:
      "In a list asked for `columns` only: each column named there with this run's value, null where it has none.",
  })
  columns?: Record<string, number | string | boolean | null>;
}

export class SimulationAttemptResponse {
  @ApiProperty({ example: 1 })
  attempt: number;

  @ApiProperty({
    example: 'worker-7f3a:4211:9c1e',
    maxLength: IDENTITY_MAX_LENGTH,
    description: 'The worker process that ran it.',
  })
  worker_id: string;

  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH })
  started_at: string;

  @ApiProperty({ format: 'date-time', maxLength: INSTANT_MAX_LENGTH, nullable: true, type: String })
  ended_at: string | null;

  @ApiProperty({ enum: Object.values(AttemptOutcome), example: 'finished' })
  outcome: AttemptOutcome;

  @ApiProperty({ nullable: true, type: String, example: null, maxLength: REASON_MAX_LENGTH })
  reason: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: PROGRAM_LIMITS.gpus,
    items: { type: 'string', pattern: '^[0-9]{1,3}$', maxLength: 3 },
    example: ['0', '1'],
    description:
      'The GPUs its program was given (CUDA_VISIBLE_DEVICES); left out when it needed none.',
  })
  gpus?: string[];
}

export class EmulationResponse {
  @ApiProperty({ example: 10 })
  points: number;

  @ApiProperty({ example: 100 })
  span_seconds: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: null,
    description: "Null: the worker's default pace (a run as long as the default ten-point run).",
  })
  tick_ms: number | null;

  @ApiProperty({ example: 0 })
  noise: number;

  @ApiProperty({ example: 0 })
  seed: number;

  @ApiProperty({ example: 3 })
  decimals: number;
}

export class SimulationDetailResponse extends SimulationResponse {
  @ApiProperty({ type: EmulationResponse, description: 'How its curve is emulated.' })
  emulation: EmulationResponse;

  @ApiProperty({
    enum: Object.values(MachineStatus),
    example: 'online',
    description:
      'Whether a worker serves its machine now: a pending simulation on an offline machine waits for one.',
  })
  machine_status: MachineStatus;

  @ApiProperty({
    type: [SimulationAttemptResponse],
    maxItems: MAX_ATTEMPTS_LISTED,
    description: `Every attempt, oldest first (the latest ${MAX_ATTEMPTS_LISTED} when there were more).`,
  })
  attempts: SimulationAttemptResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: PARAM_VALUE_SCHEMA,
    example: { lr: 0.01, optimizer: 'adam' },
    description: 'Its params, each with the type it was given; {} when it has none.',
  })
  params: RunParams;

  @ApiProperty({
    type: 'object',
    additionalProperties: TAG_VALUE_SCHEMA,
    example: { team: 'vision' },
    description: 'Its tags; {} when it has none.',
  })
  tags: RunTags;
}

export class RunMetricResponse {
  @ApiProperty({ example: 'val_loss', maxLength: RUN_DATA_LIMITS.maxKeyLength })
  name: string;

  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: 2147483647,
    example: 1000,
    description: 'Points stored.',
  })
  count: number;

  @ApiProperty({
    ...JSON_NUMBER_SCHEMA,
    example: 0.21,
    description: 'The latest value (a number, or "NaN", "Infinity", "-Infinity" as reported).',
  })
  last: number | NonFinite;

  @ApiProperty({ example: 98.5, description: 'Seconds since the run started at the latest value.' })
  last_seconds: number;

  @ApiProperty({
    ...JSON_NUMBER_SCHEMA,
    example: 0.2,
    description: 'The lowest value; NaN only when every value was.',
  })
  min: number | NonFinite;

  @ApiProperty({ example: 61.2, description: 'Where the minimum was first reached.' })
  min_seconds: number;

  @ApiProperty({
    ...JSON_NUMBER_SCHEMA,
    example: 2.3,
    description: 'The highest value (Infinity where one was); NaN only when every value was.',
  })
  max: number | NonFinite;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    nullable: true,
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 1200,
    description: 'The step reported with the latest value; null where the run gave none.',
  })
  last_step: number | null;

  @ApiProperty({
    type: 'integer',
    format: 'int64',
    nullable: true,
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    example: 800,
    description: 'The step reported where the minimum was first reached; null where none was.',
  })
  min_step: number | null;

  @ApiProperty({
    example: true,
    description:
      'Whether the metric can be sampled by step (`x=step`): every point gave a step and none ' +
      'was lower than the one before.',
  })
  by_step: boolean;
}

export function toSimulationResponse(
  simulation: Simulation,
  projectName: ProjectNameOf,
): SimulationResponse {
  const response: SimulationResponse = {
    simulation_id: simulation.simulationId,
    name: simulation.name,
    machine_id: simulation.machineId,
    project: projectName(simulation.projectId),
    status: simulation.status,
    creation_date: simulation.creationDate.toISOString(),
    update_date: simulation.updateDate.toISOString(),
    attempt: simulation.attempt,
    attempt_budget: simulation.attemptBudget,
    final_attempt: simulation.finalAttempt,
    max_attempts: simulation.finalAttempt,
    started_at: iso(simulation.startedAt),
    finished_at: iso(simulation.finishedAt),
    heartbeat_at: iso(simulation.heartbeatAt),
  };
  if (simulation.failureReason) response.failure_reason = boundedReason(simulation.failureReason);
  if (simulation.program !== Program.Emulate) {
    response.program = simulation.program;
    response.exit_code = simulation.exitCode;
  }
  return response;
}

export function toSimulationDetailResponse(
  simulation: Simulation,
  projectName: ProjectNameOf,
  attempts: SimulationAttempt[],
  machineStatus: MachineStatus,
  params: RunParams,
  tags: RunTags,
): SimulationDetailResponse {
  return {
    ...toSimulationResponse(simulation, projectName),
    emulation: toEmulationSettings(simulation.emulation),
    machine_status: machineStatus,
    attempts: attempts.slice(-MAX_ATTEMPTS_LISTED).map((attempt) => ({
      attempt: attempt.attempt,
      worker_id: attempt.workerId,
      started_at: attempt.startedAt.toISOString(),
      ended_at: iso(attempt.endedAt),
      outcome: attempt.outcome,
      reason: boundedReason(attempt.reason),
      ...(attempt.gpus?.length && { gpus: attempt.gpus }),
    })),
    params,
    tags,
  };
}

export function toRunMetricResponse(summary: RunMetricSummary): RunMetricResponse {
  return {
    name: summary.name,
    count: summary.count,
    last: jsonNumber(summary.last),
    last_seconds: summary.lastSeconds,
    min: jsonNumber(summary.min),
    min_seconds: summary.minSeconds,
    max: jsonNumber(summary.max),
    last_step: summary.lastStep,
    min_step: summary.minStep,
    by_step: summary.byStep,
  };
}
