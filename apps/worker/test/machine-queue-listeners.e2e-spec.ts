import { DatabaseModule } from '@app/domain';
import {
  connectRedis,
  MachineQueues,
  QueueConnectionModule,
  QueueModule,
  SimulationJobName,
  workerQueueSettings,
} from '@app/queue';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bull';
import Redis from 'ioredis';
import { E2eStack, eventually } from '../../../test/e2e-stack';

type AddListener = (
  this: Redis,
  event: string | symbol,
  listener: (...args: any[]) => void,
) => Redis;

/**
 * Records every time a Redis connection gets more listeners for an event than
 * its limit: when Node prints a MaxListenersExceededWarning. (The warning itself
 * goes to the real process, which a spec's `process` is not.) Bull adds its
 * listeners with `on`, or `once`, which calls `on`.
 */
function watchListenerLimits(): { exceeded: string[]; stop(): void } {
  const exceeded: string[] = [];
  const prototype = Redis.prototype as unknown as Record<'on' | 'addListener', AddListener>;
  const originals = { on: prototype.on, addListener: prototype.addListener };
  for (const method of ['on', 'addListener'] as const) {
    prototype[method] = function (this: Redis, event, listener) {
      const result = originals[method].call(this, event, listener);
      const count = this.listenerCount(event);
      const limit = this.getMaxListeners();
      if (limit > 0 && count > limit)
        exceeded.push(`${count} ${String(event)} listeners, limit ${limit}`);
      return result;
    };
  }
  return { exceeded, stop: () => Object.assign(prototype, originals) };
}

/** Bull's event subscriber connection of a queue (not in its typings). */
const subscriberOf = (queue: Queue) => (queue as unknown as { eclient: Redis }).eclient;

const listenerCounts = (connection: Redis): Record<string, number> =>
  Object.fromEntries(connection.eventNames().map((e) => [String(e), connection.listenerCount(e)]));

/** The listeners every connection of ours has before Bull adds any. */
function ownListenerCounts(): Record<string, number> {
  const fresh = connectRedis({ url: 'redis://127.0.0.1:1/0' }, { lazyConnect: true });
  const counts = listenerCounts(fresh);
  fresh.disconnect();
  return counts;
}

describe('machine queues sharing Redis connections', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  beforeEach(() => stack.reset());
  afterEach(() => stack.stopWorkers());
  afterAll(() => stack.close());

  it('consume many machines without a MaxListenersExceededWarning, one listener per queue per event', async () => {
    const machines = Array.from({ length: 25 }, (_, index) => index + 1);
    const watch = watchListenerLimits();
    const module = await Test.createTestingModule({
      imports: [
        DatabaseModule.forRootAsync({
          useFactory: () => ({ url: stack.connections.databaseUrl }),
        }),
        QueueConnectionModule.forRootAsync({
          useFactory: () => ({
            redis: { url: stack.connections.redisUrl },
            settings: workerQueueSettings(20_000),
          }),
        }),
        QueueModule,
      ],
    }).compile();
    try {
      await module.init();
      const queues = module.get(MachineQueues);
      // As a pool worker does at boot: every machine's queue starts consuming in
      // the same turn, before the shared subscriber connection is ready.
      const subscribed = machines.map((machineId) => {
        const queue = queues.forMachine(machineId);
        const registered = new Promise((resolve) => queue.once('registered:delayed', resolve));
        queue.process(SimulationJobName.Run, 1, async () => undefined).catch(() => undefined);
        return registered;
      });
      await Promise.all(subscribed);
      // Used again (the producer, metrics, the machine refresh): no more listeners.
      await Promise.all(machines.map((machineId) => queues.forMachine(machineId).getJobCounts()));
      expect(watch.exceeded).toEqual([]);
      const first = queues.forMachine(machines[0]);
      for (const connection of [first.client, subscriberOf(first)]) {
        // The connections are shared, or there would be nothing to test.
        for (const machineId of machines) {
          const queue = queues.forMachine(machineId);
          expect([queue.client, subscriberOf(queue)]).toContain(connection);
        }
        // Bull adds at most one listener per event to a shared connection for each
        // queue once it is running, so a count above that is a listener leak.
        const own = ownListenerCounts();
        const excess = Object.entries(listenerCounts(connection)).filter(
          ([event, count]) =>
            count - (own[event] ?? 0) > machines.length || count > connection.getMaxListeners(),
        );
        expect(excess).toEqual([]);
      }
    } finally {
      watch.stop();
      await module.close();
    }
  });

  it('boots a pool worker over many machines, and serves their metrics, without the warning', async () => {
    const machines = Array.from({ length: 12 }, (_, index) => 101 + index);
    await stack.db.query(
      `INSERT INTO machines (machine_id, name) SELECT id, 'Machine ' || id FROM unnest($1::int[]) id`,
      [machines],
    );
    const watch = watchListenerLimits();
    try {
      const worker = await stack.startWorker();
      const queues = worker.get(MachineQueues);
      await eventually(
        async () => {
          const all = queues.all();
          if (all.length < machines.length) return undefined;
          const subscriber = subscriberOf(all[0].queue);
          const subscribed =
            subscriber.status === 'ready' &&
            subscriber.listenerCount('pmessage') === machines.length;
          return subscribed || undefined;
        },
        { what: 'the pool worker to consume every machine' },
      );
      // The API's scrape reads every machine's queue.
      await stack.http.get('/metrics').expect(200);
      expect(watch.exceeded).toEqual([]);
    } finally {
      watch.stop();
    }
  });
});
