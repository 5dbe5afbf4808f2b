import * as peggy from 'peggy';
import { DomainError } from '../errors/domain-error';

/** Where in the filter's text a part of it was written: 1-based, in characters. */
export interface FilterPosition {
  column: number;
}

export type FilterValue = number | string | boolean;

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface FilterField {
  /** The dotted name as written, each part unquoted: `metrics.val_loss.min` is three parts. */
  path: string[];
  at: FilterPosition;
}

export type FilterExpression =
  | { kind: 'and' | 'or'; of: FilterExpression[] }
  | { kind: 'not'; of: FilterExpression }
  | { kind: 'compare'; field: FilterField; comparator: Comparator; value: FilterValue }
  | { kind: 'in'; field: FilterField; values: FilterValue[]; negated: boolean }
  | { kind: 'like'; field: FilterField; pattern: string; negated: boolean };

/** The longest filter accepted: a bound on the work one request may ask of the parser. */
export const MAX_FILTER_LENGTH = 4000;

/** The deepest nesting of parentheses and NOT accepted: the parser recurses once per level. */
export const MAX_FILTER_DEPTH = 32;

/**
 * The filter language of `GET /simulations?filter=` (docs/search.md is its
 * reference). Keywords are case-insensitive; strings take single or double
 * quotes (a quote doubled inside is one quote); a name part that is not a
 * plain word is written in backquotes (params.`batch size`).
 */
const GRAMMAR = String.raw`
Filter = _ expression:Or _ { return expression; }

SortField = _ @Field _

Or = head:And tail:(_ OR _ @And)* { return tail.length ? { kind: 'or', of: [head, ...tail] } : head; }

And = head:Not tail:(_ AND _ @Not)* { return tail.length ? { kind: 'and', of: [head, ...tail] } : head; }

Not
  = NOT _ operand:Not { return { kind: 'not', of: operand }; }
  / Primary

Primary
  = "(" _ @Or _ ")"
  / Comparison

Comparison
  = field:Field _ negated:(NOT _)? IN _ "(" _ head:Value tail:(_ "," _ @Value)* _ ")"
    { return { kind: 'in', field, values: [head, ...tail], negated: negated !== null }; }
  / field:Field _ negated:(NOT _)? LIKE _ pattern:String
    { return { kind: 'like', field, pattern, negated: negated !== null }; }
  / field:Field _ comparator:Comparator _ value:Value
    { return { kind: 'compare', field, comparator, value }; }

Field "a field (status, params.lr, metrics.val_loss.min…)"
  = head:Part tail:("." @Part)* { return { path: [head, ...tail], at: { column: location().start.column } }; }

Part = Word / QuotedPart

Word = $[A-Za-z0-9_\-:/]+

QuotedPart = "\u0060" @$[^\u0060]+ "\u0060"

Comparator "a comparison (=, !=, <, <=, >, >=)"
  = "<=" / ">=" / "!=" / "<>" { return '!='; } / "=" / "<" / ">"

Value "a value (a number, a quoted string, true or false)"
  = Number / String / Boolean

Number = text:$("-"? ([0-9]+ ("." [0-9]*)? / "." [0-9]+) ([eE] [+-]? [0-9]+)?) !WordCharacter
  { return Number(text); }

String
  = "'" characters:("''" { return "'"; } / [^'])* "'" { return characters.join(''); }
  / '"' characters:('""' { return '"'; } / [^"])* '"' { return characters.join(''); }
  / ['"] .* { error('this string is never closed (a quote inside a string is written twice)'); }

Boolean
  = "true"i !WordCharacter { return true; }
  / "false"i !WordCharacter { return false; }

AND = "AND"i !WordCharacter
OR = "OR"i !WordCharacter
NOT = "NOT"i !WordCharacter
IN = "IN"i !WordCharacter
LIKE = "LIKE"i !WordCharacter

WordCharacter = [A-Za-z0-9_]

_ "whitespace" = [ \t\r\n]*
`;

