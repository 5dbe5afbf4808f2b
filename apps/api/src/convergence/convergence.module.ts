import { Module } from '@nestjs/common';
import { ConvergenceController } from './convergence.controller';
import { ConvergenceService } from './convergence.service';

@Module({ controllers: [ConvergenceController], providers: [ConvergenceService] })
export class ConvergenceModule {}
