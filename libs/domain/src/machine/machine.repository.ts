import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import { Machine } from './machine.entity';

interface MachineRow {
  machine_id: number;
  name: string;
  created_at: Date;
  updated_at: Date;
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
}

function toMachine(row: MachineRow): Machine {
  return Object.assign(new Machine(), {
    machineId: row.machine_id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
