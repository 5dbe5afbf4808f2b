// The longest each kind of text in an answer can be: documented on every
// string the API sends, so that a client (or a gateway) can hold it to that.

/** Names of simulations, machines and API clients (validated on the way in). */
export const NAME_MAX_LENGTH = 255;
/** An instant as `Date.toISOString()` writes it, six-digit years included. */
export const INSTANT_MAX_LENGTH = 32;
/** Worker ids and creators (token subjects), as their columns hold them. */
export const IDENTITY_MAX_LENGTH = 200;
/** API client ids. */
export const CLIENT_ID_MAX_LENGTH = 64;
/** Why an attempt failed: the worker's words, or an imported record's, cut to this. */
export const REASON_MAX_LENGTH = 2_000;

/** A failure reason as answers carry it: at most REASON_MAX_LENGTH characters. */
export function boundedReason(reason: string): string;
export function boundedReason(reason: string | null): string | null;
export function boundedReason(reason: string | null): string | null {
  if (reason === null || reason.length <= REASON_MAX_LENGTH) return reason;
  return `${reason.slice(0, REASON_MAX_LENGTH - 1)}…`;
}
