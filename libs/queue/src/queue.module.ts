import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { SIMULATION_QUEUE } from './queue.constants';
import { SimulationQueueProducer } from './simulation-queue.producer';

export interface QueueSettings {
  redisUrl: string;
}

export interface QueueModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: any[];
  useFactory: (...args: any[]) => QueueSettings;
}

/** Connects to Redis, registers the simulation queue and provides the producer. */
@Module({})
export class QueueModule {
  static forRootAsync(options: QueueModuleOptions): DynamicModule {
    const queue = BullModule.registerQueue({ name: SIMULATION_QUEUE });
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: (...args: unknown[]) => ({ redis: options.useFactory(...args).redisUrl }),
        }),
        queue,
      ],
      providers: [SimulationQueueProducer],
      exports: [SimulationQueueProducer, queue],
    };
  }
}
