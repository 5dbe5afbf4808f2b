import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { preparedRows, queryRows } from '../database/query-rows';

export interface WorkerReport {
  workerId: string;
  /** Null for a pool worker. */
  machineId: number | null;
  capacity: number;
  running: number;
  /** How long this report keeps the worker counted as alive. */
  leaseMs: number;
}

@Injectable()
export class WorkerRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** Records the worker as alive for one more lease, with its current load. */
  async report(report: WorkerReport): Promise<void> {
    await preparedRows(
      this.manager,
      `INSERT INTO workers (worker_id, machine_id, capacity, running, expires_at)
       VALUES ($1, $2, $3, $4, clock_timestamp() + make_interval(secs => $5::double precision / 1000))
       ON CONFLICT (worker_id) DO UPDATE
       SET machine_id = EXCLUDED.machine_id, capacity = EXCLUDED.capacity, running = EXCLUDED.running,
           last_seen_at = clock_timestamp(), expires_at = EXCLUDED.expires_at`,
      [report.workerId, report.machineId, report.capacity, report.running, report.leaseMs],
    );
  }

  /** A worker leaving cleanly stops counting at once rather than at the end of its lease. */
  async retire(workerId: string): Promise<void> {
    await queryRows(
      this.manager,
      `UPDATE workers SET expires_at = clock_timestamp(), running = 0 WHERE worker_id = $1`,
      [workerId],
    );
  }

  /** Workers alive now (within their lease), and how many of them are pool workers. */
  async countLive(): Promise<{ live: number; pool: number }> {
    const [row] = await queryRows<{ live: number; pool: number }>(
      this.manager,
      `SELECT count(*)::integer AS live, count(*) FILTER (WHERE machine_id IS NULL)::integer AS pool
       FROM workers WHERE expires_at > clock_timestamp()`,
      [],
    );
    return row;
  }

  /** Live workers per machine served (null: pool workers). */
  async liveByMachine(): Promise<Map<number | null, number>> {
    const rows = await queryRows<{ machine_id: number | null; n: number }>(
      this.manager,
      `SELECT machine_id, count(*)::integer AS n FROM workers
       WHERE expires_at > clock_timestamp() GROUP BY machine_id`,
    );
    return new Map(rows.map((row) => [row.machine_id, row.n]));
  }

  /**
   * Seconds since the last heartbeat of each machine's freshest worker (null
   * machine: the pool workers). Bounded by the workers table, which forgets
   * silent workers.
   */
  async heartbeatAges(): Promise<Array<{ machineId: number | null; ageSeconds: number }>> {
    const rows = await queryRows<{ machine_id: number | null; age: number }>(
      this.manager,
      `SELECT machine_id, extract(epoch FROM clock_timestamp() - max(last_seen_at))::float8 AS age
       FROM workers GROUP BY machine_id`,
    );
    return rows.map((row) => ({ machineId: row.machine_id, ageSeconds: row.age }));
  }

  /** Forgets workers not seen for `maxAgeMs`. */
  async forgetSilentFor(maxAgeMs: number): Promise<number> {
    const rows = await queryRows(
      this.manager,
      `DELETE FROM workers WHERE last_seen_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)
       RETURNING 1`,
      [maxAgeMs],
    );
    return rows.length;
  }
}
