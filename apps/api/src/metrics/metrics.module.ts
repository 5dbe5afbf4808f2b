import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { startProcessMetrics } from '@app/runtime';
import { Module, OnModuleInit } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { ServiceStateMetrics } from './service-state-metrics';

/** /metrics; the per-request counters are recorded by observeRequests (see bootstrap.ts). */
@Module({
  imports: [DomainModule, QueueModule],
  controllers: [MetricsController],
  providers: [ServiceStateMetrics],
})
export class MetricsModule implements OnModuleInit {
  onModuleInit(): void {
    startProcessMetrics();
  }
}
