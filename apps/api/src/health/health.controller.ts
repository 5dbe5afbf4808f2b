import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { Unmetered } from '../common/rate-limit/request-budgets';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorFunction,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/access-policy.decorators';
import { RedisHealthIndicator } from './redis.health';
import { WorkersHealthIndicator } from './workers.health';

const READY_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    info: { type: 'object', additionalProperties: true },
    error: { type: 'object', additionalProperties: true },
    details: { type: 'object', additionalProperties: true },
  },
};

const READY_EXAMPLE = {
  ...READY_SCHEMA,
  example: {
    status: 'ok',
    info: {
      postgres: { status: 'up' },
      redis: { status: 'up' },
      workers: { status: 'up', consuming: true, live_workers: 2, pool_workers: 0 },
    },
    error: {},
    details: {},
  },
};

@ApiTags('health')
// Probes from orchestrators and load balancers must never be rate limited.
@Unmetered()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly workers: WorkersHealthIndicator,
  ) {}

  @Get('live')
  @Public()
  @ApiOperation({
    summary: 'Liveness: the process answers',
    description: 'Checks nothing else; restart the process only when this fails. No token needed.',
  })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ok'] } },
      required: ['status'],
    },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: Postgres and Redis reachable; whether any worker consumes',
    description:
      '503 while Postgres or Redis is unreachable. `info.workers.consuming` is false when no live ' +
      'worker takes jobs: the API still accepts work, which waits. No token needed.',
  })
  @ApiOkResponse({ description: 'Postgres and Redis reachable.', schema: READY_EXAMPLE })
  @ApiServiceUnavailableResponse({
    description: 'Postgres or Redis unreachable; `error` says which.',
    schema: READY_SCHEMA,
  })
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, [
      () => this.postgres.pingCheck('postgres', { timeout: 1_000 }),
      () => this.redis.pingCheck('redis'),
      () => this.workers.consumers('workers'),
    ]);
  }

  /** The original service's probe, kept: Postgres and Redis only. */
  @Get()
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Postgres and Redis reachability', description: 'No token needed.' })
  @ApiOkResponse({
    description: 'Both reachable.',
    schema: {
      ...READY_SCHEMA,
      example: {
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' } },
        error: {},
        details: {},
      },
    },
  })
  @ApiServiceUnavailableResponse({
    description: 'At least one is not reachable; `error` says which.',
    schema: READY_SCHEMA,
  })
  check(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, [
      () => this.postgres.pingCheck('postgres', { timeout: 1_000 }),
      () => this.redis.pingCheck('redis'),
    ]);
  }

  /**
   * The check's own body on failure too (which dependency is down), with a
   * 503: a probe's answer is read by operators, not turned into an error message.
   */
  private async answer(
    response: Response,
    indicators: HealthIndicatorFunction[],
  ): Promise<HealthCheckResult> {
    try {
      return await this.health.check(indicators);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
