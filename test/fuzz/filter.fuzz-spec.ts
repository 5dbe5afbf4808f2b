// `npm run test:fuzz`: the search language against a model of itself. Filters
// are generated from its grammar (with hostile strings for values and keys),
// printed with random case and spacing, and sent to the real API over runs
// seeded with random params, tags and metric summaries; each answer must be
// exactly the runs a small evaluator in this file says match. Broken filters
// (generated ones cut, spliced and sprinkled with characters) must answer a
// 400, never a 5xx. And every filter's SQL must hold nothing the client
// wrote: its words are the statement's own vocabulary, its values `$n`.
// FUZZ_FILTERS sets the count (1,500 of each by default), FUZZ_SEED replays a run.
import fc, { Arbitrary } from 'fast-check';
import {
  Comparator,
  FilterExpression,
  FilterValue,
  parseFilter,
  SqlParameters,
  filterCondition,
  SimulationStatus,
} from '@app/domain';
import { seedMachine, seedRunData, seedSimulation } from '@app/domain/testing';
import { Role } from '@app/auth';
import { E2eStack } from '../e2e-stack';

const FILTERS = Number(process.env.FUZZ_FILTERS ?? 1_500);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = 40;
/** Creation order is not id order, and some runs share a date (ties go by id). */
const createdAt = (id: number) => new Date(Date.UTC(2026, 0, 1, (id * 7) % 25));
const inCreationOrder = (ids: number[]) =>
  [...ids].sort((a, b) => createdAt(a).getTime() - createdAt(b).getTime() || a - b);

const PARAM_KEYS = ['lr', 'batch size', 'opt', 'a.b/c:d', 'flag'];
const TAG_KEYS = ['team', 'note', 'x-y'];
const METRIC_NAMES = ['loss', 'val_loss', 'val.acc'];
const SUMMARIES = ['last', 'min', 'max', 'count'] as const;
const WORDS = [
  'adam',
  'sgd',
  "it's",
  'a"b',
  '%',
  '_',
  'x\\y',
  "'; DROP TABLE simulations; --",
  'Ω',
];
const STATUSES = Object.values(SimulationStatus);

interface ModelRun {
  id: number;
  name: string;
  status: string;
  machineId: number;
  params: Record<string, number | string | boolean>;
  tags: Record<string, string>;
  metrics: Record<string, Record<(typeof SUMMARIES)[number], number>>;
}

// ---- the model: what a filter means, evaluated over the seeded runs ----

function matches(expression: FilterExpression, run: ModelRun): boolean {
  switch (expression.kind) {
    case 'and':
      return expression.of.every((part) => matches(part, run));
    case 'or':
      return expression.of.some((part) => matches(part, run));
    case 'not':
      return !matches(expression.of, run);
    case 'compare':
      return compareField(expression.field.path, expression.comparator, expression.value, run);
    case 'in': {
      const any = expression.values.some((value) =>
        compareField(expression.field.path, '=', value, run),
      );
      return expression.negated ? !any : any;
    }
    case 'like': {
      const value = valueOf(expression.field.path, run);
      const hit = typeof value === 'string' && likeToRegExp(expression.pattern).test(value);
      return expression.negated ? !hit : hit;
    }
  }
}

function valueOf(path: string[], run: ModelRun): FilterValue | undefined {
  const [root, ...rest] = path;
  if (root === 'params') return run.params[rest.join('.')];
  if (root === 'tags') return run.tags[rest.join('.')];
  if (root === 'metrics')
    return run.metrics[rest.slice(0, -1).join('.')]?.[rest[rest.length - 1] as 'min'];
  if (root === 'name') return run.name;
  if (root === 'status') return run.status;
  if (root === 'machine_id') return run.machineId;
  if (root === 'simulation_id') return run.id;
  return undefined;
}

