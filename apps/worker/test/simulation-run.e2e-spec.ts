import { ConvergencePointRepository, SimulationLifecycle } from '@app/domain';
import { seedMachine, seedSimulation } from '@app/domain/testing';
import { MachineQueues, machineQueueName, runJobId, SimulationJobName } from '@app/queue';
import type { INestApplicationContext } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { E2eStack, eventually } from '../../../test/e2e-stack';
import { CurveEmulator } from '../src/simulation-run/convergence-emulator';
import { WorkerRecordsExpiry } from '../src/recovery/worker-records-expiry';
import { NonRetryableRunError } from '../src/simulation-run/run-errors';
import { RunOutcome, SimulationRunService } from '../src/simulation-run/simulation-run.service';

describe('the worker', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
  });

  afterEach(() => stack.stopWorkers());
  afterAll(() => stack.close());

  const statusCounts = async () => {
    const rows: Array<{ status: string; count: number }> = await stack.db.query(
      `SELECT status, count(*)::int AS count FROM simulations GROUP BY status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  };

  /** Records every run outcome of a worker, while letting the runs happen for real. */
  const recordOutcomes = (
    worker: INestApplicationContext,
    into: Array<{ id: number; outcome: RunOutcome }>,
  ) => {
    const service = worker.get(SimulationRunService);
    const original = service.run.bind(service);
    jest.spyOn(service, 'run').mockImplementation(async (payload) => {
      const outcome = await original(payload);
      into.push({ id: payload.simulationId, outcome });
      return outcome;
    });
  };

  it('lets exactly one of 20 concurrent claims on a pending simulation win', async () => {
    const worker = await stack.startWorker();
    const lifecycle = worker.get(SimulationLifecycle);
    const { simulation_id } = await seedSimulation(stack.db, { machine_id: 101 });

    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => lifecycle.claim(simulation_id, `claimer-${i}`)),
    );

    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
  });

  it('claims each simulation once when batches of claims overlap, in any order, without deadlocking', async () => {
    const worker = await stack.startWorker();
    const lifecycle = worker.get(SimulationLifecycle);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push((await seedSimulation(stack.db, { machine_id: 101 })).simulation_id);
    }
    const shuffled = () => [...ids].sort(() => Math.random() - 0.5);

    // Six claimers, each asking for all 60 in its own order, at once.
    const batches = await Promise.all(
      Array.from({ length: 6 }, (_, i) => lifecycle.claimMany(shuffled(), `claimer-${i}`)),
    );

    const claimedBy = new Map<number, string>();
    for (const batch of batches) {
      for (const [id, simulation] of batch) {
        expect(claimedBy.has(id)).toBe(false);
        claimedBy.set(id, simulation.workerId!);
        expect(simulation).toMatchObject({ status: 'running', attempt: 1 });
      }
    }
    expect([...claimedBy.keys()].sort((a, b) => a - b)).toEqual(ids);
    const [{ attempts }] = await stack.db.query(
      `SELECT count(*)::int AS attempts FROM simulation_attempts WHERE simulation_id = ANY($1)`,
      [ids],
    );
    expect(attempts).toBe(60);

    // Finishing in one statement answers each attempt on its own: a stale attempt gets null.
    const refs = ids.slice(0, 3).map((id) => ({ simulationId: id, attempt: 1 }));
    const finished = await lifecycle.finishMany([...refs, { simulationId: ids[3], attempt: 2 }]);
    expect(finished.map((simulation) => simulation?.status ?? null)).toEqual([
      'finished',
      'finished',
      'finished',
      null,
    ]);
    expect((await stack.simulation(ids[3])).status).toBe('running');
  });

  it('never runs a simulation twice, even when two workers both get a job for it', async () => {
    const outcomes: Array<{ id: number; outcome: RunOutcome }> = [];
    const first = await stack.startWorker({ tickMs: 20 });
    const second = await stack.startWorker({ tickMs: 20 });
    recordOutcomes(first, outcomes);
    recordOutcomes(second, outcomes);

    // Two jobs per simulation under different job ids: the duplicate delivery
    // that at-least-once queues make possible.
    const queue = first.get(MachineQueues).forMachine(101);
    const ids: number[] = [];
    for (let i = 0; i < 15; i++) {
      const { simulation_id } = await seedSimulation(stack.db, {
        machine_id: 101,
        name: `dup ${i}`,
      });
      ids.push(simulation_id);
      for (const copy of ['a', 'b']) {
        await queue.add(
          SimulationJobName.Run,
          { simulationId: simulation_id, machineId: 101, attempt: 0 },
          { jobId: `dup-${simulation_id}-${copy}` },
        );
      }
    }

    await eventually(async () => (outcomes.length === 30 ? true : undefined), {
      what: '30 job outcomes',
      timeoutMs: 30_000,
    });

    for (const id of ids) {
      const forId = outcomes
        .filter((o) => o.id === id)
        .map((o) => o.outcome)
        .sort();
      expect(forId).toEqual(['finished', 'not_claimed']);
    }
    expect(await statusCounts()).toEqual({ finished: 15 });
    const points: Array<{ count: number }> = await stack.db.query(
      `SELECT count(*)::int AS count FROM convergence_points GROUP BY simulation_id`,
    );
    expect(points.map((p) => p.count)).toEqual(ids.map(() => 10));
  });

  it('enqueues a pending simulation that never reached the queue', async () => {
    // Saved, but its job was never added (as when Redis was down during the POST).
    const { simulation_id } = await seedSimulation(stack.db, {
      machine_id: 101,
      creation_date: new Date(Date.now() - 60_000),
    });

    await stack.startWorker({ tickMs: 10, reconcileIntervalMs: 200 });

    await eventually(async () => ((await statusCounts()).finished === 1 ? true : undefined), {
      what: 'the orphaned simulation to finish',
    });
    const curve = await stack.as('viewer').get(`/converge/${simulation_id}`).expect(200);
    expect(curve.body.data).toHaveLength(10);
  });

  it('replaces a pending simulation’s job that Bull is done with, and leaves a locked one for later', async () => {
    const queue = `bull:${machineQueueName(101)}`;
    const pendingSince = new Date(Date.now() - 60_000);
    // Seeded one after another: the reconciler meets them in this order, the locked one first.
    const ids: number[] = [];
    for (let i = 0; i < 4; i++)
      ids.push(
        (await seedSimulation(stack.db, { machine_id: 101, creation_date: pendingSince }))
          .simulation_id,
      );
    const [locked, leftByFailover, failedJunk, completed] = ids;
    const key = (id: number) => `${queue}:${runJobId(id, 0)}`;
    // What a Redis failover leaves when the job's add was lost but a worker's
    // moveToActive was not: a hash without name or data that no list holds.
    await stack.redis.hset(key(leftByFailover), { processedOn: Date.now(), attemptsMade: 1 });
    // The same hash, failed: retrying it would fail it again ("Missing process handler").
    await stack.redis.hset(key(failedJunk), { processedOn: Date.now(), attemptsMade: 1 });
    await stack.redis.zadd(`${queue}:failed`, Date.now(), runJobId(failedJunk, 0));
    // A whole job Bull completed while the simulation stayed pending.
    const payload = { simulationId: completed, machineId: 101, attempt: 0 };
    await stack.redis.hset(key(completed), {
      name: SimulationJobName.Run,
      data: JSON.stringify(payload),
      opts: JSON.stringify({ jobId: runJobId(completed, 0) }),
      timestamp: Date.now(),
      finishedOn: Date.now(),
    });
    await stack.redis.zadd(`${queue}:completed`, Date.now(), runJobId(completed, 0));
    // Left over like the second, but a worker's lock is still on it.
    const lockKey = `${key(locked)}:lock`;
    await stack.redis.hset(key(locked), { processedOn: Date.now() });
    await stack.redis.set(lockKey, 'a-worker');

    await stack.startWorker({ tickMs: 10, reconcileIntervalMs: 200 });

    const statusOf = async (id: number): Promise<string> =>
      (await stack.db.query(`SELECT status FROM simulations WHERE simulation_id = $1`, [id]))[0]
        .status;
    await eventually(
      async () => {
        const statuses = await Promise.all([leftByFailover, failedJunk, completed].map(statusOf));
        return statuses.every((status) => status === 'finished') ? true : undefined;
      },
      { what: 'the simulations whose jobs Bull was done with to finish' },
    );
    expect(await statusOf(locked)).toBe('pending');
    await stack.redis.del(lockKey); // as when it expires
    await eventually(async () => ((await statusOf(locked)) === 'finished' ? true : undefined), {
      what: 'the simulation whose job was locked to finish once the lock is gone',
    });
  });

  it('forgets the records of workers silent for 24 h, and keeps younger ones', async () => {
    const worker = await stack.startWorker();
    await stack.db.query(
      `INSERT INTO workers (worker_id, capacity, last_seen_at, expires_at) VALUES
         ('dead-long-ago', 1, now() - interval '25 hours', now() - interval '25 hours'),
         ('dead-recently', 1, now() - interval '1 hour', now() - interval '1 hour')`,
    );

    await worker.get(WorkerRecordsExpiry).sweep();

    const workers = await stack.db.query(
      `SELECT worker_id FROM workers WHERE worker_id LIKE 'dead-%' ORDER BY worker_id`,
    );
    expect(workers.map((row: { worker_id: string }) => row.worker_id)).toEqual(['dead-recently']);
  });

  it('retries an attempt whose curve could not be stored, and the retry starts a clean curve', async () => {
    const worker = await stack.startWorker({ tickMs: 10 });
    failThirdWrite(worker);

    const created = await stack
      .as('operator')
      .post('/simulation', { name: 'flaky', machine_id: 101 })
      .expect(201);

    const finished = await waitForStatus(created.body.id, 'finished');
    expect(finished.attempt).toBe(2);
    expect(finished.attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'failed',
      'finished',
    ]);
    // The reason explains without passing on SQL or driver text.
    expect(finished.attempts[0].reason).toBe(
      'the worker could not store the curve (database error)',
    );
    const curve = await stack.as('viewer').get(`/converge/${created.body.id}`).expect(200);
    expect(curve.body.data.map((p: { seconds: number }) => p.seconds)).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
    ]);
    const stored: Array<{ attempt: number; count: number }> = await stack.db.query(
      `SELECT attempt, count(*)::int AS count FROM convergence_points WHERE simulation_id = $1 GROUP BY attempt`,
      [created.body.id],
    );
    expect(stored).toEqual([{ attempt: 2, count: 10 }]);
  });

  it('fails for good, with the reason, once max_attempts is used up', async () => {
    const worker = await stack.startWorker({ tickMs: 10 });
    failThirdWrite(worker);

    const created = await stack
      .as('operator')
      .post('/simulation', { name: 'doomed', machine_id: 101, max_attempts: 1 })
      .expect(201);

    const failed = await waitForStatus(created.body.id, 'failed');
    expect(failed).toMatchObject({
      attempt: 1,
      max_attempts: 1,
      failure_reason: 'the worker could not store the curve (database error)',
    });
    expect(failed.finished_at).not.toBeNull();
  });

  it('fails at once, without retrying, when the failure cannot be fixed by a retry', async () => {
    const worker = await stack.startWorker({ tickMs: 10 });
    jest.spyOn(worker.get(CurveEmulator), 'curveFor').mockImplementation(() => {
      throw new NonRetryableRunError('the emulation settings describe no curve');
    });

    const created = await stack
      .as('operator')
      .post('/simulation', { name: 'invalid', machine_id: 101, max_attempts: 3 })
      .expect(201);

    const failed = await waitForStatus(created.body.id, 'failed');
    expect(failed).toMatchObject({
      attempt: 1,
      failure_reason: 'the emulation settings describe no curve',
    });
  });

  /** Makes the third curve statement of this worker fail as a database error would. */
  function failThirdWrite(worker: INestApplicationContext): void {
    const points = worker.get(ConvergencePointRepository);
    const original = points.appendPointsOfRuns.bind(points);
    let writes = 0;
    jest.spyOn(points, 'appendPointsOfRuns').mockImplementation(async (runs) => {
      if (++writes === 3) {
        throw new QueryFailedError(
          'INSERT INTO convergence_points ...',
          [],
          new Error('disk full'),
        );
      }
      return original(runs);
    });
  }

  const waitForStatus = (id: number, status: string) => stack.waitForStatus(id, status);
});
