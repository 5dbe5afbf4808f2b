import type { CurvePoint, Simulation } from '@app/domain';
import { Injectable } from '@nestjs/common';

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
export const DEFAULT_POINT_COUNT = 10;
export const DEFAULT_STEP_SECONDS = 10;

export function lossAt(seconds: number): number {
  return Math.round((LOSS_FLOOR + LOSS_AMPLITUDE / Math.sqrt(seconds)) * 1000) / 1000;
}

export function* emulateCurve(
  pointCount = DEFAULT_POINT_COUNT,
  stepSeconds = DEFAULT_STEP_SECONDS,
): Generator<CurvePoint> {
  for (let index = 1; index <= pointCount; index++) {
    const seconds = index * stepSeconds;
    yield { seconds, loss: lossAt(seconds) };
  }
}

/**
 * Chooses the curve a simulation emits. Throws NonRetryableRunError for a
 * simulation whose settings can never produce one, so it fails at once
 * instead of being retried.
 */
@Injectable()
export class CurveEmulator {
  curveFor(_simulation: Simulation): Iterable<CurvePoint> {
    return emulateCurve();
  }
}
