import { GpuPool } from './gpu-pool';

describe('GpuPool', () => {
  it('gives each GPU to one run at a time, all asked for or none', () => {
    const pool = new GpuPool(['0', '1', '2']);
    expect(pool.take(2)).toEqual(['0', '1']);
    expect(pool.take(2)).toBeNull();
    expect(pool.freeCount).toBe(1);
    expect(pool.take(1)).toEqual(['2']);
    expect(pool.take(0)).toEqual([]);
    pool.give(['1']);
    pool.give(['1']);
    expect(pool.take(2)).toBeNull();
    pool.give(['0', '2', '7']);
    expect(pool.take(3)).toEqual(['0', '1', '2']);
  });
});
