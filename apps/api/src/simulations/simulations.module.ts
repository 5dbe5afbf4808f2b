import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { SimulationsController } from './simulations.controller';
import { IdempotencyKeyExpiry } from './idempotency-key-expiry';
import { IdempotentAnswers } from './idempotent-answers';
import { PendingCap } from './pending-cap';
import { SimulationCreator } from './simulation-creator';
import { SimulationsService } from './simulations.service';

@Module({
  imports: [DomainModule, QueueModule],
  controllers: [SimulationsController],
  providers: [
    SimulationsService,
    SimulationCreator,
    IdempotentAnswers,
    PendingCap,
    IdempotencyKeyExpiry,
  ],
  exports: [SimulationsService],
})
export class SimulationsModule {}
