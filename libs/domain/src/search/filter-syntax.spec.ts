import { DomainError } from '../errors/domain-error';
import { MAX_FILTER_LENGTH, parseFilter } from './filter-syntax';

const refusal = (text: string): string => {
  try {
    parseFilter(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error(`${text} was accepted`);
};

describe('parseFilter', () => {
  it('reads comparisons on attributes, params, tags and metric summaries', () => {
    expect(parseFilter("status = 'finished' AND params.lr < 0.01")).toEqual({
      kind: 'and',
      of: [
        {
          kind: 'compare',
          field: { path: ['status'], at: { column: 1 } },
          comparator: '=',
          value: 'finished',
        },
        {
          kind: 'compare',
          field: { path: ['params', 'lr'], at: { column: 25 } },
          comparator: '<',
          value: 0.01,
        },
      ],
    });
    expect(parseFilter('metrics.val_loss.min<=1e-3')).toMatchObject({
      field: { path: ['metrics', 'val_loss', 'min'] },
      comparator: '<=',
      value: 0.001,
    });
  });

  it('binds AND tighter than OR, NOT tightest, and parentheses first', () => {
    const parsed = parseFilter('NOT a = 1 OR b = 2 AND c = 3');
    expect(parsed).toMatchObject({
      kind: 'or',
      of: [
        { kind: 'not', of: { kind: 'compare' } },
        { kind: 'and', of: [{}, {}] },
      ],
    });
    expect(parseFilter('(a = 1 OR b = 2) AND c = 3')).toMatchObject({
      kind: 'and',
      of: [{ kind: 'or' }, { kind: 'compare' }],
    });
  });

  it('reads IN, NOT IN, LIKE and NOT LIKE, keywords in any case', () => {
    expect(parseFilter(`params.optimizer in ('adam', "sgd", 3, true)`)).toMatchObject({
      kind: 'in',
      values: ['adam', 'sgd', 3, true],
      negated: false,
    });
    expect(parseFilter('machine_id Not In (1,2)')).toMatchObject({ kind: 'in', negated: true });
    expect(parseFilter("name like 'sweep-%'")).toMatchObject({
      kind: 'like',
      pattern: 'sweep-%',
      negated: false,
    });
    expect(parseFilter("name NOT LIKE 'a%'")).toMatchObject({ kind: 'like', negated: true });
  });

  it('unquotes strings (a doubled quote is one) and backquoted name parts', () => {
    expect(parseFilter("tags.note = 'it''s'")).toMatchObject({ value: "it's" });
    expect(parseFilter('tags.note = "say ""hi"""')).toMatchObject({ value: 'say "hi"' });
    expect(parseFilter('params.`batch size` >= 32')).toMatchObject({
      field: { path: ['params', 'batch size'] },
    });
    expect(parseFilter("tags.`a.b` = 'x'")).toMatchObject({ field: { path: ['tags', 'a.b'] } });
  });

  it('reads numbers as numbers: negative, fractional, with exponents', () => {
    for (const [text, value] of [
      ['-2', -2],
      ['.5', 0.5],
      ['3.', 3],
      ['1E+3', 1000],
      ['-1.5e-2', -0.015],
    ] as const)
      expect(parseFilter(`params.x = ${text}`)).toMatchObject({ value });
  });

  it('refuses malformed filters with a 400 naming the character and what was expected there', () => {
    expect(refusal('status = ')).toBe(
      'filter: at character 10: expected a value (a number, a quoted string, true or false), found the end of the filter',
    );
    expect(refusal('params.lr < 0.01 AND')).toMatch(/^filter: at character 21: expected .*a field/);
    expect(refusal("((status = 'x')")).toMatch(/^filter: at character 16: expected .*"\)"/);
    expect(refusal('status == 1')).toMatch(/^filter: at character 9: expected a value/);
    expect(refusal('params.lr < abc')).toMatch(/^filter: at character 13: expected a value/);
    expect(refusal('params.lr < 1x')).toMatch(/^filter: at character 13: /);
    expect(refusal("name = 'open")).toBe(
      'filter: at character 8: this string is never closed (a quote inside a string is written twice)',
    );
    expect(refusal("status = 'a' status = 'b'")).toMatch(/^filter: at character 14: /);
  });

  it('refuses a NUL character, which no text column can hold, naming where it is', () => {
    expect(refusal("name = 'a\0b'")).toBe(
      'filter: at character 10: a NUL character is not allowed',
    );
  });

  it('refuses an empty filter and one past the length bound', () => {
    expect(refusal('   ')).toBe('filter is empty; leave it out to list every run');
    expect(refusal('a = 1 OR '.repeat(MAX_FILTER_LENGTH / 9 + 1))).toMatch(
      /characters long; at most/,
    );
  });
});

describe('parseFilter on deep nesting', () => {
  it('refuses nesting deeper than the bound with a 400, however deep', () => {
    for (const depth of [33, 1000, 1990]) {
      expect(refusal(`${'('.repeat(depth)}a = 1${')'.repeat(depth)}`)).toMatch(
        /^filter: nested \d+ deep; at most 32 levels of parentheses and NOT are accepted$/,
      );
      expect(refusal(`${'NOT '.repeat(depth)}a = 1`.slice(0, MAX_FILTER_LENGTH))).toMatch(
        /^filter: nested \d+ deep; at most 32/,
      );
    }
    expect(parseFilter(`${'('.repeat(32)}a = 1${')'.repeat(32)}`)).toMatchObject({
      kind: 'compare',
    });
  });
});
