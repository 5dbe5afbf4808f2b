/**
 * The names of params, tags and metrics: 1 to 250 letters, digits, spaces
 * and `_ - . / :` (MLflow's key alphabet, plus the colon). ASCII only, so a
 * key's bytes are its characters and an index entry of key and value stays
 * within what a B-tree page holds.
 */
export const RUN_KEY_PATTERN = /^[A-Za-z0-9_\-./: ]{1,250}$/;

/** The bounds on what a run carries, documented in docs/runs.md and enforced with a 400 naming the key. */
export const RUN_DATA_LIMITS = {
  maxKeyLength: 250,
  maxParams: 200,
  maxParamTextLength: 500,
  maxTags: 200,
  maxTagValueLength: 5000,
  maxMetrics: 1000,
} as const;