const parser = peggy.generate(GRAMMAR, { allowedStartRules: ['Filter', 'SortField'] });

/**
 * The filter's expression, or a 400 naming the character where it stops
 * making sense and what would have made sense there.
 */
export function parseFilter(text: string): FilterExpression {
  if (text.length > MAX_FILTER_LENGTH)
    throw DomainError.invalid(
      `filter is ${text.length} characters long; at most ${MAX_FILTER_LENGTH} are accepted`,
    );
  if (!text.trim()) throw DomainError.invalid('filter is empty; leave it out to list every run');
  const nul = text.indexOf('\0');
  if (nul >= 0)
    throw DomainError.invalid(`filter: at character ${nul + 1}: a NUL character is not allowed`);
  const depth = nestingDepth(text);
  if (depth > MAX_FILTER_DEPTH)
    throw DomainError.invalid(
      `filter: nested ${depth} deep; at most ${MAX_FILTER_DEPTH} levels of parentheses and NOT are accepted`,
    );
  try {
    return parser.parse(text) as FilterExpression;
  } catch (error) {
    if (!(error instanceof parser.SyntaxError)) throw error;
    const syntaxError = error as peggy.parser.SyntaxError;
    // Expectations come with peggy's own failures; an error() of the grammar says it all itself.
    const problem = syntaxError.expected ? describeSyntaxError(syntaxError) : syntaxError.message;
    throw DomainError.invalid(
      `filter: at character ${syntaxError.location.start.column}: ${problem}`,
    );
  }
}

/**
 * How deep the parser would recurse: open parentheses and NOTs in a row,
 * outside strings and backquotes. Counted before parsing, so a filter can
 * never take the parser past the stack.
 */
function nestingDepth(text: string): number {
  let deepest = 0;
  let open = 0;
  let nots = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (quote) {
      if (character === quote) quote = undefined;
      continue;
    }
    if (character === "'" || character === '"' || character === '`') quote = character;
    else if (character === '(') open++;
    else if (character === ')') open = Math.max(0, open - 1);
    else if (/^not\b/i.test(text.slice(i, i + 4)) && !/\w/.test(text[i - 1] ?? '')) {
      nots++;
      i += 2;
    } else if (!/\s/.test(character)) {
      deepest = Math.max(deepest, open + nots);
      nots = 0;
    }
    deepest = Math.max(deepest, open + nots);
  }
  return deepest;
}

/**
 * The field an `order_by` (or `what` else) names (params.lr,
 * metrics.val_loss.min, a backquoted part for other keys), or a 400 saying
 * where it goes wrong.
 */
export function parseSortField(text: string, what = 'order_by'): FilterField {
  if (text.length > MAX_FILTER_LENGTH || text.includes('\0'))
    throw DomainError.invalid(`${what} is not a field name`);
  try {
    return parser.parse(text, { startRule: 'SortField' }) as FilterField;
  } catch (error) {
    if (!(error instanceof parser.SyntaxError)) throw error;
    const syntaxError = error as peggy.parser.SyntaxError;
    throw DomainError.invalid(
      `${what}: at character ${syntaxError.location.start.column}: expected a field ` +
        '(name, creation_date, update_date, params.<key>, tags.<key> or metrics.<name>.<summary>)',
    );
  }
}

/** Peggy's message, said as a person would: what was expected, what was found. */
function describeSyntaxError(error: peggy.parser.SyntaxError): string {
  const expected = [
    ...new Set(
      error.expected
        ?.map((expectation) =>
          expectation.type === 'other'
            ? expectation.description
            : expectation.type === 'literal'
              ? JSON.stringify(expectation.text)
              : expectation.type === 'end'
                ? 'the end of the filter'
                : undefined,
        )
        .filter((description): description is string => description !== undefined),
    ),
  ];
  const found = error.found === null ? 'the end of the filter' : JSON.stringify(error.found);
  return expected.length
    ? `expected ${expected.join(' or ')}, found ${found}`
    : `unexpected ${found}`;
}
