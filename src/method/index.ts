/**
 * The method (shared/METHOD.md) as pure functions over a journey snapshot: `plan` for the
 * phase, gates, locks, next steps and metrics; `timing` for when to reach out. No IO, no
 * clock: `now` is always a parameter.
 */
export { DEFAULTS, type MethodSettings, resolveSettings } from './defaults.js';
export { type Instant, type PlanOptions, plan, toEpochMs } from './plan.js';
export * from './schema.js';
export { TIMING_HORIZON_DAYS, timing } from './timing.js';
export type * from './types.js';
export { CRISIS_LOOKBACK_DAYS, type CrisisDetector } from './well-being.js';
