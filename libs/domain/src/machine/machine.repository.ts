import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { CURVE_TABLES } from '../convergence-point/curve-partitions';
import { entityRows } from '../database/entity-rows';
import { preparedRows, queryRows } from '../database/query-rows';
import { sqlLiteral as lit, sqlLiteralList as list } from '../database/sql-literal';
import { DomainError } from '../errors/domain-error';
import { SimulationStatus } from '../simulation/simulation-status';
import { Machine } from './machine.entity';
import type { ProgramDeclaration } from '../program/program-declaration';

const { Pending, Running } = SimulationStatus;

export enum MachineStatus {
  /** A live worker serves it (one of its own, or a pool worker). */
  Online = 'online',
  /** No live worker serves it: its simulations wait, pending. */
  Offline = 'offline',
  /** An admin stopped new runs here; running ones finish. */
  Draining = 'draining',
}

/** A machine with what its workers last reported and its queue of work. */
export interface MachineWithLoad {
  machine: Machine;
  status: MachineStatus;
  /** The last heartbeat of any worker serving it; null if none ever did. */
  lastSeenAt: Date | null;
  /** Simulations its live workers can run at once (pool workers included). */
  capacity: number;
  running: number;
  pending: number;
  /** GPUs its running attempts were given. */
  gpusInUse: number;
}

type Row = Record<string, unknown>;

/** What a machine's worker declares it can run, at every start. */
export interface MachineOffer {
  programs: ProgramDeclaration[];
  gpus: number;
}

/** A machine row with what its status and load are computed from. */
interface MachineLoadRow extends Row {
  draining: boolean;
  served: boolean;
  last_seen_at: Date | null;
  capacity: number;
  running: number;
  pending: number;
  gpus_in_use: number;
}

/** The most machines a list answers: the first, by machine_id (an answer's size has a bound). */
export const MACHINES_LISTED_MAX = 10_000;

/**
 * What a machine listing shows to whom: the load counts only the runs of
 * `projectIds`, and only `machineIds` are listed (null: no bound).
 */
export interface LoadScope {
  projectIds: number[] | null;
  machineIds: number[] | null;
}

const EVERYTHING: LoadScope = { projectIds: null, machineIds: null };

/** The fixed statements (the benchmark's baselines run some of them too). */
const STATEMENTS = {
  /**
   * Machines with their status inputs and load; $1 one machine's id, or null
   * for all; $2 the projects whose runs the load counts (null: every one);
   * $3 the machines listed (null: every one).
   */
  withLoad: `WITH live AS (
   SELECT machine_id, capacity FROM workers WHERE expires_at > clock_timestamp()
 ), pool AS (
   SELECT count(*)::int AS workers, COALESCE(sum(capacity), 0)::int AS capacity,
          (SELECT max(last_seen_at) FROM workers WHERE machine_id IS NULL) AS last_seen_at
   FROM live WHERE machine_id IS NULL
 ), seen AS (
   SELECT machine_id, max(last_seen_at) AS last_seen_at
   FROM workers WHERE machine_id IS NOT NULL GROUP BY machine_id
 ), dedicated_live AS (
   SELECT machine_id, count(*)::int AS workers, sum(capacity)::int AS capacity
   FROM live WHERE machine_id IS NOT NULL GROUP BY machine_id
 ), load AS (
   SELECT machine_id,
          count(*) FILTER (WHERE status = ${lit(Running)})::int AS running,
          count(*) FILTER (WHERE status = ${lit(Pending)})::int AS pending
   FROM simulations WHERE status IN ${list([Pending, Running])}
     AND ($2::integer[] IS NULL OR project_id = ANY($2::integer[]))
   GROUP BY machine_id
 ), gpus AS (
   SELECT s.machine_id, sum(cardinality(a.gpus))::int AS in_use
   FROM simulations s
   JOIN simulation_attempts a ON a.simulation_id = s.simulation_id AND a.attempt = s.attempt
   WHERE s.status = ${lit(Running)} AND a.gpus IS NOT NULL
   GROUP BY s.machine_id
 )
 SELECT m.*,
        (COALESCE(dl.workers, 0) + pool.workers) > 0 AS served,
        GREATEST(seen.last_seen_at, pool.last_seen_at) AS last_seen_at,
        COALESCE(dl.capacity, 0) + pool.capacity AS capacity,
        COALESCE(load.running, 0) AS running,
        COALESCE(load.pending, 0) AS pending,
        COALESCE(gpus.in_use, 0) AS gpus_in_use
 FROM machines m
 CROSS JOIN pool
 LEFT JOIN seen ON seen.machine_id = m.machine_id
 LEFT JOIN dedicated_live dl ON dl.machine_id = m.machine_id
 LEFT JOIN load ON load.machine_id = m.machine_id
 LEFT JOIN gpus ON gpus.machine_id = m.machine_id
 WHERE ($1::integer IS NULL OR m.machine_id = $1)
   AND ($3::integer[] IS NULL OR m.machine_id = ANY($3::integer[]))
 ORDER BY m.machine_id
 LIMIT ${MACHINES_LISTED_MAX}`,

  /**
   * One machine's status inputs only ($1 its id): draining, and whether a live
   * worker serves it (its own or a pool worker). What a simulation's page
   * needs, without counting every machine's load.
   */
  status: `SELECT m.draining,
        EXISTS (SELECT 1 FROM workers w
                WHERE w.expires_at > clock_timestamp()
                  AND (w.machine_id = m.machine_id OR w.machine_id IS NULL)) AS served
 FROM machines m
 WHERE m.machine_id = $1::integer`,
} as const;

