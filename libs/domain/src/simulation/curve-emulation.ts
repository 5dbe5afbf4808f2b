/**
 * How a simulation's convergence curve is emulated. Stored with the
 * simulation, fully resolved at creation (a random seed is drawn then), so
 * every attempt of it produces the same curve.
 */
export interface CurveEmulation {
  /** Points in the curve. */
  points: number;
  /** Simulated seconds covered: point i (1-based) sits at span_seconds · i / points. */
  span_seconds: number;
  /**
   * Real milliseconds between points; 0 writes as fast as the database takes
   * them. Null: the worker's default pace, which keeps every run as long as
   * the default ten-point run (10 × SIMULATION_TICK_MS) whatever its length.
   */
  tick_ms: number | null;
  /** Standard deviation of multiplicative log-normal noise on the loss; 0 for a smooth curve. */
  noise: number;
  /** Seeds the noise: the same seed gives the same curve. */
  seed: number;
  /** Decimal places the loss is rounded to. */
  decimals: number;
}

export const CURVE_LIMITS = {
  maxPoints: 1_000_000,
  maxSpanSeconds: 1e9,
  maxTickMs: 60_000,
  /** points × tick_ms: the longest a run may be planned to take (24 h). */
  maxPlannedMs: 86_400_000,
  maxNoise: 1,
  maxSeed: 2_147_483_647,
  maxDecimals: 12,
} as const;

/** Reproduces the original service's documented ten points exactly. */
export const DEFAULT_EMULATION: Readonly<CurveEmulation> = Object.freeze({
  points: 10,
  span_seconds: 100,
  tick_ms: null,
  noise: 0,
  seed: 0,
  decimals: 3,
});

/** Fills in what a client left out; a noisy curve without a seed gets a random one. */
export function resolveEmulation(
  requested: Partial<CurveEmulation> = {},
  randomSeed: () => number = () => 1 + Math.floor(Math.random() * CURVE_LIMITS.maxSeed),
): CurveEmulation {
  const noise = requested.noise ?? DEFAULT_EMULATION.noise;
  return {
    points: requested.points ?? DEFAULT_EMULATION.points,
    span_seconds: requested.span_seconds ?? DEFAULT_EMULATION.span_seconds,
    tick_ms: requested.tick_ms ?? null,
    noise,
    seed: requested.seed ?? (noise > 0 ? randomSeed() : DEFAULT_EMULATION.seed),
    decimals: requested.decimals ?? DEFAULT_EMULATION.decimals,
  };
}
