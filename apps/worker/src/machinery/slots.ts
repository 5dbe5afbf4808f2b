/**
 * At most `size` holders at once; the rest wait in arrival order. A pool
 * worker consumes every machine's queue, and this keeps its runs, across all
 * of them, within WORKER_CONCURRENCY.
 */
export class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async acquire(): Promise<() => void> {
    if (this.used < this.size) {
      this.used++;
    } else {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    };
  }
}
