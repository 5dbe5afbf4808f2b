import { DomainError, IdempotencyKeyRepository } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The answers an Idempotency-Key promises: a repeat of a request gets the
 * first one's answer. Both steps run inside the creating transaction, so the
 * key and what it created commit together or not at all.
 */
@Injectable()
export class IdempotentAnswers {
  constructor(private readonly keys: IdempotencyKeyRepository) {}

  /**
   * Takes the Idempotency-Key for this request, or answers what the request
   * that took it first was answered (a 422 if that one had another body).
   * Undefined when the key is this request's: it goes on to create.
   */
  async earlierAnswer(
    creator: string,
    idempotencyKey: string,
    requestHash: string,
    manager: EntityManager,
  ): Promise<unknown> {
    const claim = await this.keys.claim(creator, idempotencyKey, requestHash, manager);
    if (claim.owned) return undefined;
    if (claim.requestHash !== requestHash) {
      throw DomainError.unprocessable(
        `Idempotency-Key "${idempotencyKey}" was already used with a different request body`,
      );
    }
    return claim.responseBody;
  }

  /** Keeps the 201 this request is about to get, for its repeats. */
  async recordCreated(
    creator: string,
    idempotencyKey: string,
    body: unknown,
    manager: EntityManager,
  ): Promise<void> {
    await this.keys.recordResponse(creator, idempotencyKey, 201, body, manager);
  }
}
