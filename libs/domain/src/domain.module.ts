import { RunReportRepository } from './run-reports/run-report.repository';
import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiClientRepository } from './api-client/api-client.repository';
import { ConvergencePointRepository } from './convergence-point/convergence-point.repository';
import { CurveReadRepository } from './convergence-point/curve-read.repository';
import { DatabaseSettings, postgresOptions } from './database/data-source-options';
import { HistoryRepository } from './history/history.repository';
import { MachineRepository } from './machine/machine.repository';
import { WorkerRepository } from './machine/worker.repository';
import { IdempotencyKeyRepository } from './idempotency/idempotency-key.repository';
import { SimulationLifecycle } from './simulation/simulation-lifecycle';
import { RunDataRepository } from './run-data/run-data.repository';
import { RunLogRepository } from './run-logs/run-log.repository';
import { SimulationRepository } from './simulation/simulation.repository';
import { ExperimentRepository } from './experiment/experiment.repository';
import { ProjectRepository } from './project/project.repository';
import { ProjectNames } from './project/project-names';

const REPOSITORIES = [
  ApiClientRepository,
  SimulationRepository,
  SimulationLifecycle,
  MachineRepository,
  WorkerRepository,
  ConvergencePointRepository,
  CurveReadRepository,
  IdempotencyKeyRepository,
  HistoryRepository,
  RunDataRepository,
  RunReportRepository,
  RunLogRepository,
  ExperimentRepository,
  ProjectRepository,
  ProjectNames,
];

export interface DatabaseModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: any[];
  useFactory: (...args: any[]) => DatabaseSettings;
}

/**
 * Connects an app to Postgres: imported once, by the app's root module, which
 * says where from. TypeORM makes the connection (its EntityManager) visible
 * to every module; the repositories come from DomainModule.
 */
@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: (...args: unknown[]) => ({
            ...postgresOptions(options.useFactory(...args)),
            retryAttempts: 10,
            retryDelay: 1_000,
          }),
        }),
      ],
    };
  }
}

/** The repositories, for every module that reads or writes the domain's tables to import. */
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class DomainModule {}
