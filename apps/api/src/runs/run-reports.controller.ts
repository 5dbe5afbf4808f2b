import { DomainError, ProjectNames, type Simulation } from '@app/domain';
import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { rawReportOf } from './ndjson-report';
import {
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { RequireRole } from '../auth/access-policy.decorators';
import type { AuthenticatedUser, RunScope } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Role } from '@app/auth';
import { ErrorResponse } from '../common/error-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { SimulationResponse, toSimulationResponse } from '../simulations/dto/simulation.response';
import { checkReport, MAX_REPORT_POINTS } from './run-report-body';
import {
  MAX_NDJSON_REPORT_POINTS,
  NDJSON_REPORT_LIMIT_BYTES,
  NDJSON_TYPE,
  REPORT_BODY_LIMIT_BYTES,
} from '../common/body-limit';
import { RunEndDto, RunReportDto, RunReportResponse } from './run-reports.dto';
import { RunReportsService } from './run-reports.service';

const SUPERSEDED_OR_ENDED =
  'The token’s attempt was superseded, has not started, or has ended; or the report is refused ' +
  '(a used sequence with another report, a point back in time, a param given another value).';

/**
 * An external run reporting, with the run-scoped token its creation (or
 * retry) answered: bound to one attempt of one simulation, good for these
 * routes only.
 */
@ApiTags('runs')
@ApiForbiddenResponse({
  description: 'The token is not a run token, or is for another simulation.',
  type: ErrorResponse,
})
@ApiNotFoundResponse({ description: 'No such simulation.', type: ErrorResponse })
@ApiConflictResponse({ description: SUPERSEDED_OR_ENDED, type: ErrorResponse })
@Controller('simulation/:simulation_id')
export class RunReportsController {
  constructor(
    private readonly runs: RunReportsService,
    private readonly projectNames: ProjectNames,
  ) {}

  @Post('start')
  @RequireRole(Role.Run)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'An external run starts (run token)',
    description:
      'pending → running for the attempt the token is for. Sent again for that attempt, the same answer.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({ type: SimulationResponse })
  async start(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SimulationResponse> {
    return this.response(await this.runs.start(scopeOf(user, simulationId)));
  }

  @Post('metrics')
  @RequireRole(Role.Run)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'An external run reports points, params and tags (run token)',
    description:
      'One report, stored whole or not at all, and once: its `sequence` numbers it, and the same ' +
      'report sent again changes nothing (`duplicate: true`). Points of any metrics, each going ' +
      'forward in time; params are written once, tags set. Reporting keeps the run’s lease.',
    requestBody: {
      required: true,
      description:
        `As JSON (up to ${MAX_REPORT_POINTS.toLocaleString('en')} points, ${REPORT_BODY_LIMIT_BYTES / 1024 / 1024} MiB), ` +
        `or as NDJSON (up to ${MAX_NDJSON_REPORT_POINTS.toLocaleString('en')} points, ${NDJSON_REPORT_LIMIT_BYTES / 1024 / 1024} MiB): ` +
        'the first line the report without its points, then one point per line.',
      content: {
        'application/json': { schema: { $ref: getSchemaPath(RunReportDto) } },
        [NDJSON_TYPE]: {
          schema: { type: 'string', maxLength: NDJSON_REPORT_LIMIT_BYTES },
          example: '{"sequence":2}\n{"metric":"loss","value":0.5,"step":10}\n',
        },
      },
    },
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiExtraModels(RunReportDto)
  @ApiOkResponse({ type: RunReportResponse })
  async report(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: unknown,
    @Headers('content-type') type: string | undefined,
    @Req() request: Request,
  ): Promise<RunReportResponse> {
    const scope = scopeOf(user, simulationId);
    const ndjson = (type ?? '').toLowerCase().startsWith(NDJSON_TYPE);
    const report = checkReport(body, ndjson ? MAX_NDJSON_REPORT_POINTS : MAX_REPORT_POINTS);
    // Read by this route's parsers (bootstrap.ts), which keep the bytes.
    const sent = rawReportOf(request) ?? Buffer.from(JSON.stringify(body));
    const stored = await this.runs.report(scope, report, sent);
    return { sequence: report.sequence, points: stored.points, duplicate: stored.duplicate };
  }

  @Post('heartbeat')
  @RequireRole(Role.Run)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'An external run is still going (run token)',
    description:
      'Keeps the lease of a run with nothing to report yet. A run silent for the lease (LEASE_MS) is failed as lost.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiNoContentResponse({ description: 'The lease is kept.' })
  async heartbeat(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.runs.heartbeat(scopeOf(user, simulationId));
  }

  @Post('end')
  @RequireRole(Role.Run)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'An external run ends (run token)',
    description:
      '`finished` or `failed`, with its exit code and, for a failure, a reason. Sent again, the same answer.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({ type: SimulationResponse })
  async end(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RunEndDto,
  ): Promise<SimulationResponse> {
    return this.response(
      await this.runs.end(scopeOf(user, simulationId), {
        status: body.status,
        exitCode: body.exit_code ?? null,
        reason: body.reason ?? null,
      }),
    );
  }

  private async response(simulation: Simulation): Promise<SimulationResponse> {
    return toSimulationResponse(simulation, await this.projectNames.of([simulation.projectId]));
  }
}

/** The token's run, which must be the path's: a run token reports for its own run only. */
function scopeOf(user: AuthenticatedUser, simulationId: number): RunScope {
  const run = user.run;
  if (!run || run.simulationId !== simulationId)
    throw DomainError.forbidden(
      `this token reports for ${run ? `simulation ${run.simulationId}` : 'no run'}, not simulation ${simulationId}`,
    );
  return run;
}
