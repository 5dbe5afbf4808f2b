import { startProcessMetrics } from '@app/config';
import { Module, OnModuleInit } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { ServiceStateMetrics } from './service-state-metrics';

/** /metrics; the per-request counters are recorded by recordHttpMetrics (see bootstrap.ts). */
@Module({
  controllers: [MetricsController],
  providers: [ServiceStateMetrics],
})
export class MetricsModule implements OnModuleInit {
  onModuleInit(): void {
    startProcessMetrics();
  }
}
