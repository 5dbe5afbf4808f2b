import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';

export type IdempotencyClaim =
  | { owned: true }
  | { owned: false; requestHash: string; responseStatus: number; responseBody: unknown };

@Injectable()
export class IdempotencyKeyRepository {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  /**
   * Takes the key for this request, inside the caller's transaction. If
   * another request holds it, Postgres makes this wait until that one commits
   * or rolls back: concurrent requests with one key therefore create one
   * simulation, and the later ones read the first one's answer.
   */
  async claim(
    subject: string,
    key: string,
    requestHash: string,
    manager: EntityManager,
  ): Promise<IdempotencyClaim> {
    const inserted = await queryRows(
      manager,
      `INSERT INTO idempotency_keys (subject, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (subject, key) DO NOTHING RETURNING 1`,
      [subject, key, requestHash],
    );
    if (inserted.length) return { owned: true };
    const rows = await queryRows<{
      request_hash: string;
      response_status: number;
      response_body: unknown;
    }>(
      manager,
      `SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE subject = $1 AND key = $2`,
      [subject, key],
    );
    const row = rows[0];
    return {
      owned: false,
      requestHash: row.request_hash,
      responseStatus: row.response_status,
      responseBody: row.response_body,
    };
  }

  async recordResponse(
    subject: string,
    key: string,
    status: number,
    body: unknown,
    manager: EntityManager,
  ): Promise<void> {
    await queryRows(
      manager,
      `UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE subject = $1 AND key = $2`,
      [subject, key, status, JSON.stringify(body)],
    );
  }

  /** Forgets keys older than `maxAgeMs`; answers how many. */
  async purgeOlderThan(maxAgeMs: number): Promise<number> {
    const rows = await queryRows(
      this.manager,
      `DELETE FROM idempotency_keys WHERE created_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)
       RETURNING 1`,
      [maxAgeMs],
    );
    return rows.length;
  }
}
