import { copyDate, encodeCopyRows } from './copy-rows';

describe("COPY's binary format", () => {
  it('counts dates in days from 2000-01-01, leap years included', () => {
    expect(copyDate('2000-01-01')).toBe(0);
    expect(copyDate('2000-03-01')).toBe(60);
    expect(copyDate('1999-12-31')).toBe(-1);
    expect(copyDate('2026-12-06')).toBe(9836);
  });

  it('writes the header, each row as its field count and sized fields, and the trailer', () => {
    const bytes = Buffer.concat(
      encodeCopyRows(
        ['int8', 'int4', 'int2', 'float8', 'date'],
        [
          [2 ** 40 + 5, -7, 3, Number.NaN, 9836],
          [1, 2, 3, null, 0],
        ],
      ),
    );
    const header = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
    expect(bytes.subarray(0, header.length)).toEqual(header);
    let at = header.length;
    const next = (width: number) => {
      const field = bytes.subarray(at, at + width);
      at += width;
      return field;
    };
    expect(next(2).readInt16BE()).toBe(5);
    expect(next(4).readInt32BE()).toBe(8);
    expect(next(8).readBigInt64BE()).toBe(2n ** 40n + 5n);
    expect(next(4).readInt32BE()).toBe(4);
    expect(next(4).readInt32BE()).toBe(-7);
    expect(next(4).readInt32BE()).toBe(2);
    expect(next(2).readInt16BE()).toBe(3);
    expect(next(4).readInt32BE()).toBe(8);
    expect(next(8).readDoubleBE()).toBeNaN();
    expect(next(4).readInt32BE()).toBe(4);
    expect(next(4).readInt32BE()).toBe(9836);
    // The second row: a null is a length of -1 and no bytes.
    expect(next(2).readInt16BE()).toBe(5);
    next(4 + 8 + 4 + 4 + 4 + 2);
    expect(next(4).readInt32BE()).toBe(-1);
    next(4 + 4);
    expect(next(2).readInt16BE()).toBe(-1);
    expect(at).toBe(bytes.length);
  });

  it('sizes the first chunk for the rows expected: they go whole in one, or fill the largest', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, k) => [k, k / 3]);
    // 19 bytes of header, 26 per row, 2 of trailer.
    const few = encodeCopyRows(['int8', 'float8'], rows(3), 3);
    expect(few.map((chunk) => chunk.length)).toEqual([19 + 3 * 26 + 2]);
    // A chunk holds 256 KiB at most: 20,000 rows (508 KiB) take two.
    const many = encodeCopyRows(['int8', 'float8'], rows(20_000), 20_000);
    expect(many).toHaveLength(2);
    expect(Buffer.concat(many)).toEqual(
      Buffer.concat(encodeCopyRows(['int8', 'float8'], rows(20_000))),
    );
    // Fewer expected than come: more chunks, the same bytes.
    const under = encodeCopyRows(['int8', 'float8'], rows(100), 2);
    expect(under.length).toBeGreaterThan(1);
    expect(Buffer.concat(under)).toEqual(
      Buffer.concat(encodeCopyRows(['int8', 'float8'], rows(100))),
    );
  });

  it('splits many rows into chunks that add up to the same bytes', () => {
    const rows = Array.from({ length: 20_000 }, (_, k) => [k, k / 3]);
    const chunks = encodeCopyRows(['int8', 'float8'], rows);
    expect(chunks.length).toBeGreaterThan(1);
    const bytes = Buffer.concat(chunks);
    // Header, 20,000 rows of 2 + (4 + 8) * 2 bytes, trailer.
    expect(bytes.length).toBe(19 + 20_000 * 26 + 2);
    expect(bytes.readDoubleBE(19 + 19_999 * 26 + 2 + 12 + 4)).toBe(19_999 / 3);
  });
});
