import { createLogger, loggerParams } from '@app/runtime';
import { DatabaseModule } from '@app/domain';
import { QueueConnectionModule, workerQueueSettings } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { WorkerConfig } from './config/worker-config';
import { StatusServer } from './metrics/status-server';
import { heartbeatConnection } from './leases/heartbeat-connection';
import { RecoveryModule } from './recovery/recovery.module';
import { SimulationRunModule } from './simulation-run/simulation-run.module';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      providers: [{ provide: WorkerConfig, useValue: config }, StatusServer],
      exports: [WorkerConfig],
      imports: [
        LoggerModule.forRoot(loggerParams(createLogger(config, 'worker'))),
        DatabaseModule.forRootAsync({
          useFactory: () => ({
            url: config.databaseUrl,
            poolSize: config.databasePoolSize,
            preparedStatements: config.databasePreparedStatements,
            applicationName: 'aisimulation-worker',
          }),
        }),
        heartbeatConnection(config),
        QueueConnectionModule.forRootAsync({
          useFactory: () => ({
            redis: config.redis,
            settings: workerQueueSettings(config.leaseMs),
          }),
        }),
        SimulationRunModule,
        RecoveryModule,
      ],
    };
  }
}
