/**
 * One point of a convergence curve: the loss `seconds` into the run. Its own
 * file, so the curve builder and the repositories that store and read curves
 * all import it without importing each other.
 */
export interface CurvePoint {
  seconds: number;
  /** The metric's value (the contract's one metric, loss, named it). */
  loss: number;
  /** The step the run gave with the point, if any. */
  step?: number | null;
}
