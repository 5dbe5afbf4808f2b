import { DomainError } from '../errors/domain-error';

/**
 * How a simulation's convergence curve is emulated. Stored with the
 * simulation, fully resolved at creation (a random seed is drawn then), so
 * every attempt of it produces the same curve.
 */
export interface CurveEmulation {
  /** Points in the curve. */
  points: number;
  /** Simulated seconds covered: point i (1-based) sits at spanSeconds · i / points. */
  spanSeconds: number;
  /**
   * Real milliseconds between points; 0 writes as fast as the database takes
   * them. Null: the worker's default pace, which keeps every run as long as
   * the default ten-point run (10 × SIMULATION_TICK_MS) whatever its length.
   */
  tickMs: number | null;
  /** Standard deviation of multiplicative log-normal noise on the loss; 0 for a smooth curve. */
  noise: number;
  /** Seeds the noise: the same seed gives the same curve. */
  seed: number;
  /** Decimal places the loss is rounded to. */
  decimals: number;
}

/**
 * The settings as they stand at the edges, in the API's bodies and in the
 * simulations.emulation column: the names clients and the original service use.
 */
export interface EmulationSettings {
  points: number;
  span_seconds: number;
  tick_ms: number | null;
  noise: number;
  seed: number;
  decimals: number;
}

export const CURVE_LIMITS = {
  maxPoints: 1_000_000,
  maxSpanSeconds: 1e9,
  maxTickMs: 60_000,
  /** points × tickMs: the longest a run may be planned to take (24 h). */
  maxPlannedMs: 86_400_000,
  maxNoise: 1,
  maxSeed: 2_147_483_647,
  maxDecimals: 12,
} as const;

/** Reproduces the original service's documented ten points exactly. */
export const DEFAULT_EMULATION: Readonly<CurveEmulation> = Object.freeze({
  points: 10,
  spanSeconds: 100,
  tickMs: null,
  noise: 0,
  seed: 0,
  decimals: 3,
});

export function toEmulationSettings(emulation: CurveEmulation): EmulationSettings {
  return {
    points: emulation.points,
    span_seconds: emulation.spanSeconds,
    tick_ms: emulation.tickMs,
    noise: emulation.noise,
    seed: emulation.seed,
    decimals: emulation.decimals,
  };
}

export function fromEmulationSettings(
  settings: Partial<EmulationSettings>,
): Partial<CurveEmulation> {
  const emulation: Partial<CurveEmulation> = {};
  if (settings.points != null) emulation.points = settings.points;
  if (settings.span_seconds != null) emulation.spanSeconds = settings.span_seconds;
  if (settings.tick_ms != null) emulation.tickMs = settings.tick_ms;
  if (settings.noise != null) emulation.noise = settings.noise;
  if (settings.seed != null) emulation.seed = settings.seed;
  if (settings.decimals != null) emulation.decimals = settings.decimals;
  return emulation;
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function integerBetween(field: string, value: unknown, min: number, max: number): string | null {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? null
    : `emulation.${field} must be an integer between ${min} and ${max}`;
}

/**
 * Everything wrong with emulation settings, each problem named by the field
 * clients know it by; none for settings a worker can run. Settings left out
 * are not problems. The one check of them: the API refuses a request with
 * problems, and the worker fails a stored simulation with problems at once
 * (something other than the API wrote it) instead of retrying it.
 */
export function emulationProblems(requested: Partial<CurveEmulation>): string[] {
  const problems: string[] = [];
  const { points, spanSeconds, tickMs, noise, seed, decimals } = requested;
  const check = (problem: string | null) => problem && problems.push(problem);
  if (points !== undefined) check(integerBetween('points', points, 1, CURVE_LIMITS.maxPoints));
  if (spanSeconds !== undefined) {
    if (!isNumber(spanSeconds)) check('emulation.span_seconds must be a number');
    else if (!(spanSeconds > 0)) check('emulation.span_seconds must be greater than 0');
    else if (spanSeconds > CURVE_LIMITS.maxSpanSeconds)
      check(`emulation.span_seconds must be at most ${CURVE_LIMITS.maxSpanSeconds}`);
  }
  if (tickMs !== undefined && tickMs !== null)
    check(integerBetween('tick_ms', tickMs, 0, CURVE_LIMITS.maxTickMs));
  if (noise !== undefined) {
    if (!isNumber(noise)) check('emulation.noise must be a number between 0 and 1');
    else if (noise < 0 || noise > CURVE_LIMITS.maxNoise)
      check('emulation.noise must be between 0 and 1');
  }
  if (seed !== undefined) check(integerBetween('seed', seed, 0, CURVE_LIMITS.maxSeed));
  if (decimals !== undefined)
    check(integerBetween('decimals', decimals, 0, CURVE_LIMITS.maxDecimals));
  if (problems.length === 0 && isNumber(points) && isNumber(tickMs)) {
    const plannedMs = points * tickMs;
    if (plannedMs > CURVE_LIMITS.maxPlannedMs) {
      check(
        `emulation.points × emulation.tick_ms must not exceed ${CURVE_LIMITS.maxPlannedMs} ms (24 hours); ` +
          `${points} × ${tickMs} is ${plannedMs}`,
      );
    }
  }
  return problems;
}

/**
 * Fills in what a client left out (a noisy curve without a seed gets a
 * random one) and checks the result; settings with problems are refused.
 */
export function resolveEmulation(
  requested: Partial<CurveEmulation> = {},
  randomSeed: () => number = () => 1 + Math.floor(Math.random() * CURVE_LIMITS.maxSeed),
): CurveEmulation {
  const noise = requested.noise ?? DEFAULT_EMULATION.noise;
  const emulation: CurveEmulation = {
    points: requested.points ?? DEFAULT_EMULATION.points,
    spanSeconds: requested.spanSeconds ?? DEFAULT_EMULATION.spanSeconds,
    tickMs: requested.tickMs ?? null,
    noise,
    seed: requested.seed ?? (noise > 0 ? randomSeed() : DEFAULT_EMULATION.seed),
    decimals: requested.decimals ?? DEFAULT_EMULATION.decimals,
  };
  const problems = emulationProblems(emulation);
  if (problems.length) throw DomainError.invalid(problems.join('; '), problems);
  return emulation;
}
