import { getSharedConfigToken } from '@nestjs/bull';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Bull, { Queue, QueueOptions } from 'bull';
import { RunSimulationPayload } from './job-payloads';
import { machineQueueName } from './queue.constants';
import { RedisConnections } from './redis-connections';

/**
 * The per-machine Bull queues of this process, made on first use with the
 * shared Bull configuration (connections, lock settings) that QueueModule
 * registers through @nestjs/bull. Closes them, then their connections, at
 * shutdown.
 */
@Injectable()
export class MachineQueues implements OnModuleInit, OnApplicationShutdown {
  private readonly queues = new Map<number, Queue<RunSimulationPayload>>();

  constructor(
    @Inject(getSharedConfigToken()) private readonly options: QueueOptions,
    private readonly connections: RedisConnections,
  ) {}

  /**
   * Opens the shared command connection at boot, waiting briefly for it: a
   * fail-fast connection refuses commands until it is connected, and the
   * first POST should not be the one to find that out. A Redis that is down
   * does not stop the boot; the connection keeps retrying.
   */
  async onModuleInit(): Promise<void> {
    const connection = this.connections.command;
    if (connection.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      connection.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  forMachine(machineId: number): Queue<RunSimulationPayload> {
    let queue = this.queues.get(machineId);
    if (!queue) {
      queue = new Bull<RunSimulationPayload>(machineQueueName(machineId), this.options);
      // Errors (Redis away) are reported by the calls that fail; an unheard
      // 'error' event would otherwise crash the process.
      queue.on('error', () => undefined);
      this.queues.set(machineId, queue);
    }
    return queue;
  }

  all(): Array<{ machineId: number; queue: Queue<RunSimulationPayload> }> {
    return [...this.queues.entries()].map(([machineId, queue]) => ({ machineId, queue }));
  }

  /** Calls `listener` each time the queues' Redis is reachable again after it was lost. */
  onReconnected(listener: () => void): void {
    this.connections.onReconnected(listener);
  }

  /** Resolves when Redis answers PING. */
  async ping(): Promise<void> {
    await this.connections.command.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.queues.values()].map((queue) => queue.close().catch(() => undefined)),
    );
    await this.connections.closeAll();
  }
}
