import { DomainModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { MlflowController } from './mlflow.controller';
import { MlflowTracking } from './mlflow-tracking';

/** The MLflow-compatible subset: docs/mlflow.md. */
@Module({
  imports: [DomainModule, SimulationsModule, RunsModule],
  controllers: [MlflowController],
  providers: [MlflowTracking],
})
export class MlflowModule {}
