import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { AdvancedSettings } from 'bull';
import { QueueShutdown, RedisConnections } from './redis-connections';
import { SIMULATION_QUEUE } from './queue.constants';
import { SimulationQueueProducer } from './simulation-queue.producer';

export interface QueueSettings {
  redisUrl: string;
  /** Producers (the API) fail fast while Redis is down instead of waiting for it. */
  failFast?: boolean;
  /** Consumers (the worker) tune Bull's locks to their lease; see workerQueueSettings. */
  settings?: AdvancedSettings;
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
    let connections: RedisConnections | undefined;
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: (...args: unknown[]) => {
            const settings = options.useFactory(...args);
            connections = new RedisConnections(settings.redisUrl, settings.failFast ?? false);
            return { createClient: connections.create, settings: settings.settings };
          },
        }),
        queue,
      ],
      providers: [
        SimulationQueueProducer,
        QueueShutdown,
        {
          provide: RedisConnections,
          // Created by the Bull factory above, which Nest resolves first (the queue depends on it).
          useFactory: () => connections,
          inject: [getQueueToken(SIMULATION_QUEUE)],
        },
      ],
      exports: [SimulationQueueProducer, queue],
    };
  }
}