function compareField(
  path: string[],
  comparator: Comparator,
  wanted: FilterValue,
  run: ModelRun,
): boolean {
  const value = valueOf(path, run);
  // Only values of the same type compare, as the SQL probes each type's own column.
  if (value === undefined || typeof value !== typeof wanted) return false;
  const order = value < wanted ? -1 : value > wanted ? 1 : 0;
  switch (comparator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/** SQL LIKE: % any run, _ one character, a backslash takes the next literally. */
function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i];
    if (character === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
    else if (character === '%') source += '[\\s\\S]*';
    else if (character === '_') source += '[\\s\\S]';
    else source += escapeRegExp(character);
  }
  return new RegExp(`^${source}$`, 'u');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- generating filters: an expression, then its text ----

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const keyPart = (key: string) => (/^[A-Za-z0-9_\-:/]+$/.test(key) ? key : `\`${key}\``);
const spaced = fc.constantFrom(' ', '  ', '\n', '\t ');
const keyword = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) =>
      [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
    );

const numberValue = fc.oneof(
  fc.constantFrom(0, 1, 0.5, 0.01, 0.1, 0.2, -1, 1e-3, 100),
  fc
    .double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true })
    .map((x) => Math.round(x * 100) / 100),
);
const textValue = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 }));

/** A comparison the model and the API both understand, as text. */
const comparison: Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...PARAM_KEYS),
      fc.constantFrom<Comparator>('=', '!=', '<', '<=', '>', '>='),
      numberValue,
    )
    .map(([key, op, value]) => `params.${keyPart(key)} ${op} ${value}`),
  fc
    .tuple(
      fc.constantFrom(...PARAM_KEYS, ...TAG_KEYS),
      fc.constantFrom('=', '!='),
      textValue,
      fc.boolean(),
    )
    .map(
      ([key, op, value, tag]) =>
        `${tag && TAG_KEYS.includes(key) ? 'tags' : 'params'}.${keyPart(key)} ${op} ${quote(value)}`,
    ),
  fc
    .tuple(fc.constantFrom('flag', 'opt'), fc.boolean(), fc.constantFrom('=', '!='))
    .map(([key, value, op]) => `params.${keyPart(key)} ${op} ${value}`),
  fc
    .tuple(
      fc.constantFrom(...METRIC_NAMES),
      fc.constantFrom(...SUMMARIES),
      fc.constantFrom('<', '>=', '='),
      numberValue,
    )
    .map(([name, summary, op, value]) => `metrics.${keyPart(name)}.${summary} ${op} ${value}`),
  fc
    .tuple(
      fc.constantFrom('name', 'tags.team', 'params.opt'),
      fc.constantFrom('a%', '%a%', '_dam', '%\\%%', "%'%", 'sweep-%'),
      fc.boolean(),
    )
    .map(([field, pattern, negated]) => `${field} ${negated ? 'NOT ' : ''}LIKE ${quote(pattern)}`),
  fc
    .tuple(
      fc.constantFrom('params.opt', 'status'),
      fc.array(fc.constantFrom(...WORDS, ...STATUSES), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
    )
    .map(
      ([field, values, negated]) =>
        `${field} ${negated ? 'NOT ' : ''}IN (${values
          .filter((v) => field !== 'status' || STATUSES.includes(v as SimulationStatus))
          .concat(field === 'status' ? ['finished'] : [])
          .map(quote)
          .join(', ')})`,
    ),
  fc
    .tuple(
      fc.constantFrom('machine_id', 'simulation_id'),
      fc.constantFrom('=', '<', '>='),
      fc.integer({ min: 0, max: RUNS + 2 }),
    )
    .map(([field, op, value]) => `${field} ${op} ${value}`),
);

