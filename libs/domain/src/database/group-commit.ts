import { isConnectionError } from './connection-errors';

export interface GroupCommitOptions<I, R> {
  /** Runs one statement for all the inputs; answers in the same order. */
  run(inputs: I[]): Promise<R[]>;
  /**
   * Inputs with the same key never share a statement, nor are in flight at
   * once: they go one after the other, in the order submitted (their checks
   * are per key).
   */
  keyOf(input: I): string;
  /** What an input weighs toward maxWeight (1 unless given). */
  weightOf?(input: I): number;
  /** Weight one statement carries at most; a single heavier input still goes, alone. */
  maxWeight: number;
  /**
   * How long an input waits for others to share its statement; 0, no timer
   * (inputs still share it when they arrive together or while others are in
   * flight).
   */
  gatherMs: number;
  /** Statements in flight at once. */
  maxInFlight: number;
  /** Told the size of each statement sent. */
  onStatement?(inputs: number): void;
}

interface Pending<I, R> {
  input: I;
  weight: number;
  /** Sent in a statement of its own (after a combined statement was refused). */
  alone: boolean;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit: callers each submit one input and await its own answer, but
 * inputs submitted within `gatherMs` of each other, or while statements are
 * in flight, leave in one statement. Under load a statement's round trip
 * costs far more in scheduling than Postgres spends on it, so a thousand
 * runs making one statement each queue for the pool; grouped, they wait a
 * few milliseconds (figures in docs/performance.md).
 * Enough weight waiting (half a statement) leaves at once.
 *
 * A combined statement refused for any reason other than the connection is
 * retried one input per statement, so one bad input fails only its caller.
 */
export class GroupCommit<I, R> {
  private waiting: Pending<I, R>[] = [];
  private waitingWeight = 0;
  private inFlight = 0;
  /** Keys of the inputs in flight: another input with one waits for its statement to end. */
  private readonly inFlightKeys = new Set<string>();
  /** The waiting inputs have gathered long enough (or weigh enough): send when a slot is free. */
  private due = false;
  private gatherTimer?: NodeJS.Timeout;

  constructor(private readonly options: GroupCommitOptions<I, R>) {}

  submit(input: I): Promise<R> {
    return new Promise((resolve, reject) => {
      const weight = this.options.weightOf?.(input) ?? 1;
      this.waiting.push({ input, weight, alone: false, resolve, reject });
      this.waitingWeight += weight;
      // Gathering 0 ms: what arrived in this turn of the event loop leaves together.
      if (this.waitingWeight >= this.options.maxWeight / 2 || this.options.gatherMs === 0) {
        if (!this.due) {
          this.due = true;
          setImmediate(() => this.sendWaiting());
        }
      } else {
        this.gatherTimer ??= setTimeout(() => {
          this.gatherTimer = undefined;
          this.due = true;
          this.sendWaiting();
        }, this.options.gatherMs);
      }
    });
  }

  private sendWaiting(): void {
    while (this.due && this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const group = this.takeGroup();
      // Every waiting input's key is in flight: the statement that ends first sends again.
      if (group.length === 0) break;
      const keys = group.map((pending) => this.options.keyOf(pending.input));
      for (const key of keys) this.inFlightKeys.add(key);
      this.inFlight++;
      void this.send(group).finally(() => {
        this.inFlight--;
        for (const key of keys) this.inFlightKeys.delete(key);
        this.sendWaiting();
      });
    }
    if (this.waiting.length === 0) {
      this.due = false;
      clearTimeout(this.gatherTimer);
      this.gatherTimer = undefined;
    }
  }

  /**
   * The oldest waiting inputs that fit in one statement, one per key and
   * none whose key is in flight; an input to go alone goes alone.
   */
  private takeGroup(): Pending<I, R>[] {
    const group: Pending<I, R>[] = [];
    const left: Pending<I, R>[] = [];
    const keys = new Set<string>();
    let weight = 0;
    for (const pending of this.waiting) {
      const key = this.options.keyOf(pending.input);
      const fits =
        !this.inFlightKeys.has(key) &&
        !keys.has(key) &&
        (group.length === 0 ||
          (!group[0].alone && !pending.alone && weight + pending.weight <= this.options.maxWeight));
      if (!fits) {
        left.push(pending);
        continue;
      }
      group.push(pending);
      keys.add(key);
      weight += pending.weight;
    }
    this.waiting = left;
    for (const pending of group) this.waitingWeight -= pending.weight;
    return group;
  }

  private async send(group: Pending<I, R>[]): Promise<void> {
    this.options.onStatement?.(group.length);
    try {
      const results = await this.options.run(group.map((pending) => pending.input));
      group.forEach((pending, index) => pending.resolve(results[index]));
    } catch (error) {
      if (group.length > 1 && !isConnectionError(error)) {
        for (const pending of group) pending.alone = true;
        this.waiting.unshift(...group);
        this.waitingWeight += group.reduce((sum, pending) => sum + pending.weight, 0);
        this.due = true;
        return;
      }
      for (const pending of group) pending.reject(error);
    }
  }
}
