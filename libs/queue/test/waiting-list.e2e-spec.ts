import { runJobId, waitingListKey } from '@app/queue';
import { E2eStack } from '../../../test/e2e-stack';

/** The key KEDA's ScaledObjects watch (deploy/kubernetes/worker) is the one Bull fills. */
describe("a machine's waiting list in Redis", () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  afterAll(() => stack.close());

  it('holds the job of a simulation no worker has taken yet, and no other key does', async () => {
    const { body } = await stack
      .as('operator')
      .post('/simulation', { name: 'waits', machine: { machine_id: 801, name: 'No worker' } })
      .expect(201);

    expect(waitingListKey(801)).toBe('bull:simulations.machine-801:wait');
    expect(await stack.redis.lrange(waitingListKey(801), 0, -1)).toEqual([runJobId(body.id, 0)]);
    const lists = [];
    for (const key of await stack.redis.keys('bull:*')) {
      if ((await stack.redis.type(key)) === 'list') lists.push(key);
    }
    expect(lists).toEqual([waitingListKey(801)]);
  });
});