@Injectable()
export class MachineRepository {
  static readonly statements = STATEMENTS;
  private readonly rows;

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {
    this.rows = entityRows(manager, Machine);
  }

  async listAll(): Promise<Machine[]> {
    const rows = await queryRows<Row>(this.manager, `SELECT * FROM machines ORDER BY machine_id`);
    return this.rows.all(rows);
  }

  async findById(
    machineId: number,
    manager: EntityManager = this.manager,
  ): Promise<Machine | null> {
    const rows = await queryRows<Row>(manager, `SELECT * FROM machines WHERE machine_id = $1`, [
      machineId,
    ]);
    return rows.length ? this.rows.one(rows[0]) : null;
  }

  /** Every machine with its status and load, by machine_id (the first MACHINES_LISTED_MAX). */
  listWithLoad(scope: LoadScope = EVERYTHING): Promise<MachineWithLoad[]> {
    return this.withLoad(null, scope);
  }

  /** A machine's status alone (null if there is no such machine): one index probe, no load counts. */
  async statusOf(machineId: number): Promise<MachineStatus | null> {
    const rows = await preparedRows<{ draining: boolean; served: boolean }>(
      this.manager,
      STATEMENTS.status,
      [machineId],
    );
    if (rows.length === 0) return null;
    return statusFrom(rows[0]);
  }

  async findWithLoad(
    machineId: number,
    scope: LoadScope = EVERYTHING,
  ): Promise<MachineWithLoad | null> {
    const [found] = await this.withLoad(machineId, scope);
    return found ?? null;
  }

  /** Registers the machine unless it exists; an existing machine keeps its name. */
  async registerIfAbsent(
    machineId: number,
    name: string,
    manager: EntityManager = this.manager,
  ): Promise<Machine> {
    await queryRows(
      manager,
      `INSERT INTO machines (machine_id, name) VALUES ($1, $2) ON CONFLICT (machine_id) DO NOTHING`,
      [machineId, name],
    );
    const machine = await this.findById(machineId, manager);
    if (!machine)
      throw DomainError.conflict(`machine ${machineId} was deleted while being registered`);
    return machine;
  }

  /**
   * A worker dedicated to a machine registers it at boot; with a name it also
   * renames it (the worker's configuration is the authority on its machine).
   */
  async registerForWorker(
    machineId: number,
    name: string | undefined,
    { programs, gpus }: MachineOffer = { programs: [], gpus: 0 },
  ): Promise<Machine> {
    const rows = await queryRows<Row>(
      this.manager,
      `INSERT INTO machines (machine_id, name, programs, gpus)
       VALUES ($1::integer, COALESCE($2::varchar, 'Machine ' || $1::integer), $3::json, $4::integer)
       ON CONFLICT (machine_id) DO UPDATE
         SET name = COALESCE($2::varchar, machines.name), programs = $3::json, gpus = $4::integer
       RETURNING *`,
      [machineId, name ?? null, JSON.stringify(programs), gpus],
    );
    return this.rows.one(rows[0]);
  }

