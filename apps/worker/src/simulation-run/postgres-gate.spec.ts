import { PostgresGate } from './postgres-gate';

describe('PostgresGate', () => {
  let answers: boolean;
  let calls: string[];
  let gate: PostgresGate;

  beforeEach(() => {
    jest.useFakeTimers();
    answers = false;
    calls = [];
    gate = new PostgresGate(
      async () => {
        calls.push('probe');
        if (!answers) throw new Error('no answer');
      },
      async () => void calls.push('stop taking'),
      async () => void calls.push('start taking'),
    );
  });

  afterEach(() => {
    gate.stop();
    jest.useRealTimers();
  });

  it('stops taking runs once, however often it is closed', () => {
    gate.close('claim unanswered');
    gate.close('claim unanswered');
    expect(gate.closed).toBe(true);
    expect(calls).toEqual(['stop taking']);
  });

  it('probes every second while Postgres is silent, and opens when it answers', async () => {
    gate.close('claim unanswered');
    await jest.advanceTimersByTimeAsync(3_000);
    expect(calls.filter((call) => call === 'probe').length).toBe(3);
    expect(gate.closed).toBe(true);
    answers = true;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(gate.closed).toBe(false);
    expect(calls.at(-1)).toBe('start taking');
  });

  it('counts a probe that hangs as no answer', async () => {
    gate = new PostgresGate(
      () => new Promise(() => undefined),
      async () => undefined,
      async () => void calls.push('start taking'),
    );
    gate.close('claim unanswered');
    await jest.advanceTimersByTimeAsync(5_000);
    expect(gate.closed).toBe(true);
    expect(calls).not.toContain('start taking');
  });
});
