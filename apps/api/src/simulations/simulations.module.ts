import { DomainModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { SimulationsController } from './simulations.controller';
import { IdempotencyKeyExpiry } from './idempotency-key-expiry';
import { IdempotentAnswers } from './idempotent-answers';
import { PendingCap } from './pending-cap';
import { SimulationCreator } from './simulation-creator';
import { SimulationsService } from './simulations.service';
import { RunTokens } from '../runs/run-tokens';
import { ProjectOfCreation } from './project-of-creation';

@Module({
  imports: [DomainModule, QueueModule],
  controllers: [SimulationsController],
  providers: [
    SimulationsService,
    SimulationCreator,
    IdempotentAnswers,
    PendingCap,
    IdempotencyKeyExpiry,
    RunTokens,
    ProjectOfCreation,
  ],
  exports: [SimulationsService, SimulationCreator],
})
export class SimulationsModule {}
