import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiUnprocessableEntityResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireRole } from '../auth/access-policy.decorators';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CallerAccess, CurrentUser } from '../auth/current-user.decorator';
import type { ProjectAccess } from '../auth/project-access';
import { RequestId } from '../common/request-id.decorator';
import { Role } from '@app/auth';
import { ErrorResponse } from '../common/error-response';
import { IdempotencyKeyPipe } from '../common/idempotency-key.pipe';
import { RequestHeader } from '../common/request-header.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateSimulationDto } from './dto/create-simulation.dto';
import {
  CreateSimulationResponse,
  RetriedSimulationResponse,
} from './dto/create-simulation.response';
import {
  CreateSimulationBatchDto,
  CreateSimulationBatchResponse,
} from './dto/create-simulation-batch.dto';
import { BATCH_BODY_LIMIT_BYTES } from '../common/body-limit';
import { ListSimulationsQuery, MAX_PAGE_SIZE } from './dto/list-simulations.query';
import {
  RunMetricResponse,
  SimulationDetailResponse,
  SimulationResponse,
  toRunMetricResponse,
  toSimulationDetailResponse,
  toSimulationResponse,
} from './dto/simulation.response';
import { ChangeTagsDto } from './dto/change-tags.dto';
import { TAG_VALUE_SCHEMA } from './dto/run-data.schema';
import { Program, ProjectNames, RUN_DATA_LIMITS, RunTags, type Simulation } from '@app/domain';
import { RunTokens } from '../runs/run-tokens';
import { jsonNumber } from '../common/json-number';
import { SimulationCreator } from './simulation-creator';
import { SimulationsService } from './simulations.service';

const CONTRACT_EXAMPLE = {
  simulation_id: 1,
  name: 'Sample Simulation',
  machine_id: 101,
  status: 'pending',
  creation_date: '2024-03-05T14:30:00',
  update_date: '2024-03-05T15:00:00',
  machine: { machine_id: 101, name: 'Machine A' },
};

const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The Idempotency-Key header as the creating operations document it. */
const idempotencyHeader = (what: string) => ({
  name: IDEMPOTENCY_HEADER,
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]{1,255}$' },
  description:
    'Any 1–255 printable characters. A repeat with the same key and body returns the first answer ' +
    `(with \`Idempotent-Replayed: true\`) instead of creating another ${what}; keys are kept 24 h.`,
});

/** The same listing's next page, as a path and query. */
function nextPageUrl(query: ListSimulationsQuery, cursor: string): string {
  const next = new URLSearchParams({ order_by: query.order_by, order: query.order });
  if (query.status !== undefined) next.set('status', query.status);
  if (query.machine_id !== undefined) next.set('machine_id', String(query.machine_id));
  if (query.filter !== undefined) next.set('filter', query.filter);
  if (query.columns !== undefined) next.set('columns', query.columns);
  next.set('limit', String(query.limit));
  next.set('cursor', cursor);
  return `/simulations?${next}`;
}

@ApiTags('simulations')
@ApiBadRequestResponse({
  description: 'A parameter or the body is invalid; the message names it.',
  type: ErrorResponse,
})
@Controller()
export class SimulationsController {
  constructor(
    private readonly simulations: SimulationsService,
    private readonly creator: SimulationCreator,
    private readonly runTokens: RunTokens,
    private readonly projectNames: ProjectNames,
  ) {}

