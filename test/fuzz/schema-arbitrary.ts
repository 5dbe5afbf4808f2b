// fast-check arbitraries drawn from the JSON schemas of an OpenAPI document:
// values the schema allows, and values that break it in the ways clients do
// (wrong types, out of range, missing or extra fields, hostile strings).
import fc, { Arbitrary } from 'fast-check';
import type { JsonSchema } from '../openapi-contract';

/** Strings that have broken other services' parsers, queries and logs. */
export const HOSTILE_STRINGS = [
  "1' OR '1'='1",
  '1; DROP TABLE simulations; --',
  'name; SELECT pg_sleep(5)',
  '$where',
  '{"$gt": ""}',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '\u202e\u0644',
  '🦄'.repeat(40),
  ' ',
  '',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '2147483648',
  '0x10',
  '1.5',
  'true',
  'null',
  '[]',
  'x'.repeat(5000),
];

export class SchemaArbitraries {
  constructor(private readonly schemas: Record<string, JsonSchema>) {}

  resolve(schema: JsonSchema): JsonSchema {
    // A $ref with a description of its own is written as a one-member allOf.
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1)
      return { ...this.resolve(schema.allOf[0] as JsonSchema), ...schema, allOf: undefined };
    const ref = schema.$ref;
    if (typeof ref === 'string') {
      const name = ref.split('/').pop()!;
      return this.resolve(this.schemas[name]);
    }
    return schema;
  }

  /** Values the schema accepts (as far as its keywords go). */
  valid(
    raw: JsonSchema,
    hints: Record<string, Arbitrary<unknown>> = {},
    name = '',
  ): Arbitrary<unknown> {
    const schema = this.resolve(raw);
    if (hints[name]) return hints[name];
    if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    const nullable = schema.nullable === true;
    const value = this.validOfType(type as string | undefined, schema, hints);
    return nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
  }

  private validOfType(
    type: string | undefined,
    schema: JsonSchema,
    hints: Record<string, Arbitrary<unknown>>,
  ): Arbitrary<unknown> {
    switch (type) {
      case 'integer': {
        const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
        const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
        // The ends of a declared range, often: where off-by-one and overflow live.
        return fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min, max }) },
          { weight: 1, arbitrary: fc.constantFrom(min, max) },
        );
      }
      case 'number':
        return fc.double({
          min: typeof schema.minimum === 'number' ? schema.minimum : -1e9,
          max: typeof schema.maximum === 'number' ? schema.maximum : 1e9,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = (schema.items as JsonSchema | undefined) ?? {};
        return fc.array(this.valid(items, hints), {
          minLength: typeof schema.minItems === 'number' ? schema.minItems : 0,
          maxLength: Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : 5, 5),
        });
      }
      case 'object':
        return this.validObject(schema, hints);
      case 'string':
      default:
        if (typeof schema.pattern === 'string') {
          return fc
            .stringMatching(new RegExp(schema.pattern))
            .filter((s) => this.lengthFits(s, schema));
        }
        if (schema.format === 'date-time')
          return fc
            .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString());
        return fc.oneof(
          {
            weight: 3,
            arbitrary: fc.string({
              minLength: typeof schema.minLength === 'number' ? schema.minLength : 0,
              maxLength: Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 40),
            }),
          },
          // A string exactly as long as allowed, in characters of one, two and four bytes.
          ...(typeof schema.maxLength === 'number'
            ? [
                {
                  weight: 1,
                  arbitrary: fc
                    .constantFrom('x', 'é', '\u4e2d')
                    .map((unit) => unit.repeat(schema.maxLength as number)),
                },
              ]
            : []),
        );
    }
  }

  private lengthFits(value: string, schema: JsonSchema): boolean {
    const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
    const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
    return value.length >= min && value.length <= max;
  }

  private validObject(schema: JsonSchema, hints: Record<string, Arbitrary<unknown>>) {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = (schema.required ?? []) as string[];
    const record: Record<string, Arbitrary<unknown>> = {};
    for (const [name, property] of Object.entries(properties)) {
      record[name] = this.valid(property, hints, name);
    }
    return fc.record(record, { requiredKeys: required.filter((name) => name in record) });
  }

  /** Values the schema refuses, or that test its edges. */
  invalid(raw: JsonSchema): Arbitrary<unknown> {
    const schema = this.resolve(raw);
    const wrongType = fc.oneof(
      fc.constantFrom(...HOSTILE_STRINGS),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    );
    const edges: Array<Arbitrary<unknown>> = [wrongType];
    if (typeof schema.minimum === 'number') edges.push(fc.constant(schema.minimum - 1));
    if (typeof schema.maximum === 'number') {
      edges.push(fc.constant(schema.maximum + 1), fc.constant(Number.MAX_SAFE_INTEGER * 4));
    }
    if (typeof schema.maxLength === 'number')
      edges.push(fc.constant('y'.repeat(schema.maxLength + 1)));
    if (schema.type === 'object') edges.push(this.brokenObject(schema));
    return fc.oneof(...edges);
  }

  /** An object with one field made wrong, a required field left out, or a field added. */
  private brokenObject(schema: JsonSchema): Arbitrary<unknown> {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const names = Object.keys(properties);
    const valid = this.validObject(schema, {}) as Arbitrary<Record<string, unknown>>;
    if (!names.length) return valid;
    return fc
      .tuple(valid, fc.constantFrom(...names), fc.constantFrom('wrong', 'missing', 'extra'))
      .chain(([value, name, how]) => {
        if (how === 'missing') {
          const copy = { ...value };
          delete copy[name];
          return fc.constant(copy);
        }
        if (how === 'extra') return fc.constant({ ...value, [`${name}_extra`]: 1 });
        return this.invalid(properties[name]).map((wrong) => ({ ...value, [name]: wrong }));
      });
  }
}

