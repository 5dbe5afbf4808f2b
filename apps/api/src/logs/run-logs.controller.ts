import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireRole } from '../auth/access-policy.decorators';
import { CallerAccess } from '../auth/current-user.decorator';
import type { ProjectAccess } from '../auth/project-access';
import { Role } from '@app/auth';
import { ErrorResponse } from '../common/error-response';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { MAX_LOG_LINES, RunLogsQuery } from './run-logs.query';
import { LINE_MAX_LENGTH, RunLogsResponse } from './run-logs.response';
import { RunLogsService } from './run-logs.service';
import { logCursorOf } from './live-log-stream';
import { ApiEventStream } from '../convergence/live/api-event-stream.decorator';
import { RequestHeader } from '../common/request-header.decorator';

@ApiTags('logs')
@ApiExtraModels(RunLogsResponse)
@Controller()
export class RunLogsController {
  constructor(private readonly logs: RunLogsService) {}

  @Get('simulation/:simulation_id/logs')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: "A program run's output, stdout and stderr, an attempt at a time",
    description:
      'The lines its program printed, in the order its worker read them, numbered by `seq`; ' +
      "the current attempt's unless `attempt` says which. `tail` answers the last lines, `after` " +
      "pages on from an earlier answer (`next_after`). A log outgrowing its program's " +
      '`logs.max_bytes` keeps its tail, and `dropped` counts what went. Runs of the emulator and ' +
      'external runs print nothing here. `format=text` answers the lines alone.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiOkResponse({
    description: 'The lines as JSON, or as plain text (`format=text`).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(RunLogsResponse) } },
      'text/plain': {
        schema: {
          type: 'string',
          maxLength: MAX_LOG_LINES * (LINE_MAX_LENGTH + 1),
          example: 'epoch 1 loss 2.30\n',
        },
      },
    },
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async read(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @Query() query: RunLogsQuery,
    @CallerAccess() access: ProjectAccess,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RunLogsResponse | string> {
    const answer = await this.logs.read(simulationId, query, access.visibility);
    if ((query.format ?? 'json') === 'json') return answer;
    response.type('text/plain; charset=utf-8');
    return answer.lines.map((line) => `${line.text}\n`).join('');
  }

  @Get('simulation/:simulation_id/logs/stream')
  @RequireRole(Role.Viewer)
  @ApiOperation({
    summary: "A program run's output, live (Server-Sent Events)",
    description:
      'The lines stored so far, then each as its worker stores it, a few times a second, ' +
      'attempt after attempt, and `end` once the run has ended (then closes). Events: `lines` ' +
      '{attempt, lines:[{seq, stream, at, text, cut}]} with id `<attempt>:<seq>`; `attempt` ' +
      '{attempt} when a new attempt starts its output over; `end` {attempt, status}. Reconnect ' +
      'with `Last-Event-ID`, to this API or another, to go on after the last line received.',
  })
  @ApiParam({ name: 'simulation_id', type: Number, example: 1 })
  @ApiEventStream()
  @ApiNotFoundResponse({ type: ErrorResponse })
  async follow(
    @Param('simulation_id', new ParseIdPipe('simulation_id')) simulationId: number,
    @RequestHeader('last-event-id') lastEventId: string | undefined,
    @CallerAccess() access: ProjectAccess,
    @Res() response: Response,
  ): Promise<void> {
    await this.logs.follow(simulationId, logCursorOf(lastEventId), response, access.visibility);
  }
}
