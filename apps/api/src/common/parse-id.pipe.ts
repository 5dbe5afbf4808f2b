import { DomainError } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/**
 * Simulation ids are Postgres `bigint`, capped at 2⁵³−1 so that every id is
 * exact as a JSON number (a constraint in the database says so too).
 */
export const MAX_SIMULATION_ID = Number.MAX_SAFE_INTEGER;

/** Machine ids are Postgres `integer` and chosen by clients: 2³¹−1 machines is room enough. */
export const MAX_MACHINE_ID = 2_147_483_647;

/** Parses a path id strictly, so "12abc", "1e3" or an id out of range are a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(
    private readonly name: 'simulation_id' | 'machine_id',
    private readonly max = name === 'simulation_id' ? MAX_SIMULATION_ID : MAX_MACHINE_ID,
  ) {}

  transform(value: string): number {
    const id = /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id) || id > this.max) {
      throw DomainError.invalid(`${this.name} must be an integer between 1 and ${this.max}`);
    }
    return id;
  }
}
