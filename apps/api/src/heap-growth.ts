import { setFlagsFromString } from 'node:v8';

const FLAG = '--heap-growing-percent';

/**
 * How far V8 lets the old generation grow past what survived the last full
 * collection before it collects again. V8 picks a factor of up to 4× by
 * itself; under load the API's survivors are mostly requests in flight that
 * die soon after, so at 4× the process held several times its live heap in
 * garbage (README: performance, scenario 9). A flag given on the command line
 * or in NODE_OPTIONS wins.
 */
export function limitHeapGrowth(percent: number): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (given.some((flag) => flag.startsWith(FLAG) || flag.startsWith('--heap_growing_percent')))
    return;
  setFlagsFromString(`${FLAG}=${percent}`);
}
