/**
 * One point of a convergence curve: the loss `seconds` into the run. Its own
 * file, so the curve builder and the repositories that store and read curves
 * all import it without importing each other.
 */
export interface CurvePoint {
  seconds: number;
  loss: number;
}
