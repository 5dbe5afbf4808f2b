import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const FLAG = '--heap-growing-percent';

/**
 * How far V8 lets the old generation grow past what survived the last full
 * collection before it collects again. V8 picks a factor of up to 4× by
 * itself; under load the API's survivors are mostly requests in flight that
 * die soon after, so at 4× the process held several times its live heap in
 * garbage (docs/performance.md, scenario 9). A flag given on the command line
 * or in NODE_OPTIONS wins.
 */
export function limitHeapGrowth(percent: number): void {
  if (givenAtStart(/^--heap[-_]growing[-_]percent/)) return;
  setFlagsFromString(`${FLAG}=${percent}`);
}

const YOUNG_FLAG = '--semi-space-growth-factor';

/**
 * Caps the young generation at `capMb` (both semi-spaces). Node 24's V8
 * lets it grow to 128 MB under load, most of the API's peak. Its size limit
 * (`--max-semi-space-size`) is read once, at start, from the command line;
 * its growth factor is read whenever it grows, so growth starts switched
 * off and is switched on only while one more doubling stays within the cap,
 * looked at after every young collection (the only time it grows). Until
 * the first look (loading the app's modules) it stays at its initial size.
 * A `--max-semi-space-size` or growth factor given on the command line or
 * in NODE_OPTIONS wins.
 */
export function capYoungGeneration(capMb: number): void {
  if (givenAtStart(/^--(max[-_]semi[-_]space[-_]size|semi[-_]space[-_]growth[-_]factor)/)) return;
  const cap = capMb * 2 ** 20;
  let growing = false;
  setFlagsFromString(`${YOUNG_FLAG}=1`);
  const look = () => {
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    const mayGrow = young !== undefined && young.space_size * 2 <= cap;
    if (mayGrow === growing) return;
    growing = mayGrow;
    setFlagsFromString(`${YOUNG_FLAG}=${growing ? 2 : 1}`);
  };
  const isYoungCollection = (entry: PerformanceEntry) =>
    (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ===
    constants.NODE_PERFORMANCE_GC_MINOR;
  new PerformanceObserver((entries) => {
    if (entries.getEntries().some(isYoungCollection)) look();
  }).observe({ entryTypes: ['gc'] });
}

/** A node flag given on the command line or in NODE_OPTIONS: the operator's choice wins. */
function givenAtStart(flag: RegExp): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return given.some((argument) => flag.test(argument));
}
