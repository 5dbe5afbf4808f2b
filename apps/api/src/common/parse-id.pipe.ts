import { DomainError } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';

/** Ids are Postgres `integer` columns: anything outside 1…2³¹−1 cannot exist. */
export const MAX_ID = 2_147_483_647;

/** Parses a path id strictly, so "12abc", "1e3" or 2⁴⁰ are a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const id = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id) || id > MAX_ID) {
      throw DomainError.invalid(`${this.name} must be an integer between 1 and ${MAX_ID}`);
    }
    return id;
  }
}
