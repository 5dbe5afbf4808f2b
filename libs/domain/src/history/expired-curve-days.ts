/**
 * expired_curve_days' project for the global retention: its records hold for
 * every project without a retention of its own (project ids start at 1).
 */
export const EVERY_OTHER_PROJECT = 0;
