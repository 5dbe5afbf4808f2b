import { seedMachine } from '@app/domain/testing';
import { Role } from '@app/auth';
import { IdempotencyKeyExpiry } from '../src/simulations/idempotency-key-expiry';
import { E2eStack, eventually } from '../../../test/e2e-stack';

describe('cancel, retry, timeouts, leases and idempotent creation', () => {
  let stack: E2eStack;
  const operator = () => stack.as(Role.Operator);
  const simulation = (id: number) => stack.simulation(id);
  const waitForStatus = (id: number, status: string) => stack.waitForStatus(id, status);
  const create = async (body: object = {}) =>
    (
      await operator()
        .post('/simulation', { name: 'run', machine_id: 101, ...body })
        .expect(201)
    ).body.id as number;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });

  beforeEach(async () => {
    await stack.reset();
    await seedMachine(stack.db, { machine_id: 101 });
  });

  afterEach(() => stack.stopWorkers());
  afterAll(() => stack.close());

  describe('cancel', () => {
    it('cancels a pending simulation at once, and no worker runs it afterwards', async () => {
      const id = await create();
      const { body } = await operator().post(`/simulation/${id}/cancel`).expect(200);
      expect(body).toMatchObject({ simulation_id: id, status: 'cancelled', attempt: 0 });

      await stack.startWorker({ tickMs: 10 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await simulation(id)).toMatchObject({ status: 'cancelled', attempt: 0, attempts: [] });
    });

    it('stops a running simulation within one tick; its worker writes nothing more', async () => {
      await stack.startWorker({ tickMs: 200 });
      const id = await create();
      await eventually(async () =>
        (await stack.as(Role.Viewer).get(`/converge/${id}`)).body.data.length >= 2
          ? true
          : undefined,
      );

      await operator().post(`/simulation/${id}/cancel`).expect(200);
      const pointsAtCancel = (await stack.as(Role.Viewer).get(`/converge/${id}`)).body.data.length;
      await new Promise((resolve) => setTimeout(resolve, 800)); // four more ticks' worth

      const cancelled = await simulation(id);
      expect(cancelled).toMatchObject({ status: 'cancelled', attempt: 1 });
      expect(cancelled.attempts).toEqual([
        expect.objectContaining({ attempt: 1, outcome: 'cancelled' }),
      ]);
      expect((await stack.as(Role.Viewer).get(`/converge/${id}`)).body.data).toHaveLength(
        pointsAtCancel,
      );
    });

    it('refuses to cancel a finished simulation with a 409 that says why', async () => {
      await stack.startWorker({ tickMs: 5 });
      const id = await create();
      await waitForStatus(id, 'finished');
      const { body } = await operator().post(`/simulation/${id}/cancel`).expect(409);
      expect(body.message).toBe(
        `simulation ${id} is already finished; only pending or running simulations can be cancelled`,
      );
    });

    it('answers 404 for an unknown simulation and 403 for a viewer', async () => {
      await operator().post('/simulation/999/cancel').expect(404);
      await stack.as(Role.Viewer).post('/simulation/999/cancel').expect(403);
    });

    it('lets an operator cancel or retry only simulations it created; an admin any', async () => {
      const id = await create();
      const other = stack.as(Role.Operator, 'another-operator');
      for (const verb of ['cancel', 'retry']) {
        const { body } = await other.post(`/simulation/${id}/${verb}`).expect(403);
        expect(body.message).toBe(
          `operators may ${verb} only simulations they created; simulation ${id} was created by someone else`,
        );
      }
      await other.post('/simulation/999/cancel').expect(404);
      expect((await stack.simulation(id)).status).toBe('pending');
      await stack.as(Role.Admin, 'an-admin').post(`/simulation/${id}/cancel`).expect(200);
      await stack.as(Role.Admin, 'an-admin').post(`/simulation/${id}/retry`).expect(200);
      await operator().post(`/simulation/${id}/cancel`).expect(200);
    });
  });

  describe('retry', () => {
    it('runs a cancelled simulation again as a new attempt, keeping the history', async () => {
      const id = await create();
      await operator().post(`/simulation/${id}/cancel`).expect(200);
      const { body } = await operator().post(`/simulation/${id}/retry`).expect(200);
      expect(body).toMatchObject({
        status: 'pending',
        attempt: 0,
        attempt_budget: 3,
        final_attempt: 3,
        max_attempts: 3,
      });

      await stack.startWorker({ tickMs: 5 });
      const finished = await waitForStatus(id, 'finished');
      expect(finished.attempt).toBe(1);
      expect((await stack.as(Role.Viewer).get(`/converge/${id}`)).body.data).toHaveLength(10);
    });

    it('refuses to retry a pending or running simulation', async () => {
      const id = await create();
      const { body } = await operator().post(`/simulation/${id}/retry`).expect(409);
      expect(body.message).toBe(
        `simulation ${id} is pending; only failed or cancelled simulations can be retried`,
      );
    });
  });

  describe('execution timeout', () => {
    it('aborts a run that falls SIMULATION_TIMEOUT_MS behind its planned end, and fails it after max_attempts', async () => {
      // Ten points 200 ms apart: planned to end 2 s after it starts, timed out 300 ms later.
      await stack.startWorker({ tickMs: 200, env: { SIMULATION_TIMEOUT_MS: '300' } });
      const id = await create({ max_attempts: 1 });
      await waitForStatus(id, 'running');

      // A database stall: curve writes wait behind a lock for longer than the run may take.
      const stall = stack.db.createQueryRunner();
      await stall.connect();
      await stall.startTransaction();
      await stall.query(`LOCK TABLE convergence_points IN SHARE MODE`);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await stall.rollbackTransaction();
      await stall.release();

      const failed = await waitForStatus(id, 'failed');
      expect(failed).toMatchObject({
        attempt: 1,
        max_attempts: 1,
        failure_reason: 'timed out: still running 300 ms after its planned end',
      });
      expect(failed.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['timed_out']);
      const curve = (await stack.as(Role.Viewer).get(`/converge/${id}`)).body.data;
      expect(curve.length).toBeLessThan(10);
    });
  });

  describe('heartbeats and leases', () => {
    it('keeps a long run alive by heartbeat, past several leases', async () => {
      await stack.startWorker({
        tickMs: 150,
        env: { HEARTBEAT_INTERVAL_MS: '100', LEASE_MS: '400', SWEEP_INTERVAL_MS: '100' },
      });
      const id = await create();
      const finished = await waitForStatus(id, 'finished');
      // 10 ticks of 150 ms = 1.5 s, almost four leases: still one attempt.
      expect(finished.attempt).toBe(1);
      expect(finished.heartbeat_at).not.toBeNull();
    });

    it('takes back a run whose worker went silent, and finishes it as a new attempt with a clean curve', async () => {
      // A run a dead worker left behind: running, with a stale heartbeat and half a curve.
      const id = await create();
      await stack.db.query(
        `UPDATE simulations SET status = 'running', attempt = 1, worker_id = 'dead-worker',
                heartbeat_at = now() - interval '1 minute', started_at = now() - interval '1 minute'
         WHERE simulation_id = $1`,
        [id],
      );
      await stack.db.query(
        `INSERT INTO simulation_attempts (simulation_id, attempt, worker_id, started_at) VALUES ($1, 1, 'dead-worker', now())`,
        [id],
      );
      await stack.db.query(
        `INSERT INTO convergence_points (simulation_id, attempt, curve_day, metric_id, seq, seconds, loss, cum_loss, cum_seconds)
         SELECT $1, 1, curve_day, 0, p.* FROM simulations,
           (VALUES (0, 10, 0.5, 0.5, 10), (1, 20, 0.4, 0.9, 30)) AS p(seq, seconds, loss, cum_loss, cum_seconds)
         WHERE simulation_id = $1`,
        [id],
      );

      await stack.startWorker({
        tickMs: 20,
        env: { HEARTBEAT_INTERVAL_MS: '100', LEASE_MS: '500', SWEEP_INTERVAL_MS: '100' },
      });
      const finished = await waitForStatus(id, 'finished');

      expect(finished.attempt).toBe(2);
      expect(
        finished.attempts.map((a: { outcome: string; worker_id: string }) => a.outcome),
      ).toEqual(['lost', 'finished']);
      expect(finished.attempts[0].worker_id).toBe('dead-worker');
      const curve = (await stack.as(Role.Viewer).get(`/converge/${id}`)).body.data;
      expect(curve).toHaveLength(10);
      expect(curve[0]).toEqual({ seconds: 10, loss: 0.042 });
      const [{ count }] = await stack.db.query(
        `SELECT count(*)::int AS count FROM convergence_points WHERE simulation_id = $1`,
        [id],
      );
      expect(count).toBe(10);
    });
  });

  describe('graceful shutdown', () => {
    it('hands a run back when the grace period ends, without using up an attempt', async () => {
      const worker = await stack.startWorker({ tickMs: 200, env: { SHUTDOWN_GRACE_MS: '100' } });
      const id = await create();
      await waitForStatus(id, 'running');

      await worker.close();
      const handedBack = await simulation(id);
      expect(handedBack).toMatchObject({
        status: 'pending',
        attempt: 1,
        final_attempt: 4,
        max_attempts: 4,
      });
      expect(handedBack.attempts).toEqual([expect.objectContaining({ outcome: 'handed_back' })]);

      await stack.startWorker({ tickMs: 5 });
      expect(await waitForStatus(id, 'finished')).toMatchObject({ attempt: 2 });
    });
  });

  describe('Idempotency-Key', () => {
    const body = { name: 'once', machine_id: 101 };

    it('answers a repeat with the first answer and creates nothing more', async () => {
      const first = await operator()
        .post('/simulation', body)
        .set('Idempotency-Key', 'key-1')
        .expect(201);
      const again = await operator()
        .post('/simulation', { machine_id: 101, name: 'once' }) // same body, other key order
        .set('Idempotency-Key', 'key-1')
        .expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.location).toBe(first.headers.location);
      const { headers } = await stack.as(Role.Viewer).get('/simulations').expect(200);
      expect(headers['x-total-count']).toBe('1');
    });

    it('answers 422 when the key comes back with a different body', async () => {
      await operator().post('/simulation', body).set('Idempotency-Key', 'key-2').expect(201);
      const { body: error } = await operator()
        .post('/simulation', { ...body, name: 'other' })
        .set('Idempotency-Key', 'key-2')
        .expect(422);
      expect(error.message).toBe(
        'Idempotency-Key "key-2" was already used with a different request body',
      );
    });

    it('creates one simulation for ten concurrent requests with one key', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          operator().post('/simulation', body).set('Idempotency-Key', 'key-3'),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const { headers } = await stack.as(Role.Viewer).get('/simulations').expect(200);
      expect(headers['x-total-count']).toBe('1');
    });

    it('keeps keys apart per token subject, and refuses a malformed key', async () => {
      await operator().post('/simulation', body).set('Idempotency-Key', 'shared').expect(201);
      await stack
        .as(Role.Admin)
        .post('/simulation', body)
        .set('Idempotency-Key', 'shared')
        .expect(201);
      const { headers } = await stack.as(Role.Viewer).get('/simulations').expect(200);
      expect(headers['x-total-count']).toBe('2');

      const { body: error } = await operator()
        .post('/simulation', body)
        .set('Idempotency-Key', 'has space')
        .expect(400);
      expect(error.message).toBe(
        'Idempotency-Key must be 1 to 255 printable ASCII characters without spaces',
      );
    });

    it('forgets keys older than 24 h, and keeps younger ones', async () => {
      await stack.db.query(
        `INSERT INTO idempotency_keys (subject, key, request_hash, created_at) VALUES
           ('s', 'old', repeat('a', 64), now() - interval '25 hours'),
           ('s', 'young', repeat('a', 64), now() - interval '23 hours')`,
      );

      await stack.api.get(IdempotencyKeyExpiry).sweep();

      const keys = await stack.db.query(`SELECT key FROM idempotency_keys ORDER BY key`);
      expect(keys.map((row: { key: string }) => row.key)).toEqual(['young']);
    });
  });
});
