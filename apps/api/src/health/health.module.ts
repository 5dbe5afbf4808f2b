import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';
import { WorkersHealthIndicator } from './workers.health';

@Module({
  imports: [
    DomainModule,
    QueueModule,
    TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false }),
  ],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, WorkersHealthIndicator],
})
export class HealthModule {}