  @Get('simulations')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: 'List simulations',
    description:
      'Sorted by `order_by` in `order` (ascending by default), ties by id. Page with `cursor`: ' +
      'every page costs the same however deep, and no simulation that existed when paging began ' +
      'is skipped or repeated while others are created (sorted by `update_date`, a simulation ' +
      'updated meanwhile moves to its new place). The total counts the matches exactly up to ' +
      '10,000 (1,000 for a `filter` naming params, tags or metrics) and estimates beyond ' +
      '(`X-Total-Count-Exact: false`). `filter` narrows the list with ' +
      'the search language (docs/search.md).',
  })
  @ApiNotFoundResponse({
    description: '`project` names no project the caller sees.',
    type: ErrorResponse,
  })
  @ApiOkResponse({
    schema: {
      type: 'array',
      maxItems: MAX_PAGE_SIZE,
      items: { $ref: getSchemaPath(SimulationResponse) },
    },
    headers: {
      'X-Total-Count': {
        description:
          'Matches before paging: exact up to 10,000 (1,000 for a filter on run data), estimated beyond.',
        schema: { type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
      },
      'X-Total-Count-Exact': {
        description: '`true` when X-Total-Count is exact, `false` when it is an estimate.',
        schema: { type: 'string', enum: ['true', 'false'] },
      },
      'X-Next-Cursor': {
        description: 'The `cursor` of the next page; absent on the last page.',
        schema: { type: 'string', maxLength: 2048 },
      },
      Link: {
        description:
          'The next page\'s URL as `<…>; rel="next"` (RFC 8288); absent on the last page.',
        // The path, every query parameter of the list (each bounded, the filter percent-encoded) and the cursor.
        schema: { type: 'string', maxLength: 32768 },
      },
    },
  })
  async list(
    @Query() query: ListSimulationsQuery,
    @CallerAccess() access: ProjectAccess,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SimulationResponse[]> {
    const listing = {
      orderBy: query.order_by,
      order: query.order,
      status: query.status,
      machineId: query.machine_id,
      filter: query.filter,
      limit: query.limit,
      offset: query.offset,
    };
    const { items, total, nextCursor, columnValues } = await this.simulations.list(
      listing,
      access,
      query.cursor,
      query.columns,
      query.project,
    );
    response.setHeader('X-Total-Count', String(total.count));
    response.setHeader('X-Total-Count-Exact', String(total.exact));
    if (nextCursor) {
      response.setHeader('X-Next-Cursor', nextCursor);
      response.setHeader('Link', `<${nextPageUrl(query, nextCursor)}>; rel="next"`);
    }
    const projectName = await this.projectNames.of(items.map((simulation) => simulation.projectId));
    return items.map((simulation) => ({
      ...toSimulationResponse(simulation, projectName),
      ...(columnValues && { columns: jsonColumns(columnValues.get(simulation.simulationId)!) }),
    }));
  }

  @Get(['simulation/:simulation_id', 'simulations/:simulation_id'])
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: 'One simulation, with its attempt history',
    description: 'Also served at /simulations/{simulation_id}.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({ type: SimulationDetailResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async get(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CallerAccess() access: ProjectAccess,
  ): Promise<SimulationDetailResponse> {
    const { simulation, attempts, machineStatus, params, tags } = await this.simulations.get(
      simulationId,
      access,
    );
    return toSimulationDetailResponse(
      simulation,
      await this.projectNames.of([simulation.projectId]),
      attempts,
      machineStatus,
      params,
      tags,
    );
  }

  @Get('simulation/:simulation_id/metrics')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: "A run's metrics, each with its summary",
    description:
      'Every metric of the current attempt, by name: how many points, the last value, the minimum ' +
      'and where it was first reached, the maximum. `loss` is the curve of GET /converge/{id}.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({
    schema: {
      type: 'array',
      items: { $ref: getSchemaPath(RunMetricResponse) },
      maxItems: RUN_DATA_LIMITS.maxMetrics,
    },
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async metrics(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CallerAccess() access: ProjectAccess,
  ): Promise<RunMetricResponse[]> {
    return (await this.simulations.metrics(simulationId, access)).map(toRunMetricResponse);
  }

  @Patch('simulation/:simulation_id/tags')
  @RequireRole(Role.Operator)
  @ApiOperation({
    summary: "Set and remove a run's tags",
    description:
      '`set` adds tags or replaces their values; `remove` deletes keys. Both apply together, ' +
      `and the run may have at most ${RUN_DATA_LIMITS.maxTags} tags after. Answers the tags after the change. ` +
      'Operators may tag only simulations they created (403 otherwise); admins any.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({
    schema: {
      type: 'object',
      additionalProperties: TAG_VALUE_SCHEMA,
      example: { team: 'vision' },
    },
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async changeTags(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @Body() change: ChangeTagsDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RunTags> {
    return this.simulations.changeTags(
      simulationId,
      { set: change.set ?? {}, remove: change.remove ?? [] },
      user,
    );
  }

  @Post('simulation')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create a simulation',
    description:
      'Saves the simulation as pending and queues it; a worker runs it. Answers at once. ' +
      'An unknown machine is registered when `machine.name` is given.',
  })
  @ApiBody({
    type: CreateSimulationDto,
    examples: {
      contract: {
        summary: "The original service's example, accepted verbatim",
        value: CONTRACT_EXAMPLE,
      },
      minimal: {
        summary: 'Generated id, existing machine',
        value: { name: 'Quick run', machine_id: 101 },
      },
    },
  })
  @ApiCreatedResponse({
    type: CreateSimulationResponse,
    headers: {
      Location: {
        description: 'URL of the new simulation.',
        schema: { type: 'string', maxLength: 64, example: '/simulation/1' },
      },
    },
  })
  @ApiNotFoundResponse({
    description: 'The machine is unknown and no name was given to register it.',
    type: ErrorResponse,
  })
  @ApiConflictResponse({ description: 'The simulation_id is taken.', type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    description: 'The Idempotency-Key was already used with a different body.',
    type: ErrorResponse,
  })
  @ApiHeader(idempotencyHeader('simulation'))
  async create(
    @Body() body: CreateSimulationDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestHeader(IDEMPOTENCY_HEADER, IdempotencyKeyPipe) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @RequestId() requestId: string | undefined,
  ): Promise<CreateSimulationResponse> {
    const { simulation, replayed } = await this.creator.create(
      body,
      user.subject,
      user.access!,
      idempotencyKey,
      requestId,
    );
    response.setHeader('Location', `/simulation/${simulation.simulationId}`);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    const [withToken] = await this.withRunTokens([body], [simulation.simulationId], user);
    return withToken;
  }

  @Post('simulations/batch')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create up to 1,000 simulations at once',
    description:
      'A sweep in one request and one transaction: every simulation is created and queued, or none is. ' +
      'Each item is what `POST /simulation` takes; problems are named by index (`simulations[3]: …`). ' +
      'One `Idempotency-Key` covers the whole batch, and the per-client pending cap counts all of it. ' +
      `Bodies up to ${BATCH_BODY_LIMIT_BYTES / 1024 / 1024} MiB.`,
  })
  @ApiBody({
    type: CreateSimulationBatchDto,
    examples: {
      sweep: {
        summary: 'Three runs of one sweep',
        value: {
          simulations: [
            { name: 'sweep lr=0.1', machine_id: 101 },
            { name: 'sweep lr=0.01', machine_id: 101 },
            { name: 'sweep lr=0.001', machine: { machine_id: 102, name: 'Machine B' } },
          ],
        },
      },
    },
  })
  @ApiCreatedResponse({ type: CreateSimulationBatchResponse })
  @ApiBadRequestResponse({
    description:
      'An item is invalid (named by index), two items choose one simulation_id, or there are more than 1,000.',
    type: ErrorResponse,
  })
  @ApiNotFoundResponse({
    description: 'A machine is unknown and no item names it to register it.',
    type: ErrorResponse,
  })
  @ApiConflictResponse({ description: 'A chosen simulation_id is taken.', type: ErrorResponse })
  @ApiUnprocessableEntityResponse({
    description: 'The Idempotency-Key was already used with a different body.',
    type: ErrorResponse,
  })
  @ApiHeader(idempotencyHeader('batch'))
  async createBatch(
    @Body() body: CreateSimulationBatchDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestHeader(IDEMPOTENCY_HEADER, IdempotencyKeyPipe) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @RequestId() requestId: string | undefined,
  ): Promise<CreateSimulationBatchResponse> {
    const { simulations, replayed } = await this.creator.createBatch(
      body.simulations,
      user.subject,
      user.access!,
      idempotencyKey,
      requestId,
    );
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return {
      simulations: await this.withRunTokens(
        body.simulations,
        simulations.map(({ simulationId }) => simulationId),
        user,
      ),
    };
  }

  @Post('simulation/:simulation_id/cancel')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel a pending or running simulation',
    description:
      'A pending one is cancelled at once; a running one is cancelled at once and its worker stops within one tick. ' +
      'Operators may cancel only simulations they created (403 otherwise); admins any.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({ type: SimulationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({
    description: 'It is already finished, failed or cancelled.',
    type: ErrorResponse,
  })
  async cancel(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SimulationResponse> {
    return this.response(await this.simulations.cancel(simulationId, user));
  }

  @Post('simulation/:simulation_id/retry')
  @RequireRole(Role.Operator)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Run a failed or cancelled simulation again',
    description:
      'It goes back to pending as a new attempt, with a fresh budget of automatic attempts; history is kept. ' +
      'An external run answers the run token of its next attempt (`run_token`). ' +
      'Operators may retry only simulations they created (403 otherwise); admins any.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({ type: RetriedSimulationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ description: 'It is pending, running or finished.', type: ErrorResponse })
  async retry(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string | undefined,
  ): Promise<RetriedSimulationResponse> {
    const simulation = await this.simulations.retry(simulationId, user, requestId);
    const runToken = this.runTokens.tokenFor(simulation, user.subject);
    return { ...(await this.response(simulation)), ...(runToken && { run_token: runToken }) };
  }

  private async response(simulation: Simulation): Promise<SimulationResponse> {
    return toSimulationResponse(simulation, await this.projectNames.of([simulation.projectId]));
  }

  /**
   * The create answers, each with its run token where the request asked for
   * an external run (read back first: a replayed answer's run may have
   * started since).
   */
  private async withRunTokens(
    requests: readonly CreateSimulationDto[],
    ids: readonly number[],
    user: AuthenticatedUser,
  ): Promise<CreateSimulationResponse[]> {
    const external = ids.filter((_, index) => requests[index].program === Program.External);
    const runs = new Map(
      (external.length ? await this.simulations.findMany(external, user.access!) : []).map(
        (simulation) => [simulation.simulationId, simulation],
      ),
    );
    return ids.map((id) => {
      const run = runs.get(id);
      const runToken = run && this.runTokens.tokenFor(run, user.subject);
      return { id, status: 'pending', ...(runToken && { run_token: runToken }) };
    });
  }
}

/** Column values as JSON carries them: a metric summary that is not finite by its name. */
function jsonColumns(
  values: Record<string, number | string | boolean | null>,
): Record<string, number | string | boolean | null> {
  return Object.fromEntries(
    Object.entries(values).map(([label, value]) => [
      label,
      typeof value === 'number' ? jsonNumber(value) : value,
    ]),
  );
}
