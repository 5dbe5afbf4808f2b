import { DomainError } from '@app/domain';
import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { Transform } from 'class-transformer';
import { createValidationPipe } from './validation.pipe';

class OptionalQuery {
  @IsOptional()
  @IsIn(['a', 'b'])
  mode?: string;

  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  count?: number;

  @IsOptional()
  @IsInt()
  limit = 10;
}

class RequiredQuery {
  @IsString()
  name!: string;
}

const asQuery = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({
  type: 'query',
  metatype,
  data: undefined,
});

describe('the validation pipe on queries', () => {
  const pipe = createValidationPipe();

  it('gives an empty query its DTO instance, a fresh one each request', async () => {
    const first = (await pipe.transform(
      Object.create(null),
      asQuery(OptionalQuery),
    )) as OptionalQuery;
    const second = (await pipe.transform({}, asQuery(OptionalQuery))) as OptionalQuery;
    for (const answer of [first, second]) {
      expect(answer).toBeInstanceOf(OptionalQuery);
      expect({ ...answer }).toEqual({ limit: 10 });
    }
    expect(second).not.toBe(first);
    first.limit = 99;
    const third = (await pipe.transform({}, asQuery(OptionalQuery))) as OptionalQuery;
    expect(third.limit).toBe(10);
  });

  it('works an empty query out once per DTO, not on every request', async () => {
    class Fresh extends OptionalQuery {}
    const full = jest.spyOn(ValidationPipe.prototype, 'transform');
    try {
      for (let request = 0; request < 3; request++) await pipe.transform({}, asQuery(Fresh));
      expect(full).toHaveBeenCalledTimes(1);
    } finally {
      full.mockRestore();
    }
  });

  it('refuses an empty query every time when its DTO requires a parameter', async () => {
    for (let attempt = 0; attempt < 2; attempt++)
      await expect(pipe.transform({}, asQuery(RequiredQuery))).rejects.toThrow(DomainError);
  });

  it('still validates and transforms a query that has parameters', async () => {
    await pipe.transform({}, asQuery(OptionalQuery));
    await expect(pipe.transform({ mode: 'c' }, asQuery(OptionalQuery))).rejects.toThrow(
      /mode must be one of/,
    );
    await expect(pipe.transform({ extra: '1' }, asQuery(OptionalQuery))).rejects.toThrow(
      /property extra should not exist/,
    );
    const answer = (await pipe.transform({ count: '3' }, asQuery(OptionalQuery))) as OptionalQuery;
    expect(answer).toBeInstanceOf(OptionalQuery);
    expect({ ...answer }).toEqual({ limit: 10, count: 3 });
  });
});
