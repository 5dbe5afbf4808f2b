import { BullModule, getSharedConfigToken } from '@nestjs/bull';
import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { AdvancedSettings } from 'bull';
import { MachineQueues } from './machine-queues';
import { RedisConnections } from './redis-connections';
import { SimulationEventPublisher, SimulationEventSubscriber } from './simulation-events';
import { SimulationQueueProducer } from './simulation-queue.producer';
import { SIMULATION_STATUS_LISTENER } from '@app/domain';

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

/** Connects to Redis and provides the machine queues and the producer. */
@Module({})
export class QueueModule {
  static forRootAsync(options: QueueModuleOptions): DynamicModule {
    let connections: RedisConnections | undefined;
    const bullRoot = BullModule.forRootAsync({
      imports: options.imports,
      inject: options.inject,
      useFactory: (...args: unknown[]) => {
        const settings = options.useFactory(...args);
        connections = new RedisConnections(settings.redisUrl, settings.failFast ?? false);
        return { createClient: connections.create, settings: settings.settings };
      },
    });
    return {
      module: QueueModule,
      global: true,
      imports: [bullRoot],
      providers: [
        {
          provide: RedisConnections,
          // Made by the Bull configuration factory above; resolving the shared
          // config first guarantees it exists.
          useFactory: () => connections,
          inject: [getSharedConfigToken()],
        },
        MachineQueues,
        SimulationQueueProducer,
        SimulationEventPublisher,
        SimulationEventSubscriber,
        { provide: SIMULATION_STATUS_LISTENER, useExisting: SimulationEventPublisher },
      ],
      exports: [
        MachineQueues,
        SimulationQueueProducer,
        SimulationEventPublisher,
        SimulationEventSubscriber,
        SIMULATION_STATUS_LISTENER,
      ],
    };
  }
}
