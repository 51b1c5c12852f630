/**
 * Olive Branch's content, in our own words: lessons for each principle, reflection prompts,
 * the safety screening, starter drafts, help resources, the SOS screen and the app's copy.
 * Pure data and small pure helpers: no IO, no DOM, safe in the browser, the server and the CLI.
 */
export * from './assessment.js';
export * from './copy.js';
export * from './help.js';
export * from './lessons.js';
export * from './reflection.js';
export * from './safety.js';
export * from './sos.js';
export * from './starters.js';