/**
 * Bodies that are legal JSON and small, but whose structure is the attack:
 * nested thousands deep, thousands wide, keys that mean something to
 * JavaScript objects (at the top, or inside a valid body), repeated keys,
 * numbers JSON allows and JavaScript cannot hold, lone surrogates.
 */
export function pathologicalJson(valid: Arbitrary<unknown>): Arbitrary<string> {
  const deep = fc.integer({ min: 10, max: 6_000 });
  const withKey = (key: string) =>
    valid.map((body) => {
      const text = JSON.stringify(body) ?? '{}';
      const payload = `"${key}":{"isAdmin":true,"polluted":1}`;
      return text.startsWith('{') && text !== '{}'
        ? `{${payload},${text.slice(1)}`
        : `{${payload}}`;
    });
  return fc.oneof(
    deep.map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    deep.map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    fc.integer({ min: 1_001, max: 4_000 }).map((width) => `[${Array(width).fill('0').join(',')}]`),
    fc
      .integer({ min: 65, max: 1_500 })
      .map((width) => `{${Array.from({ length: width }, (_, i) => `"k${i}":1`).join(',')}}`),
    fc.constantFrom('__proto__', 'constructor', 'prototype').chain(withKey),
    valid.map((body) => {
      const text = JSON.stringify(body) ?? '{}';
      // A key twice: JSON.parse keeps the last; nothing may depend on which.
      return text.startsWith('{"') ? text.replace(/^\{("[^"]+":)/, '{$1"first",$1') : text;
    }),
    fc.constantFrom(
      '{"name":"n","machine_id":1e309}',
      '{"name":"n","machine_id":-0}',
      '{"name":"n","machine_id":1e-400}',
      '{"name":"n","machine_id":9007199254740993}',
      '{"name":"n","machine_id":2147483648}',
      '{"name":"\ud800","machine_id":1}',
      '{"name":"a\u0000b","machine_id":1}',
      '{"name":"n","machine_id":1,"emulation":{"points":1e308,"tick_ms":-1e308}}',
    ),
  );
}
