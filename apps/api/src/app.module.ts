import { loggerParams } from '@app/runtime';
import { DatabaseModule } from '@app/domain';
import { QueueConnectionModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { ApiConfig } from './config/api-config';
import { CompareModule } from './compare/compare.module';
import { ConvergenceModule } from './convergence/convergence.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { MachinesModule } from './machines/machines.module';
import { MetricsModule } from './metrics/metrics.module';
import { SimulationsModule } from './simulations/simulations.module';
import { RunsModule } from './runs/runs.module';
import { RunLogsModule } from './logs/run-logs.module';
import { MlflowModule } from './mlflow/mlflow.module';
import { ProjectsModule } from './projects/projects.module';

@Module({})
export class AppModule {
  /**
   * The validated config is passed in, so tests boot exactly this module
   * with their own; the logger too, as the request observer writes to it.
   */
  static forRoot(config: ApiConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: ApiConfig, useValue: config }],
      exports: [ApiConfig],
      imports: [
        LoggerModule.forRoot(loggerParams(logger)),
        DatabaseModule.forRootAsync({
          useFactory: () => ({
            url: config.databaseUrl,
            poolSize: config.databasePoolSize,
            preparedStatements: config.databasePreparedStatements,
            queryTimeoutMs: config.databaseQueryTimeoutMs,
            applicationName: 'aisimulation-api',
          }),
        }),
        QueueConnectionModule.forRootAsync({
          useFactory: () => ({ redis: config.redis, failFast: true }),
        }),
        AuthModule,
        SimulationsModule,
        RunsModule,
        RunLogsModule,
        MlflowModule,
        ProjectsModule,
        MachinesModule,
        ConvergenceModule,
        CompareModule,
        HealthModule,
        MetricsModule,
        AdminModule,
        DashboardModule,
      ],
    };
  }
}
