import { Client } from 'pg';
import { binaryArray } from '../src/database/binary-array';
import { ENV } from '../../../test/test-services';

/** Postgres' own text of each element, so what it stored is read without pg's parsers in between. */
async function elements(
  client: Client,
  parameter: Buffer,
  type: string,
): Promise<Array<string | null>> {
  const { rows } = await client.query<{ value: string | null }>(
    `SELECT v::text AS value FROM unnest($1::${type}[]) WITH ORDINALITY AS u(v, n) ORDER BY n`,
    [parameter],
  );
  return rows.map((row) => row.value);
}

describe('binary array parameters', () => {
  const client = new Client({ connectionString: `${process.env[ENV.postgresServer]}/postgres` });

  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('reach Postgres as the doubles they are: negative, tiny, huge, NaN, ±Infinity and null', async () => {
    const values = [0, -0.5, 1 / 3, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity, null];
    expect(await elements(client, binaryArray('float8', values), 'double precision')).toEqual([
      '0',
      '-0.5',
      '0.3333333333333333',
      '5e-324',
      '1.7976931348623157e+308',
      'NaN',
      'Infinity',
      '-Infinity',
      null,
    ]);
  });

  it('carry integers of each width to their limits, with nulls among them', async () => {
    expect(
      await elements(client, binaryArray('int2', [-32768, 0, null, 32767]), 'smallint'),
    ).toEqual(['-32768', '0', null, '32767']);
    expect(
      await elements(client, binaryArray('int4', [-2147483648, 7, 2147483647]), 'integer'),
    ).toEqual(['-2147483648', '7', '2147483647']);
    expect(
      await elements(
        client,
        binaryArray('int8', [
          Number.MIN_SAFE_INTEGER,
          -1,
          0,
          2 ** 32,
          null,
          Number.MAX_SAFE_INTEGER,
        ]),
        'bigint',
      ),
    ).toEqual(['-9007199254740991', '-1', '0', '4294967296', null, '9007199254740991']);
  });

  it('send an empty array as one', async () => {
    const { rows } = await client.query<{ length: number }>(
      'SELECT cardinality($1::double precision[]) AS length',
      [binaryArray('float8', [])],
    );
    expect(rows).toEqual([{ length: 0 }]);
  });

  it('are refused by a statement expecting another element type: the type goes with the bytes', async () => {
    await expect(
      client.query('SELECT $1::integer[] AS a', [binaryArray('float8', [1])]),
    ).rejects.toThrow(/element type 701 .* instead of expected 23/);
  });
});
