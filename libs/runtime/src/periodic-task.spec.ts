import { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  let passes: number[];
  let finishPass: (() => void) | undefined;
  let task: PeriodicTask;
  const started = Date.now();

  beforeEach(() => {
    jest.useFakeTimers({ now: started });
    passes = [];
    finishPass = undefined;
    task = new PeriodicTask(
      'test',
      10_000,
      () =>
        new Promise<void>((resolve) => {
          passes.push(Date.now() - started);
          finishPass = resolve;
        }),
      new Logger('test'),
    );
  });

  afterEach(async () => {
    finishPass?.();
    jest.useRealTimers();
    await task.stop();
  });

  /** Lets the pass in progress end, and the promise callbacks after it run. */
  const endPass = async () => {
    finishPass?.();
    await Promise.resolve();
    await jest.advanceTimersByTimeAsync(0);
  };

  it('runs a pass every interval', async () => {
    task.start(0);
    await jest.advanceTimersByTimeAsync(0);
    await endPass();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(passes).toEqual([0, 10_000]);
  });

  it('runs an extra pass when asked, then the regular ones an interval after it', async () => {
    task.start(10_000);
    task.runExtraPass(3_000);
    await jest.advanceTimersByTimeAsync(3_000);
    expect(passes).toEqual([3_000]);
    await endPass();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(passes).toEqual([3_000, 13_000]);
  });

  it('keeps an extra pass asked for after the regular one, and runs both', async () => {
    task.start(2_000);
    task.runExtraPass(5_000);
    await jest.advanceTimersByTimeAsync(2_000);
    await endPass();
    await jest.advanceTimersByTimeAsync(3_000);
    expect(passes).toEqual([2_000, 5_000]);
  });

  it('asked twice before it ran, runs one extra pass, at the later time', async () => {
    task.start(20_000);
    task.runExtraPass(3_000);
    task.runExtraPass(6_000);
    await jest.advanceTimersByTimeAsync(5_999);
    expect(passes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toEqual([6_000]);
  });

  it('asked during a pass for a time the pass outlasts, runs the extra one as soon as it ends', async () => {
    task.start(0);
    await jest.advanceTimersByTimeAsync(0);
    task.runExtraPass(1_000);
    await jest.advanceTimersByTimeAsync(4_000);
    expect(passes).toEqual([0]);
    await endPass();
    expect(passes).toEqual([0, 4_000]);
  });

  it('does nothing once stopped', async () => {
    task.start(10_000);
    await task.stop();
    task.runExtraPass(0);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(passes).toEqual([]);
  });
});
