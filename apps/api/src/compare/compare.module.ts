import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { ConvergenceModule } from '../convergence/convergence.module';
import { CompareController } from './compare.controller';
import { RunComparison } from './run-comparison';

@Module({
  imports: [DomainModule, ConvergenceModule],
  controllers: [CompareController],
  providers: [RunComparison],
})
export class CompareModule {}
