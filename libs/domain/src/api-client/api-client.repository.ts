import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { entityRows } from '../database/entity-rows';
import { queryRows } from '../database/query-rows';
import { DomainError } from '../errors/domain-error';
import { ApiClient } from './api-client.entity';

type Row = Record<string, unknown>;

export interface NewApiClient {
  clientId: string;
  name: string;
  role: string;
  secretHash: string;
  createdBy: string | null;
  /** Its role in each project it may use, by project name; none: `default` (or every project, for an admin). */
  projects?: Record<string, string>;
}

/** The most API clients a list answers: the oldest (an answer's size has a bound). */
export const API_CLIENTS_LISTED_MAX = 1_000;

@Injectable()
export class ApiClientRepository {
  private readonly rows;

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {
    this.rows = entityRows(manager, ApiClient);
  }

  /** Inserts the client; answers false when the id is taken (and changes nothing). */
  async insertIfAbsent(client: NewApiClient): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `INSERT INTO api_clients (client_id, name, role, secret_hash, created_by, projects)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) ON CONFLICT (client_id) DO NOTHING RETURNING 1`,
      [
        client.clientId,
        client.name,
        client.role,
        client.secretHash,
        client.createdBy,
        JSON.stringify(client.projects ?? {}),
      ],
    );
    return rows.length > 0;
  }

  async findById(clientId: string): Promise<ApiClient | null> {
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM api_clients WHERE client_id = $1`,
      [clientId],
    );
    return rows.length ? this.rows.one(rows[0]) : null;
  }

  /** Whether a token issued to this client may still be used: it exists and is not disabled. */
  async isActive(clientId: string): Promise<boolean> {
    const rows = await queryRows(
      this.manager,
      `SELECT 1 FROM api_clients WHERE client_id = $1 AND disabled_at IS NULL`,
      [clientId],
    );
    return rows.length > 0;
  }

  async list(): Promise<ApiClient[]> {
    const rows = await queryRows<Row>(
      this.manager,
      `SELECT * FROM api_clients ORDER BY created_at, client_id LIMIT ${API_CLIENTS_LISTED_MAX}`,
    );
    return this.rows.all(rows);
  }

  async setDisabled(clientId: string, disabled: boolean): Promise<ApiClient> {
    const rows = await queryRows<Row>(
      this.manager,
      `UPDATE api_clients
       SET disabled_at = CASE WHEN $2::boolean THEN COALESCE(disabled_at, clock_timestamp()) END
       WHERE client_id = $1 RETURNING *`,
      [clientId, disabled],
    );
    if (!rows.length) throw DomainError.notFound(`client ${clientId} not found`);
    return this.rows.one(rows[0]);
  }

  async delete(clientId: string): Promise<void> {
    const rows = await queryRows(
      this.manager,
      `DELETE FROM api_clients WHERE client_id = $1 RETURNING 1`,
      [clientId],
    );
    if (!rows.length) throw DomainError.notFound(`client ${clientId} not found`);
  }

  async recordUse(clientId: string): Promise<void> {
    await queryRows(
      this.manager,
      `UPDATE api_clients SET last_used_at = clock_timestamp() WHERE client_id = $1`,
      [clientId],
    );
  }
}
