import { GroupCommit, type GroupCommitOptions } from './group-commit';

interface Input {
  key: string;
  value: number;
  weight?: number;
}

/**
 * A group commit whose statements are recorded; each answers after
 * `delayMs` what `answer` makes of its inputs (their values doubled unless
 * given).
 */
function recorded(
  options: Partial<GroupCommitOptions<Input, number>> & {
    delayMs?: number;
    answer?: (inputs: Input[]) => number[];
  } = {},
) {
  const statements: Input[][] = [];
  const { delayMs = 5, answer = (inputs) => inputs.map((input) => input.value * 2) } = options;
  const commits = new GroupCommit<Input, number>({
    keyOf: (input) => input.key,
    weightOf: (input) => input.weight ?? 1,
    maxWeight: 100,
    gatherMs: 5,
    maxInFlight: 2,
    ...options,
    run: async (inputs) => {
      statements.push(inputs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return answer(inputs);
    },
  });
  const values = () => statements.map((inputs) => inputs.map((input) => input.value));
  return { commits, statements, values };
}

describe('GroupCommit', () => {
  it('sends inputs submitted together in one statement, each caller getting its own answer', async () => {
    const { commits, values } = recorded();
    const answers = await Promise.all(
      [1, 2, 3].map((value) => commits.submit({ key: `run ${value}`, value })),
    );
    expect(answers).toEqual([2, 4, 6]);
    expect(values()).toEqual([[1, 2, 3]]);
  });

  it('with gatherMs 0, sends what arrived together without waiting for a timer', async () => {
    // Timers that never fire unless told: the statement must leave without one.
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const statements: number[][] = [];
      const commits = new GroupCommit<Input, number>({
        run: async (inputs) => {
          statements.push(inputs.map((input) => input.value));
          return inputs.map((input) => input.value);
        },
        keyOf: (input) => input.key,
        maxWeight: 100,
        gatherMs: 0,
        maxInFlight: 1,
      });
      expect(
        await Promise.all([
          commits.submit({ key: 'a', value: 1 }),
          commits.submit({ key: 'b', value: 2 }),
        ]),
      ).toEqual([1, 2]);
      expect(statements).toEqual([[1, 2]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('never has two inputs of one key in a statement or in flight at once, and keeps their order', async () => {
    const inFlightByKey = new Map<string, number>();
    let overlapped = false;
    const statements: number[][] = [];
    const commits = new GroupCommit<Input, number>({
      run: async (inputs) => {
        statements.push(inputs.map((input) => input.value));
        for (const { key } of inputs) {
          if (inFlightByKey.get(key)) overlapped = true;
          inFlightByKey.set(key, 1);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
        for (const { key } of inputs) inFlightByKey.set(key, 0);
        return inputs.map((input) => input.value);
      },
      keyOf: (input) => input.key,
      maxWeight: 100,
      gatherMs: 1,
      maxInFlight: 4,
    });
    // Three inputs of run a, two of run b, submitted at once: four statements could be in flight.
    const submitted = [
      { key: 'a', value: 1 },
      { key: 'a', value: 2 },
      { key: 'b', value: 3 },
      { key: 'a', value: 4 },
      { key: 'b', value: 5 },
    ];
    expect(await Promise.all(submitted.map((input) => commits.submit(input)))).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(overlapped).toBe(false);
    expect(statements).toEqual([[1, 3], [2, 5], [4]]);
  });

  it('sends a statement as full as its weight allows; an input heavier than that goes alone', async () => {
    const { commits, values } = recorded({ maxInFlight: 1 });
    await Promise.all([
      commits.submit({ key: 'a', value: 1, weight: 60 }),
      commits.submit({ key: 'b', value: 2, weight: 30 }),
      commits.submit({ key: 'c', value: 3, weight: 30 }),
      commits.submit({ key: 'd', value: 4, weight: 250 }),
      commits.submit({ key: 'e', value: 5, weight: 10 }),
    ]);
    // All five wait when the first statement leaves (half its weight waiting sends at once): it
    // takes the oldest that fit, skipping those that do not; the heavy one goes by itself.
    expect(values()).toEqual([[1, 2, 5], [3], [4]]);
  });

  it('retries a refused statement one input per statement, so only the bad input fails', async () => {
    const { commits, values } = recorded({
      maxInFlight: 1,
      answer: (inputs) => {
        if (inputs.some((input) => input.value < 0)) throw new Error('a negative value');
        return inputs.map((input) => input.value);
      },
    });
    const answers = await Promise.allSettled([
      commits.submit({ key: 'a', value: 1 }),
      commits.submit({ key: 'b', value: -2 }),
      commits.submit({ key: 'c', value: 3 }),
    ]);
    expect(answers).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('a negative value') },
      { status: 'fulfilled', value: 3 },
    ]);
    expect(values()).toEqual([[1, -2, 3], [1], [-2], [3]]);
  });

  it('fails every caller of a statement that lost its connection, without retrying', async () => {
    const { commits, statements } = recorded({
      maxInFlight: 1,
      answer: () => {
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '57P01' });
      },
    });
    const answers = await Promise.allSettled([
      commits.submit({ key: 'a', value: 1 }),
      commits.submit({ key: 'b', value: 2 }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect(statements).toHaveLength(1);
  });
});