const filterText: Arbitrary<string> = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc
      .tuple(tie('expression'), keyword('and'), tie('expression'), spaced)
      .map(([a, k, b, s]) => `${a}${s}${k}${s}${b}`),
    fc
      .tuple(tie('expression'), keyword('or'), tie('expression'), spaced)
      .map(([a, k, b, s]) => `${a}${s}${k}${s}${b}`),
    fc.tuple(keyword('not'), tie('expression')).map(([k, a]) => `${k} (${a})`),
    tie('expression').map((a) => `(${a})`),
  ),
})).expression;

/** A filter broken on purpose: cut, spliced, or sprinkled with characters. */
const brokenText: Arbitrary<string> = fc.oneof(
  fc.tuple(filterText, fc.nat()).map(([text, at]) => text.slice(0, at % Math.max(1, text.length))),
  fc
    .tuple(
      filterText,
      fc.nat(),
      fc.constantFrom('(', ')', "'", '"', '`', '.', '=', ',', 'AND', '\\', '\0', '\u{1F600}'),
    )
    .map(([text, at, insert]) => {
      const position = at % (text.length + 1);
      return text.slice(0, position) + insert + text.slice(position);
    }),
  fc.string({ maxLength: 40 }),
);

// ---- what the SQL may contain: its own words only ----

const SQL_VOCABULARY = new Set(
  (
    'EXISTS SELECT FROM WHERE AND OR NOT LIKE left run run_params run_tags run_metrics p t m ' +
    'simulation_id key number text flag value name attempt count last_value min_value max_value ' +
    'status machine_id program created_by creation_date update_date started_at finished_at ' +
    'bigint integer double precision boolean timestamptz ROW run_number_point OFFSET'
  ).split(' '),
);

function assertOnlyOwnWords(filter: string): void {
  const parameters = new SqlParameters();
  let sql: string;
  try {
    sql = filterCondition(filter, parameters);
  } catch {
    return; // refused before any SQL was made
  }
  if (sql.includes("'") || sql.includes('"') || sql.includes(';') || sql.includes('--'))
    throw new Error(`the SQL of ${JSON.stringify(filter)} holds a quote or a separator: ${sql}`);
  for (const word of sql.match(/[A-Za-z_]+/g) ?? [])
    if (!SQL_VOCABULARY.has(word))
      throw new Error(`the SQL of ${JSON.stringify(filter)} holds "${word}": ${sql}`);
}