  /** Registers a new machine; a taken id is a conflict. */
  async register(machineId: number, name: string): Promise<Machine> {
    const rows = await queryRows<Row>(
      this.manager,
      `INSERT INTO machines (machine_id, name) VALUES ($1, $2) ON CONFLICT (machine_id) DO NOTHING RETURNING *`,
      [machineId, name],
    );
    if (!rows.length) throw DomainError.conflict(`machine ${machineId} already exists`);
    return this.rows.one(rows[0]);
  }

  /** Stops (or resumes) new runs on the machine; running ones are not touched. */
  async setDraining(machineId: number, draining: boolean): Promise<Machine> {
    const rows = await queryRows<Row>(
      this.manager,
      `UPDATE machines SET draining = $2 WHERE machine_id = $1 RETURNING *`,
      [machineId, draining],
    );
    if (!rows.length) throw DomainError.notFound(`machine ${machineId} not found`);
    return this.rows.one(rows[0]);
  }

  /**
   * Deletes the machine with its finished, failed and cancelled simulations
   * (and their curves and attempts). The machine row is locked first, so a
   * simulation being created for it concurrently either lands before (and
   * is counted) or fails after. A machine with pending or running
   * simulations, or a live worker of its own, is a conflict that says which.
   */
  async delete(machineId: number): Promise<void> {
    await this.manager.transaction(async (manager) => {
      const [facts] = await queryRows<{ unfinished: number; live_workers: number }>(
        manager,
        `SELECT (SELECT count(*) FROM simulations WHERE machine_id = m.machine_id AND status IN ${list([Pending, Running])})::int AS unfinished,
                (SELECT count(*) FROM workers WHERE machine_id = m.machine_id AND expires_at > clock_timestamp())::int AS live_workers
         FROM machines m WHERE m.machine_id = $1 FOR UPDATE`,
        [machineId],
      );
      if (!facts) throw DomainError.notFound(`machine ${machineId} not found`);
      if (facts.unfinished) {
        throw DomainError.conflict(
          `machine ${machineId} has ${facts.unfinished} pending or running simulation(s); cancel them or let them finish first`,
        );
      }
      if (facts.live_workers) {
        throw DomainError.conflict(
          `machine ${machineId} has ${facts.live_workers} live worker(s); stop them first`,
        );
      }
      // Curves first (they have no cascading key), a day partition at a time, each named.
      const days = await queryRows<{ day: string }>(
        manager,
        `SELECT DISTINCT curve_day::text AS day FROM simulations WHERE machine_id = $1`,
        [machineId],
      );
      for (const { day } of days) {
        for (const table of CURVE_TABLES) {
          await queryRows(
            manager,
            `DELETE FROM ${table} WHERE curve_day = $2::date
               AND simulation_id IN (SELECT simulation_id FROM simulations WHERE machine_id = $1)`,
            [machineId, day],
          );
        }
      }
      await queryRows(manager, `DELETE FROM simulations WHERE machine_id = $1`, [machineId]);
      await queryRows(manager, `DELETE FROM machines WHERE machine_id = $1`, [machineId]);
    });
  }

  private async withLoad(
    machineId: number | null,
    { projectIds, machineIds }: LoadScope,
  ): Promise<MachineWithLoad[]> {
    const rows = await queryRows<MachineLoadRow>(this.manager, STATEMENTS.withLoad, [
      machineId,
      projectIds,
      machineIds,
    ]);
    return rows.map((row) => ({
      machine: this.rows.one(row),
      status: statusFrom(row),
      lastSeenAt: row.last_seen_at,
      capacity: row.capacity,
      running: row.running,
      pending: row.pending,
      gpusInUse: row.gpus_in_use,
    }));
  }
}

function statusFrom(row: { draining: boolean; served: boolean }): MachineStatus {
  if (row.draining) return MachineStatus.Draining;
  return row.served ? MachineStatus.Online : MachineStatus.Offline;
}
