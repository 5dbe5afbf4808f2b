import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { SimulationsController } from './simulations.controller';
import { IdempotencyKeyExpiry } from './idempotency-key-expiry';
import { SimulationsService } from './simulations.service';

@Module({
  imports: [DomainModule, QueueModule],
  controllers: [SimulationsController],
  providers: [SimulationsService, IdempotencyKeyExpiry],
  exports: [SimulationsService],
})
export class SimulationsModule {}
