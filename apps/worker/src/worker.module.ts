import { loggerParams } from '@app/config';
import { DomainModule } from '@app/domain';
import { QueueModule, workerQueueSettings } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { WorkerConfig } from './config/worker-config';
import { MetricsServer } from './metrics/metrics-server';
import { heartbeatConnection } from './simulation-run/heartbeat-connection';
import { SimulationRunModule } from './simulation-run/simulation-run.module';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      providers: [{ provide: WorkerConfig, useValue: config }, MetricsServer],
      exports: [WorkerConfig],
      imports: [
        LoggerModule.forRoot(loggerParams(config, 'worker')),
        DomainModule.forRootAsync({
          useFactory: () => ({
            url: config.databaseUrl,
            poolSize: config.databasePoolSize,
            applicationName: 'aisimulation-worker',
          }),
        }),
        heartbeatConnection(config.databaseUrl),
        QueueModule.forRootAsync({
          useFactory: () => ({
            redisUrl: config.redisUrl,
            settings: workerQueueSettings(config.leaseMs),
          }),
        }),
        SimulationRunModule,
      ],
    };
  }
}
