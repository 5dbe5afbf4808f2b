import { Controller, Get } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
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
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../auth/access-policy.decorators';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
// Probes from orchestrators and load balancers must never be rate limited.
@SkipThrottle({ ip: true, client: true, token: true })
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Postgres and Redis reachability', description: 'No token needed.' })
  @ApiOkResponse({
    description: 'Both reachable.',
    schema: {
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
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 1_000 }),
      () => this.redis.pingCheck('redis'),
    ]);
  }
}
