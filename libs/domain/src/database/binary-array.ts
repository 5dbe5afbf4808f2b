/** The element types a numeric array parameter is sent as, in Postgres' binary form. */
export type ArrayElementType = 'int2' | 'int4' | 'int8' | 'float8';

/** Each element type's OID (array_recv checks it against the parameter's type) and width. */
const ELEMENT: Record<ArrayElementType, { oid: number; width: number }> = {
  int2: { oid: 21, width: 2 },
  int4: { oid: 23, width: 4 },
  int8: { oid: 20, width: 8 },
  float8: { oid: 701, width: 8 },
};

/** Dimensions, the null flag and the element type; then the one dimension's length and lower bound. */
const HEADER_BYTES = 20;

/**
 * A one-dimensional array parameter in Postgres' binary format (array_recv),
 * for a statement that casts it to the same type (`$1::double precision[]`):
 * pg sends a Buffer parameter as binary. Numbers go as their bytes, where an
 * array of numbers went as text that JavaScript printed digit by digit and
 * Postgres parsed back, most of the cost of writing a batch of points on
 * both sides. NaN and ±Infinity are plain doubles; null is SQL NULL.
 * Integers must be safe integers of the type's range.
 */
export function binaryArray(type: ArrayElementType, values: ReadonlyArray<number | null>): Buffer {
  const { oid, width } = ELEMENT[type];
  if (values.length === 0) {
    // No dimensions: the empty array.
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(oid, 8);
    return empty;
  }
  let nulls = 0;
  for (const value of values) if (value === null) nulls++;
  const buffer = Buffer.allocUnsafe(
    HEADER_BYTES + values.length * 4 + (values.length - nulls) * width,
  );
  let at = buffer.writeInt32BE(1, 0);
  at = buffer.writeInt32BE(nulls > 0 ? 1 : 0, at);
  at = buffer.writeInt32BE(oid, at);
  at = buffer.writeInt32BE(values.length, at);
  at = buffer.writeInt32BE(1, at);
  for (const value of values) {
    if (value === null) {
      at = buffer.writeInt32BE(-1, at);
      continue;
    }
    at = buffer.writeInt32BE(width, at);
    if (type === 'float8') at = buffer.writeDoubleBE(value, at);
    else if (type === 'int4') at = buffer.writeInt32BE(value, at);
    else if (type === 'int8') {
      // Two words rather than a BigInt per value; `>>> 0` keeps the low 32 bits of any safe integer.
      at = buffer.writeInt32BE(Math.floor(value / 2 ** 32), at);
      at = buffer.writeUInt32BE(value >>> 0, at);
    } else at = buffer.writeInt16BE(value, at);
  }
  return buffer;
}
