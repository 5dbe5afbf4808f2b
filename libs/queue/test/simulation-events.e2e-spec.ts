import type { SimulationLifecycle } from '@app/domain';
import {
  type SimulationEvent,
  SimulationEventPublisher,
  SimulationEventSubscriber,
  simulationEventsChannel,
} from '@app/queue';
import Redis from 'ioredis';
import { provisionTestConnections } from '../../../test/test-services';
import { RedisConnections } from '../src/redis-connections';

/** Only its listener registration is used: status changes are not what this spec is about. */
const noLifecycle = { onStatusChange: () => undefined } as unknown as SimulationLifecycle;

/** Live events on a real Redis: points reach watchers, and only announcements go to no one. */
describe('simulation events through Redis', () => {
  let connections: RedisConnections;
  let observer: Redis;
  let publisher: SimulationEventPublisher;
  let subscriber: SimulationEventSubscriber;

  beforeAll(async () => {
    const { redisUrl } = await provisionTestConnections();
    connections = new RedisConnections({ url: redisUrl }, false);
    observer = new Redis(redisUrl);
    publisher = new SimulationEventPublisher(connections, noLifecycle);
    subscriber = new SimulationEventSubscriber(connections);
  });
  afterAll(async () => {
    await subscriber.onModuleDestroy();
    observer.disconnect();
    await connections.closeAll();
  });

  /** Waits until `check` holds, polling. */
  const until = async (check: () => Promise<boolean> | boolean) => {
    for (let tries = 0; !(await check()); tries++) {
      if (tries > 200) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const subscribers = async (simulationId: number) => {
    const [, count] = (await observer.pubsub('NUMSUB', simulationEventsChannel(simulationId))) as [
      string,
      number,
    ];
    return count;
  };

  it('announces the points of a run nobody watched, and carries them again once someone does', async () => {
    const simulationId = 9_001;
    const points = (from: number): Array<[number, number]> => [
      [from, 0.5],
      [from + 1, 0.25],
    ];
    // Events are dropped, not queued, until the connection is up.
    await until(() => connections.command.status === 'ready');
    // Nobody watches yet: the first publish finds out.
    publisher.pointsWritten({ simulationId, attempt: 1, after: null, points: points(1) });
    await until(() => !publisher.watched(simulationId));

    const received: SimulationEvent[] = [];
    const stop = subscriber.subscribe(simulationId, (event) => received.push(event));
    try {
      await until(async () => (await subscribers(simulationId)) === 1);
      // Still taken as unwatched: the points are announced, for the stream to read them.
      publisher.pointsWritten({ simulationId, attempt: 1, after: 2, points: points(3) });
      await until(() => received.length === 1);
      expect(received[0]).toEqual({
        type: 'points',
        simulationId,
        attempt: 1,
        after: 4,
        points: [],
      });
      expect(publisher.watched(simulationId)).toBe(true);
      // That publish reached a subscriber: points travel again.
      publisher.pointsWritten({ simulationId, attempt: 1, after: 4, points: points(5) });
      await until(() => received.length === 2);
      expect(received[1]).toEqual({
        type: 'points',
        simulationId,
        attempt: 1,
        after: 4,
        points: points(5),
      });
    } finally {
      stop();
    }
  });
});
