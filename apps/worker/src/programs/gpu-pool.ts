/**
 * The worker's GPUs, each given to one run at a time: a run needing n gets n
 * free ones or none at all, so two runs never share a GPU.
 */
export class GpuPool {
  private readonly free: string[];

  constructor(readonly inventory: readonly string[]) {
    this.free = [...inventory];
  }

  get freeCount(): number {
    return this.free.length;
  }

  /** `count` free GPUs, now given out; null when fewer are free. */
  take(count: number): string[] | null {
    if (count === 0) return [];
    if (count > this.free.length) return null;
    return this.free.splice(0, count);
  }

  give(gpus: readonly string[]): void {
    for (const gpu of gpus)
      if (this.inventory.includes(gpu) && !this.free.includes(gpu)) this.free.push(gpu);
    // Lowest index first, as a person reading nvidia-smi would hand them out.
    this.free.sort((a, b) => Number(a) - Number(b));
  }
}
