import {
  jsonShapeProblem,
  MAX_JSON_ARRAY_ITEMS,
  MAX_JSON_DEPTH,
  MAX_JSON_OBJECT_KEYS,
} from './json-shape-guard';

const nested = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

describe('jsonShapeProblem', () => {
  it('takes scalars, and containers up to each limit', () => {
    for (const body of [null, 1, 'x', true, {}, []]) expect(jsonShapeProblem(body)).toBeUndefined();
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(jsonShapeProblem(Array(MAX_JSON_ARRAY_ITEMS).fill({ a: 1 }))).toBeUndefined();
    const widest = Object.fromEntries(
      Array.from({ length: MAX_JSON_OBJECT_KEYS }, (_, i) => [`k${i}`, i]),
    );
    expect(jsonShapeProblem(widest)).toBeUndefined();
  });

  it('refuses one past each limit, saying where', () => {
    expect(jsonShapeProblem(nested(MAX_JSON_DEPTH + 1))).toBe(
      `request body is nested deeper than ${MAX_JSON_DEPTH} levels at $${'[0]'.repeat(MAX_JSON_DEPTH)}`,
    );
    expect(jsonShapeProblem({ list: Array(MAX_JSON_ARRAY_ITEMS + 1).fill(0) })).toBe(
      `request body has an array of ${MAX_JSON_ARRAY_ITEMS + 1} items at $.list; at most ${MAX_JSON_ARRAY_ITEMS}`,
    );
  });

  it('refuses the keys JavaScript objects give meaning to, at any depth', () => {
    expect(jsonShapeProblem(JSON.parse('{"a":[{"__proto__":{"x":1}}]}'))).toBe(
      'request body may not have a field named "__proto__" (at $.a[0].__proto__)',
    );
    expect(jsonShapeProblem({ constructor: 1 })).toMatch(/"constructor"/);
    expect(jsonShapeProblem({ 'x-y': { prototype: 1 } })).toBe(
      'request body may not have a field named "prototype" (at $["x-y"].prototype)',
    );
  });

  it('names where a NUL character is, in text or in a field name, and an object too wide', () => {
    expect(jsonShapeProblem({ points: [{ metric: 'ok' }, { 'odd key': ['a', 'b\u0000'] }] })).toBe(
      'request body has a NUL character (\\u0000) in the text at $.points[1]["odd key"][1]; text may not hold it',
    );
    expect(jsonShapeProblem('a\u0000')).toBe(
      'request body has a NUL character (\\u0000) in the text at $; text may not hold it',
    );
    expect(jsonShapeProblem({ a: { 'b\u0000': 1 } })).toBe(
      'request body has a NUL character (\\u0000) in a field name at $.a; names may not hold it',
    );
    const wide = Object.fromEntries(
      Array.from({ length: MAX_JSON_OBJECT_KEYS + 1 }, (_, i) => [`k${i}`, i]),
    );
    expect(jsonShapeProblem({ list: [0, { inner: wide }] })).toBe(
      `request body has an object of ${MAX_JSON_OBJECT_KEYS + 1} fields at $.list[1].inner; at most ${MAX_JSON_OBJECT_KEYS}`,
    );
  });

  it('walks a million-level body without exhausting the stack', () => {
    expect(jsonShapeProblem(nested(1_000_000))).toMatch(/nested deeper than/);
  });
});
