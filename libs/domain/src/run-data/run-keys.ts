/**
 * The names of params, tags and metrics: 1 to 250 letters, digits, spaces
 * and `_ - . / :` (MLflow's key alphabet, plus the colon), but not `.` or
 * `..` alone: a metric's name is a path segment, and every URL client
 * resolves those away (`/metrics/.` is sent as `/metrics/`). ASCII only, so
 * a key's bytes are its characters and an index entry of key and value stays
 * within what a B-tree page holds. Written without lookahead, which the
 * OpenAPI document's consumers (and its fuzzer) may not implement.
 */
export const RUN_KEY_PATTERN =
  /^(?:[A-Za-z0-9_\-/: ][A-Za-z0-9_\-./: ]{0,249}|\.[A-Za-z0-9_\-/: ][A-Za-z0-9_\-./: ]{0,248}|\.\.[A-Za-z0-9_\-./: ]{1,248})$/;

/** RUN_KEY_PATTERN said for people, in messages and the API description. */
export const RUN_KEY_RULE = '1 to 250 letters, digits, spaces and _ - . / :, not . or .. alone';

/** The bounds on what a run carries, documented in docs/api.md and enforced with a 400 naming the key. */
export const RUN_DATA_LIMITS = {
  maxKeyLength: 250,
  maxParams: 200,
  maxParamTextLength: 500,
  maxTags: 200,
  maxTagValueLength: 5000,
  maxMetrics: 1000,
} as const;
