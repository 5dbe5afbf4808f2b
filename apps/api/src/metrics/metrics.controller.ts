import { metricsRegistry } from '@app/runtime';
import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Unmetered } from '../common/rate-limit/request-budgets';
import type { Response } from 'express';
import { Public } from '../auth/access-policy.decorators';
import { ServiceStateMetrics } from './service-state-metrics';

@ApiTags('health')
@Unmetered()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly state: ServiceStateMetrics) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics of this API process and of the service',
    description:
      'Prometheus text format: requests by route and status, latency, simulations pending and ' +
      'running, queue jobs by machine and state, pending work, live workers and heartbeat age by ' +
      'machine, process and event-loop metrics. No token needed; expose it to the scraper only.',
  })
  @ApiOkResponse({ content: { 'text/plain': { schema: { type: 'string' } } } })
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    await this.state.refresh();
    response.type(metricsRegistry.contentType);
    return metricsRegistry.metrics();
  }
}
