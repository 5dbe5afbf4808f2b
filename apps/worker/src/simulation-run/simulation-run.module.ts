import { Module } from '@nestjs/common';
import { PendingReconciler } from './pending-reconciler';
import { SimulationRunConsumer } from './simulation-run.consumer';
import { SimulationRunService } from './simulation-run.service';

@Module({ providers: [SimulationRunService, SimulationRunConsumer, PendingReconciler] })
export class SimulationRunModule {}
