import {
  CurveEmulation,
  CurvePoint,
  DEFAULT_EMULATION,
  emulationProblems,
  seededNormal,
  Simulation,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { NonRetryableRunError } from './run-errors';

/**
 * The default curve reproduces the original service's documented example
 * exactly: ten points at 10, 20, …, 100 s whose loss, rounded to three
 * decimals, is 0.042, 0.033, 0.029, 0.027, 0.025, 0.024, 0.023, 0.023, 0.022,
 * 0.022. They follow a power-law decay toward a floor,
 *
 *     loss(t) = L∞ + A / √t,   L∞ = 0.0123, A = 0.0928,
 *
 * the usual shape of a training loss: fast early progress, then a plateau.
 * Every documented value lies at least 7.6e-5 from a rounding boundary, so
 * floating-point noise cannot flip a digit.
 */
export const LOSS_FLOOR = 0.0123;
export const LOSS_AMPLITUDE = 0.0928;

export function lossAt(seconds: number, decimals = DEFAULT_EMULATION.decimals): number {
  return roundTo(LOSS_FLOOR + LOSS_AMPLITUDE / Math.sqrt(seconds), decimals);
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/**
 * Point i (1-based) sits at span · i / points seconds. Noise multiplies the
 * loss by e^(noise · z), z standard normal from a seeded generator: it keeps
 * the loss positive, scales with it (as real loss noise does), and its rare
 * large draws make the spikes that sampling must not hide.
 */
export function* emulateCurve(
  emulation: CurveEmulation = DEFAULT_EMULATION,
): Generator<CurvePoint> {
  const { points, spanSeconds: span, noise, decimals } = emulation;
  const normal = noise > 0 ? seededNormal(emulation.seed) : null;
  for (let index = 1; index <= points; index++) {
    const seconds = (span * index) / points;
    const smooth = LOSS_FLOOR + LOSS_AMPLITUDE / Math.sqrt(seconds);
    const loss = normal ? smooth * Math.exp(noise * normal()) : smooth;
    yield { seconds, loss: roundTo(loss, decimals) };
  }
}

/** The real-time pace of a run: its own tick, or one that makes it last as long as the default run. */
export function tickMsFor(emulation: CurveEmulation, defaultTickMs: number): number {
  return emulation.tickMs ?? (defaultTickMs * DEFAULT_EMULATION.points) / emulation.points;
}

/** How long a run is planned to take in real time. */
export function plannedDurationMs(emulation: CurveEmulation, defaultTickMs: number): number {
  return tickMsFor(emulation, defaultTickMs) * emulation.points;
}

/**
 * Chooses the curve a simulation emits. Throws NonRetryableRunError for a
 * simulation whose settings can never produce one (written by something
 * other than the API, which validates them), so it fails at once instead of
 * being retried.
 */
@Injectable()
export class CurveEmulator {
  curveFor(simulation: Simulation): Iterator<CurvePoint> {
    const emulation = simulation.emulation ?? DEFAULT_EMULATION;
    const problems = emulationProblems(emulation);
    if (problems.length) {
      throw new NonRetryableRunError(`invalid emulation settings: ${problems.join('; ')}`);
    }
    return emulateCurve(emulation);
  }
}