describe(`fuzzing the search language against its model (${FILTERS} filters, seed ${SEED})`, () => {
  let stack: E2eStack;
  const runs: ModelRun[] = [];

  beforeAll(async () => {
    stack = await E2eStack.start();
    await stack.reset();
    process.stdout.write(`fuzz filters: seed ${SEED} (replay: FUZZ_SEED=${SEED})\n`);
    await seedMachine(stack.db, { machine_id: 1 });
    await seedMachine(stack.db, { machine_id: 2 });
    const random = fc.sample(
      fc.record({
        name: fc.constantFrom('sweep-a', 'sweep-b', 'adam', "o'neil", '100%', 'base_line'),
        status: fc.constantFrom(...STATUSES),
        params: fc.dictionary(
          fc.constantFrom(...PARAM_KEYS),
          fc.oneof(numberValue, textValue, fc.boolean()),
        ),
        tags: fc.dictionary(fc.constantFrom(...TAG_KEYS), textValue),
        metrics: fc.dictionary(
          fc.constantFrom(...METRIC_NAMES),
          fc.tuple(numberValue, numberValue, numberValue, fc.integer({ min: 1, max: 5 })),
        ),
      }),
      { seed: SEED, numRuns: RUNS },
    );
    for (const [index, run] of random.entries()) {
      const id = index + 1;
      const model: ModelRun = {
        id,
        name: run.name,
        status: run.status,
        machineId: (id % 2) + 1,
        params: run.params,
        // Postgres text holds no NUL; the model's runs hold what the table can.
        tags: Object.fromEntries(
          Object.entries(run.tags).map(([k, v]) => [k, v.replace(/\0/g, '')]),
        ),
        metrics: Object.fromEntries(
          Object.entries(run.metrics).map(([name, [a, b, c, count]]) => {
            const [min, last, max] = [a, b, c].sort((x, y) => x - y);
            return [name, { min, last, max, count }];
          }),
        ),
      };
      model.params = Object.fromEntries(
        Object.entries(model.params).map(([k, v]) => [
          k,
          typeof v === 'string' ? v.replace(/\0/g, '') : v,
        ]),
      );
      runs.push(model);
      await seedSimulation(stack.db, {
        simulation_id: id,
        name: model.name,
        machine_id: model.machineId,
        status: model.status as SimulationStatus,
        attempt: 1,
        creation_date: createdAt(id),
      });
      await seedRunData(stack.db, id, {
        params: model.params,
        tags: model.tags,
        metrics: model.metrics,
      });
    }
  });
  afterAll(() => stack.close());

  it('answers exactly the runs the model matches, for every generated filter', async () => {
    const filters = fc.sample(filterText, { seed: SEED, numRuns: FILTERS });
    const mismatches: string[] = [];
    let matched = 0;
    for (const filter of filters) {
      assertOnlyOwnWords(filter);
      const expected = runs.filter((run) => matches(parseFilter(filter), run)).map((run) => run.id);
      const answer = await stack
        .as(Role.Viewer)
        .get(`/simulations?order_by=name&limit=1000&filter=${encodeURIComponent(filter)}`);
      if (answer.status !== 200) {
        mismatches.push(`${filter} → ${answer.status} ${JSON.stringify(answer.body)}`);
        continue;
      }
      const got = (answer.body as Array<{ simulation_id: number }>)
        .map((row) => row.simulation_id)
        .sort((a, b) => a - b);
      // In creation order an equality on a param or a tag leads the walk: the same runs, in that order.
      const created = await stack
        .as(Role.Viewer)
        .get(`/simulations?order_by=creation_date&limit=1000&filter=${encodeURIComponent(filter)}`);
      const inOrder = (created.body as Array<{ simulation_id: number }>).map(
        (row) => row.simulation_id,
      );
      if (JSON.stringify(got) !== JSON.stringify(expected))
        mismatches.push(
          `${filter} → ${JSON.stringify(got)}, the model says ${JSON.stringify(expected)}`,
        );
      else if (JSON.stringify(inOrder) !== JSON.stringify(inCreationOrder(expected)))
        mismatches.push(
          `${filter} in creation order → ${created.status} ${JSON.stringify(inOrder)}, ` +
            `the model says ${JSON.stringify(inCreationOrder(expected))}`,
        );
      else if (expected.length) matched++;
      if (mismatches.length >= 5) break;
    }
    process.stdout.write(`fuzz filters: ${filters.length} filters, ${matched} matched some run\n`);
    expect(mismatches).toEqual([]);
    // A generator that never matched anything would test nothing.
    expect(matched).toBeGreaterThan(filters.length / 10);
  });

  it('answers 400 (never 5xx) for broken filters, and their SQL holds nothing the client wrote', async () => {
    const broken = fc.sample(brokenText, { seed: SEED, numRuns: FILTERS });
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    for (const filter of broken) {
      assertOnlyOwnWords(filter);
      const answer = await stack
        .as(Role.Viewer)
        .get(`/simulations?limit=5&filter=${encodeURIComponent(filter)}`);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status !== 200 && answer.status !== 400)
        problems.push(
          `${JSON.stringify(filter)} → ${answer.status} ${JSON.stringify(answer.body)}`,
        );
      else if (answer.status === 400 && !/filter/.test(answer.body.message))
        problems.push(
          `${JSON.stringify(filter)} → 400 not naming the filter: ${answer.body.message}`,
        );
    }
    process.stdout.write(
      `fuzz filters: ${broken.length} broken filters, statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}\n`,
    );
    expect(problems).toEqual([]);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(broken.length / 2);
  });
});
