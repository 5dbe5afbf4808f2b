import { MACHINE_STATUS_SQL, MACHINES_WITH_LOAD_SQL } from './machine.sql';
import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { preparedRows, queryRows } from '../database/query-rows';
import { DomainError } from '../errors/domain-error';
import { Machine } from './machine.entity';

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
}

interface MachineRow {
  machine_id: number;
  name: string;
  draining: boolean;
  created_at: Date;
  updated_at: Date;
}

interface MachineLoadRow extends MachineRow {
  served: boolean;
  last_seen_at: Date | null;
  capacity: number;
  running: number;
  pending: number;
}

@Injectable()
export class MachineRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async listAll(): Promise<Machine[]> {
    const rows = await queryRows<MachineRow>(
      this.manager,
      `SELECT * FROM machines ORDER BY machine_id`,
    );
    return rows.map(toMachine);
  }

  async findById(
    machineId: number,
    manager: EntityManager = this.manager,
  ): Promise<Machine | null> {
    const rows = await queryRows<MachineRow>(
      manager,
      `SELECT * FROM machines WHERE machine_id = $1`,
      [machineId],
    );
    return rows.length ? toMachine(rows[0]) : null;
  }

  /** Every machine with its status and load, by machine_id. */
  listWithLoad(): Promise<MachineWithLoad[]> {
    return this.withLoad();
  }

  /** A machine's status alone (null if there is no such machine): one index probe, no load counts. */
  async statusOf(machineId: number): Promise<MachineStatus | null> {
    const rows = await preparedRows<{ draining: boolean; served: boolean }>(
      this.manager,
      MACHINE_STATUS_SQL,
      [machineId],
    );
    if (rows.length === 0) return null;
    return statusFrom(rows[0]);
  }

  async findWithLoad(machineId: number): Promise<MachineWithLoad | null> {
    const [found] = await this.withLoad(machineId);
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
    if (!machine) throw new Error(`machine ${machineId} vanished right after registration`);
    return machine;
  }

  /**
   * A worker dedicated to a machine registers it at boot; with a name it also
   * renames it (the worker's configuration is the authority on its machine).
   */
  async registerForWorker(machineId: number, name: string | undefined): Promise<Machine> {
    const rows = await queryRows<MachineRow>(
      this.manager,
      `INSERT INTO machines (machine_id, name) VALUES ($1::integer, COALESCE($2::varchar, 'Machine ' || $1::integer))
       ON CONFLICT (machine_id) DO UPDATE SET name = COALESCE($2::varchar, machines.name)
       RETURNING *`,
      [machineId, name ?? null],
    );
    return toMachine(rows[0]);
  }

  /** Registers a new machine; a taken id is a conflict. */
  async register(machineId: number, name: string): Promise<Machine> {
    const rows = await queryRows<MachineRow>(
      this.manager,
      `INSERT INTO machines (machine_id, name) VALUES ($1, $2) ON CONFLICT (machine_id) DO NOTHING RETURNING *`,
      [machineId, name],
    );
    if (!rows.length) throw DomainError.conflict(`machine ${machineId} already exists`);
    return toMachine(rows[0]);
  }

  /** Stops (or resumes) new runs on the machine; running ones are not touched. */
  async setDraining(machineId: number, draining: boolean): Promise<Machine> {
    const rows = await queryRows<MachineRow>(
      this.manager,
      `UPDATE machines SET draining = $2 WHERE machine_id = $1 RETURNING *`,
      [machineId, draining],
    );
    if (!rows.length) throw DomainError.notFound(`machine ${machineId} not found`);
    return toMachine(rows[0]);
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
        `SELECT (SELECT count(*) FROM simulations WHERE machine_id = m.machine_id AND status IN ('pending', 'running'))::int AS unfinished,
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
      await queryRows(manager, `DELETE FROM simulations WHERE machine_id = $1`, [machineId]);
      await queryRows(manager, `DELETE FROM machines WHERE machine_id = $1`, [machineId]);
    });
  }

  private async withLoad(machineId?: number): Promise<MachineWithLoad[]> {
    const rows = await queryRows<MachineLoadRow>(this.manager, MACHINES_WITH_LOAD_SQL, [
      machineId ?? null,
    ]);
    return rows.map((row) => ({
      machine: toMachine(row),
      status: statusFrom(row),
      lastSeenAt: row.last_seen_at,
      capacity: row.capacity,
      running: row.running,
      pending: row.pending,
    }));
  }
}

function statusFrom(row: { draining: boolean; served: boolean }): MachineStatus {
  if (row.draining) return MachineStatus.Draining;
  return row.served ? MachineStatus.Online : MachineStatus.Offline;
}

function toMachine(row: MachineRow): Machine {
  return Object.assign(new Machine(), {
    machineId: row.machine_id,
    name: row.name,
    draining: row.draining,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
