import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { PG_UNIQUE_VIOLATION, postgresErrorCode, queryRows } from '../database/query-rows';

/** A group of runs, as the MLflow-compatible subset names them (docs/mlflow.md). */
export interface Experiment {
  experimentId: number;
  /** The project it belongs to; experiment 0 is every project's own "Default" (see DEFAULT_EXPERIMENT_ID). */
  projectId: number;
  name: string;
  lifecycleStage: 'active' | 'deleted';
  tags: Record<string, string>;
  creationTime: Date;
  lastUpdateTime: Date;
}

/**
 * Experiment 0: every run made outside the MLflow subset belongs to it. It is
 * one row, but each project sees it as its own: its runs are the project's
 * runs with experiment_id 0.
 */
export const DEFAULT_EXPERIMENT_ID = 0;

/** Which experiments a search sees, by lifecycle stage. */
export type ExperimentView = 'active' | 'deleted' | 'all';

export interface ExperimentSearch {
  projectId: number;
  view: ExperimentView;
  /** A condition on the name: equal to it, or LIKE it (case-insensitively for ILIKE). */
  name?: { comparator: '=' | '!=' | 'LIKE' | 'ILIKE'; value: string };
  limit: number;
  offset: number;
}

interface Row {
  experiment_id: string | number;
  project_id: number;
  name: string;
  lifecycle_stage: 'active' | 'deleted';
  tags: Record<string, string>;
  creation_time: Date;
  last_update_time: Date;
}

const toExperiment = (row: Row): Experiment => ({
  experimentId: Number(row.experiment_id),
  projectId: row.project_id,
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

  /** The new experiment, or null when the project has one of that name. */
  async create(
    projectId: number,
    name: string,
    tags: Record<string, string>,
    createdBy: string,
  ): Promise<Experiment | null> {
    try {
      const [row] = await queryRows<Row>(
        this.manager,
        `INSERT INTO experiments (project_id, name, tags, created_by) VALUES ($1, $2, $3::jsonb, $4)
         RETURNING *`,
        [projectId, name, JSON.stringify(tags), createdBy],
      );
      return toExperiment(row);
    } catch (error) {
      if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  /** The experiment, as `projectId` sees it (experiment 0 is its own); null in another project. */
  async findById(projectId: number, experimentId: number): Promise<Experiment | null> {
    const [row] = await queryRows<Row>(
      this.manager,
      `SELECT * FROM experiments WHERE experiment_id = $1`,
      [experimentId],
    );
    if (!row) return null;
    const experiment = toExperiment(row);
    if (experiment.experimentId === DEFAULT_EXPERIMENT_ID) return { ...experiment, projectId };
    return experiment.projectId === projectId ? experiment : null;
  }

  async findByName(projectId: number, name: string): Promise<Experiment | null> {
    const [row] = await queryRows<Row>(
      this.manager,
      `SELECT * FROM experiments
       WHERE (project_id = $1 OR experiment_id = ${DEFAULT_EXPERIMENT_ID}) AND name = $2
       ORDER BY experiment_id DESC LIMIT 1`,
      [projectId, name],
    );
    return row
      ? { ...toExperiment(row), ...(Number(row.experiment_id) === 0 && { projectId }) }
      : null;
  }

  /** One page, the most recently changed first (MLflow's order), then by id. */
  async search(search: ExperimentSearch): Promise<Experiment[]> {
    const parameters: unknown[] = [
      VIEW_STAGES[search.view],
      search.limit,
      search.offset,
      search.projectId,
    ];
    let condition = '';
    if (search.name) {
      parameters.push(search.name.value);
      const comparator = search.name.comparator === '!=' ? '<>' : search.name.comparator;
      condition = `AND name ${comparator} $${parameters.length}`;
    }
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM experiments
       WHERE (project_id = $4 OR experiment_id = ${DEFAULT_EXPERIMENT_ID})
         AND lifecycle_stage = ANY($1::text[]) ${condition}
       ORDER BY last_update_time DESC, experiment_id LIMIT $2 OFFSET $3`,
      parameters,
    );
    return rows.map((row) => ({ ...toExperiment(row), projectId: search.projectId }));
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
