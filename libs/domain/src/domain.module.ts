import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiClientRepository } from './api-client/api-client.repository';
import { ConvergencePointRepository } from './convergence-point/convergence-point.repository';
import { CurveReadRepository } from './convergence-point/curve-read.repository';
import { DatabaseSettings, postgresOptions } from './database/data-source-options';
import { MachineRepository } from './machine/machine.repository';
import { WorkerRepository } from './machine/worker.repository';
import { IdempotencyKeyRepository } from './idempotency/idempotency-key.repository';
import { SimulationLifecycle } from './simulation/simulation-lifecycle';
import { SimulationRepository } from './simulation/simulation.repository';

const REPOSITORIES = [
  ApiClientRepository,
  SimulationRepository,
  SimulationLifecycle,
  MachineRepository,
  WorkerRepository,
  ConvergencePointRepository,
  CurveReadRepository,
  IdempotencyKeyRepository,
];

export interface DomainModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: any[];
  useFactory: (...args: any[]) => DatabaseSettings;
}

/** Connects to Postgres and provides the repositories; each app says where from. */
@Module({})
export class DomainModule {
  static forRootAsync(options: DomainModuleOptions): DynamicModule {
    return {
      module: DomainModule,
      global: true,
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
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
