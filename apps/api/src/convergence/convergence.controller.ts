import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RUN_KEY_PATTERN } from '@app/domain';
import { RequireRole } from '../auth/access-policy.decorators';
import { CallerAccess } from '../auth/current-user.decorator';
import type { ProjectAccess } from '../auth/project-access';
import { Role } from '@app/auth';
import { ErrorResponse } from '../common/error-response';
import { RequestHeader } from '../common/request-header.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ConvergenceResponse } from './convergence.response';
import { toConvergence, toMetricCurve } from './curve-shapes';
import { CurveExport } from './curve-export';
import { CurveSampler } from './curve-sampler';
import { ConvergeQuery, MetricCurveQuery } from './dto/converge.query';
import { ApiEventStream } from './live/api-event-stream.decorator';
import { LastEventIdPipe } from './live/last-event-id.pipe';
import type { CurveCursor } from './live/live-curve-stream';
import { LiveCurveStreams } from './live/live-curve-streams';
import { MetricCurveResponse } from './metric-curve.response';
import { ParseMetricNamePipe } from './metric-name.pipe';

@ApiTags('convergence')
@ApiExtraModels(ConvergenceResponse, MetricCurveResponse)
@ApiBadRequestResponse({
  description: 'A parameter is invalid; the message names it.',
  type: ErrorResponse,
})
@ApiNotFoundResponse({
  description: 'No such simulation, or (for a named metric) none reported by that name.',
  type: ErrorResponse,
})
@ApiGoneResponse({
  description:
    'The simulation exists but its curve has expired: history retention (HISTORY_RETENTION_DAYS) ' +
    'removes the curves of runs that ended longer ago than that.',
  type: ErrorResponse,
})
@Controller()
export class ConvergenceController {
  constructor(
    private readonly sampler: CurveSampler,
    private readonly exporter: CurveExport,
    private readonly streams: LiveCurveStreams,
  ) {}

  @Get('converge/:simulation_id')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: "A simulation's convergence curve (loss by seconds), sampled or exported",
    description:
      'Without parameters, a curve of up to 10,000 points comes back whole (the original ' +
      "service's answer, plus `meta`); a longer one is sampled into 1,000 logarithmic buckets. " +
      '`from`/`to` select a window first; `points`, `scale` and `agg` control the sampling. The ' +
      'first and last point of the window are always included as they are. `format=csv|ndjson` ' +
      'streams every point of the window instead.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({
    description: 'The curve as JSON, or every point of the window as CSV or NDJSON (`format`).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ConvergenceResponse) } },
      'text/csv': { schema: { type: 'string', example: 'seconds,loss\n1,0.9\n' } },
      'application/x-ndjson': { schema: { type: 'string', example: '{"seconds":1,"loss":0.9}\n' } },
    },
  })
  async get(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @Query() query: ConvergeQuery,
    @CallerAccess() access: ProjectAccess,
  ): Promise<ConvergenceResponse | StreamableFile> {
    return (query.format ?? 'json') === 'json'
      ? toConvergence(await this.sampler.sample(simulationId, query, access.visibility))
      : this.exporter.open(simulationId, query, access.visibility);
  }

  @Get('simulation/:simulation_id/metrics/:metric')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: 'One metric of a run, by seconds or by step: sampled or exported',
    description:
      'Everything GET /converge/{id} does, for any metric of the current attempt (`loss` is ' +
      'the same series): `from`/`to`, `points`, `scale`, `agg`, `format=csv|ndjson`; and ' +
      '`x=step` to read it along the steps the run gave. Points carry `value`, and `step` where ' +
      'the run reported one. Percent-encode the name in the path. A metric the current attempt ' +
      'has not reported is a 404.',
  })
  @ApiConflictResponse({
    description:
      'x=step for a metric that cannot be read by step (a point without a step, or a step lower ' +
      'than the one before).',
    type: ErrorResponse,
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiParam({
    name: 'metric',
    type: String,
    example: 'val_loss',
    schema: { type: 'string', pattern: RUN_KEY_PATTERN.source, maxLength: 250 },
  })
  @ApiOkResponse({
    description: 'The series as JSON, or every point of the window as CSV or NDJSON (`format`).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(MetricCurveResponse) } },
      'text/csv': { schema: { type: 'string', example: 'seconds,value,step\n1,0.9,100\n' } },
      'application/x-ndjson': {
        schema: { type: 'string', example: '{"seconds":1,"value":0.9,"step":100}\n' },
      },
    },
  })
  async metric(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @Param('metric', ParseMetricNamePipe) metric: string,
    @Query() query: MetricCurveQuery,
    @CallerAccess() access: ProjectAccess,
  ): Promise<MetricCurveResponse | StreamableFile> {
    const { x: axis = 'seconds', ...curveQuery } = query;
    return (query.format ?? 'json') === 'json'
      ? toMetricCurve(
          await this.sampler.sample(simulationId, curveQuery, access.visibility, metric, axis),
          metric,
          axis,
        )
      : this.exporter.open(simulationId, curveQuery, access.visibility, metric, axis);
  }

  @Get('converge/:simulation_id/stream')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: "A simulation's convergence curve, live (Server-Sent Events)",
    description:
      'Sends the points stored so far, then each batch as the worker writes it, status ' +
      'changes, and `end` at a terminal status (then closes). Events: `status` ' +
      '{attempt, status}; `points` {attempt, points:[{seconds, loss}]} with id `<attempt>:<seconds>`; ' +
      '`attempt` {attempt} when a new attempt restarts the curve; `end` {attempt, status}. ' +
      'Reconnect with `Last-Event-ID` to resume after the last point received, with no gap ' +
      'and no duplicate.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiEventStream()
  async stream(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @RequestHeader('last-event-id', LastEventIdPipe) resumeFrom: CurveCursor | null,
    @CallerAccess() access: ProjectAccess,
    @Res() response: Response,
  ): Promise<void> {
    await this.streams.open(simulationId, resumeFrom, response, access.visibility);
  }

  @Get('simulation/:simulation_id/metrics/:metric/stream')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: 'One metric of a run, live (Server-Sent Events)',
    description:
      'GET /converge/{id}/stream for any metric (`loss` included), with points shaped as ' +
      '/simulation/{id}/metrics/{name} shapes them: `points` {attempt, points:[{seconds, value, ' +
      'step?}]}. A run that has not reported the metric yet may still: the stream waits for it ' +
      '(each new attempt starts it over). For a run that has ended without it, a 404.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiParam({
    name: 'metric',
    example: 'val_loss',
    schema: { type: 'string', pattern: RUN_KEY_PATTERN.source, maxLength: 250 },
  })
  @ApiEventStream()
  async metricStream(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @Param('metric', ParseMetricNamePipe) metric: string,
    @RequestHeader('last-event-id', LastEventIdPipe) resumeFrom: CurveCursor | null,
    @CallerAccess() access: ProjectAccess,
    @Res() response: Response,
  ): Promise<void> {
    await this.streams.open(simulationId, resumeFrom, response, access.visibility, {
      metric,
      shape: 'metric',
    });
  }
}
