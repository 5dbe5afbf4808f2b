import type { RedisEndpoint } from '@app/config';
import { BullModule, getSharedConfigToken } from '@nestjs/bull';
import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { AdvancedSettings, QueueOptions } from 'bull';
import { DomainModule } from '@app/domain';
import { MachineQueues } from './machine-queues';
import { RedisConnections } from './redis-connections';
import {
  RunStopsSubscriber,
  SimulationEventPublisher,
  SimulationEventSubscriber,
} from './simulation-events';
import { SimulationQueueProducer } from './simulation-queue.producer';

export interface QueueSettings {
  redis: RedisEndpoint;
  /** Producers (the API) fail fast while Redis is down instead of waiting for it. */
  failFast?: boolean;
  /** Consumers (the worker) tune Bull's locks to their lease; see workerQueueSettings. */
  settings?: AdvancedSettings;
}

export interface QueueConnectionModuleOptions {
  imports?: ModuleMetadata['imports'];
  inject?: any[];
  useFactory: (...args: any[]) => QueueSettings;
}

/** The connections each app's Bull configuration was made with. */
const connectionsOf = new WeakMap<QueueOptions, RedisConnections>();

/**
 * Connects an app to Redis: imported once, by the app's root module, which
 * says where. @nestjs/bull shares the resulting configuration (and so these
 * connections) with every queue of the app; QueueModule provides the rest.
 */
@Module({})
export class QueueConnectionModule {
  static forRootAsync(options: QueueConnectionModuleOptions): DynamicModule {
    return {
      module: QueueConnectionModule,
      imports: [
        BullModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: (...args: unknown[]) => {
            const settings = options.useFactory(...args);
            const connections = new RedisConnections(settings.redis, settings.failFast ?? false);
            const config: QueueOptions = {
              createClient: connections.create,
              settings: settings.settings,
            };
            connectionsOf.set(config, connections);
            return config;
          },
        }),
      ],
    };
  }
}

/** The machine queues, the producer and the live-event channels, for every module that uses them to import. */
@Module({
  imports: [DomainModule],
  providers: [
    {
      provide: RedisConnections,
      inject: [getSharedConfigToken()],
      useFactory: (config: QueueOptions) => {
        const connections = connectionsOf.get(config);
        if (!connections)
          throw new Error('QueueModule needs QueueConnectionModule.forRootAsync in the app');
        return connections;
      },
    },
    MachineQueues,
    SimulationQueueProducer,
    SimulationEventPublisher,
    SimulationEventSubscriber,
    RunStopsSubscriber,
  ],
  exports: [
    RunStopsSubscriber,
    MachineQueues,
    SimulationQueueProducer,
    SimulationEventPublisher,
    SimulationEventSubscriber,
  ],
})
export class QueueModule {}
