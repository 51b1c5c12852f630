/** The message coach: pure, synchronous, runs anywhere (CLI, server, Web Worker). */
export { analyze, hasCrisisLanguage, verdictOf } from './analyze.js';
export { CHANNEL_RUNG, ContextError, contextFindings, LADDER, LENGTH_LIMITS } from './context.js';
export { crisisFindings } from './crisis/detector.js';
export { normalize, toOriginal } from './normalize.js';
export { allRules } from './rules/index.js';
export * from './types.js';
