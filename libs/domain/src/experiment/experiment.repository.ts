import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { PG_UNIQUE_VIOLATION, postgresErrorCode, queryRows } from '../database/query-rows';

/** A group of runs, as the MLflow-compatible subset names them (docs/mlflow.md). */
export interface Experiment {
  experimentId: number;
  name: string;
  lifecycleStage: 'active' | 'deleted';
  tags: Record<string, string>;
  creationTime: Date;
  lastUpdateTime: Date;
}

/** Experiment 0: every run made outside the MLflow subset belongs to it. */
export const DEFAULT_EXPERIMENT_ID = 0;

/** Which experiments a search sees, by lifecycle stage. */
export type ExperimentView = 'active' | 'deleted' | 'all';

export interface ExperimentSearch {
  view: ExperimentView;
  /** A condition on the name: equal to it, or LIKE it (case-insensitively for ILIKE). */
  name?: { comparator: '=' | '!=' | 'LIKE' | 'ILIKE'; value: string };
  limit: number;
  offset: number;
}

interface Row {
  experiment_id: string | number;
  name: string;
  lifecycle_stage: 'active' | 'deleted';
  tags: Record<string, string>;
  creation_time: Date;
  last_update_time: Date;
}

const toExperiment = (row: Row): Experiment => ({
  experimentId: Number(row.experiment_id),
  name: row.name,
  lifecycleStage: row.lifecycle_stage,
  tags: row.tags,
  creationTime: row.creation_time,
  lastUpdateTime: row.last_update_time,
});

const VIEW_STAGES: Record<ExperimentView, string[]> = {
  active: ['active'],
  deleted: ['deleted'],
  all: ['active', 'deleted'],
};

@Injectable()
export class ExperimentRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The new experiment, or null when the name is taken. */
  async create(
    name: string,
    tags: Record<string, string>,
    createdBy: string,
  ): Promise<Experiment | null> {
    try {
      const [row] = await queryRows<Row>(
        this.manager,
        `INSERT INTO experiments (name, tags, created_by) VALUES ($1, $2::jsonb, $3) RETURNING *`,
        [name, JSON.stringify(tags), createdBy],
      );
      return toExperiment(row);
    } catch (error) {
      if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  async findById(experimentId: number): Promise<Experiment | null> {
    const [row] = await queryRows<Row>(
      this.manager,
      `SELECT * FROM experiments WHERE experiment_id = $1`,
      [experimentId],
    );
    return row ? toExperiment(row) : null;
  }

  async findByName(name: string): Promise<Experiment | null> {
    const [row] = await queryRows<Row>(this.manager, `SELECT * FROM experiments WHERE name = $1`, [
      name,
    ]);
    return row ? toExperiment(row) : null;
  }

  /** One page, the most recently changed first (MLflow's order), then by id. */
  async search(search: ExperimentSearch): Promise<Experiment[]> {
    const parameters: unknown[] = [VIEW_STAGES[search.view], search.limit, search.offset];
    let condition = '';
    if (search.name) {
      parameters.push(search.name.value);
      const comparator = search.name.comparator === '!=' ? '<>' : search.name.comparator;
      condition = `AND name ${comparator} $${parameters.length}`;
    }
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM experiments WHERE lifecycle_stage = ANY($1::text[]) ${condition}
       ORDER BY last_update_time DESC, experiment_id LIMIT $2 OFFSET $3`,
      parameters,
    );
    return rows.map(toExperiment);
  }

  /**
   * Puts a run just created in an experiment, with a lease of its own (or
   * none: null), in the caller's transaction.
   */
  async assignRun(
    simulationId: number,
    experimentId: number,
    leaseMs: number | null,
    manager: EntityManager = this.manager,
  ): Promise<void> {
    await queryRows(
      manager,
      `UPDATE simulations SET experiment_id = $2, lease_ms = $3 WHERE simulation_id = $1`,
      [simulationId, experimentId, leaseMs],
    );
  }
}
