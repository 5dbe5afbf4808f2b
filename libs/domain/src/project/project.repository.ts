import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { PG_UNIQUE_VIOLATION, postgresErrorCode, queryRows } from '../database/query-rows';
import { EVERY_OTHER_PROJECT } from '../history/expired-curve-days';

/** A group of runs with its own access, quotas and retention (docs/projects.md). */
export interface Project {
  projectId: number;
  /** Never changes: tokens and links name the project by it. */
  name: string;
  description: string;
  /** Days its finished runs' curves are kept; null: HISTORY_RETENTION_DAYS. */
  retentionDays: number | null;
  /** The machines its runs may use; null: any machine. */
  machineIds: number[] | null;
  /** Pending runs the project may have at once; null: no bound of its own. */
  maxPending: number | null;
  /** Requests per minute in the project, all its clients together; null: no budget of its own. */
  ratePerMinute: number | null;
  createdBy: string | null;
  createdAt: Date;
}

/** The most projects a listing gives (GET /projects). */
export const PROJECTS_LISTED_MAX = 10_000;

/** Project 1: the runs made without naming a project, and the project of tokens without project scope. */
export const DEFAULT_PROJECT_ID = 1;
export const DEFAULT_PROJECT_NAME = 'default';

/** A project's name: what tokens, links and the API call it by. */
export const PROJECT_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const PROJECT_NAME_RULE =
  '1 to 63 lowercase letters, digits and hyphens, starting with a letter or digit';

export type ProjectSettings = Pick<
  Project,
  'description' | 'retentionDays' | 'machineIds' | 'maxPending' | 'ratePerMinute'
>;

interface Row {
  project_id: number;
  name: string;
  description: string;
  retention_days: number | null;
  machine_ids: number[] | null;
  max_pending: number | null;
  rate_per_minute: number | null;
  created_by: string | null;
  created_at: Date;
}

const toProject = (row: Row): Project => ({
  projectId: row.project_id,
  name: row.name,
  description: row.description,
  retentionDays: row.retention_days,
  machineIds: row.machine_ids,
  maxPending: row.max_pending,
  ratePerMinute: row.rate_per_minute,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

@Injectable()
export class ProjectRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /** The new project, or null when its name is taken. */
  async create(
    name: string,
    settings: ProjectSettings,
    createdBy: string,
  ): Promise<Project | null> {
    try {
      const [row] = await queryRows<Row>(
        this.manager,
        `INSERT INTO projects (name, description, retention_days, machine_ids, max_pending, rate_per_minute, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          name,
          settings.description,
          settings.retentionDays,
          settings.machineIds,
          settings.maxPending,
          settings.ratePerMinute,
          createdBy,
        ],
      );
      return toProject(row);
    } catch (error) {
      if (postgresErrorCode(error) === PG_UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  /**
   * Changes what may change (not the name); null when there is no such
   * project. A project given a retention of its own keeps the global
   * retention's record of what already expired: those curves are gone.
   */
  async update(projectId: number, settings: Partial<ProjectSettings>): Promise<Project | null> {
    const columns: Record<keyof ProjectSettings, string> = {
      description: 'description',
      retentionDays: 'retention_days',
      machineIds: 'machine_ids',
      maxPending: 'max_pending',
      ratePerMinute: 'rate_per_minute',
    };
    const sets: string[] = [];
    const parameters: unknown[] = [projectId];
    for (const [key, column] of Object.entries(columns) as Array<[keyof ProjectSettings, string]>)
      if (settings[key] !== undefined) {
        parameters.push(settings[key]);
        sets.push(`${column} = $${parameters.length}`);
      }
    return this.manager.transaction(async (manager) => {
      const [before] = await queryRows<Row>(
        manager,
        `SELECT * FROM projects WHERE project_id = $1 FOR UPDATE`,
        [projectId],
      );
      if (!before) return null;
      if (!sets.length) return toProject(before);
      const [row] = await queryRows<Row>(
        manager,
        `UPDATE projects SET ${sets.join(', ')} WHERE project_id = $1 RETURNING *`,
        parameters,
      );
      if (before.retention_days === null && row.retention_days !== null)
        await queryRows(
          manager,
          `INSERT INTO expired_curve_days (day, project_id, ended_before, deleted_before, dropped_at)
           SELECT day, $1, ended_before, deleted_before, dropped_at
           FROM expired_curve_days WHERE project_id = ${EVERY_OTHER_PROJECT}
           ON CONFLICT (day, project_id) DO UPDATE
           SET ended_before = GREATEST(expired_curve_days.ended_before, EXCLUDED.ended_before),
               deleted_before = GREATEST(expired_curve_days.deleted_before, EXCLUDED.deleted_before)`,
          [projectId],
        );
      return toProject(row);
    });
  }

  /** Every project, by name (the first PROJECTS_LISTED_MAX). */
  async list(): Promise<Project[]> {
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM projects ORDER BY name LIMIT ${PROJECTS_LISTED_MAX}`,
    );
    return rows.map(toProject);
  }

  async findById(projectId: number): Promise<Project | null> {
    const [row] = await queryRows<Row>(
      this.manager,
      `SELECT * FROM projects WHERE project_id = $1`,
      [projectId],
    );
    return row ? toProject(row) : null;
  }

  async findByIds(projectIds: readonly number[]): Promise<Project[]> {
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM projects WHERE project_id = ANY($1::integer[])`,
      [projectIds],
    );
    return rows.map(toProject);
  }

  /** The projects of these names that exist, by name. */
  async findByNames(names: readonly string[]): Promise<Map<string, Project>> {
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM projects WHERE name = ANY($1::text[])`,
      [names],
    );
    return new Map(rows.map((row) => [row.name, toProject(row)]));
  }
}
