/**
 * The heavy jobs, run on a worker thread of the pool in jobs.ts so the event loop keeps
 * answering everyone else. Pure functions of their input: no store, no clock, no IO.
 */
import { analyze, ContextError } from '../coach/index.js';
import { type DraftContext, DraftTooLongError } from '../coach/types.js';
import { plan } from '../method/index.js';
import { type JourneySnapshot, parseSnapshot } from '../method/schema.js';
import { toMarkdown } from './markdown.js';
import { jsonDepth, MAX_JSON_DEPTH } from './validate.js';

/** What each job takes and gives back (both cross the thread boundary by structured clone). */
export interface JobTypes {
  /** A draft or context the coach refuses comes back as `refused` (errors lose their class across threads). */
  analyze: {
    input: { text: string; context: DraftContext };
    output:
      | { report: ReturnType<typeof analyze> }
      | { refused: { field: 'text' | 'sendAt'; message: string } };
  };
  /** A big journey comes as its JSON text (see stringifyInSlices in jobs.ts). */
  plan: { input: { snapshot: JourneySnapshot | string; now: string }; output: ReturnType<typeof plan> };
  markdown: { input: { snapshot: JourneySnapshot | string; exportedAt: string }; output: string };
  /** The nesting depth is checked here too (a scan of megabytes is itself heavy work). */
  parseImport: {
    input: { text: string };
    output: ReturnType<typeof parseSnapshot> | { malformed: string } | { tooDeep: true };
  };
}
export type JobName = keyof JobTypes;

/**
 * Runs one job by name. Errors thrown here (a coach ContextError, say) reach the caller
 * with their name and message.
 *
 * @example
 * runJob({ name: 'plan', input: { snapshot, now: '2026-03-01T12:00:00Z' } })
 */
export function runJob<N extends JobName>(task: {
  name: N;
  input: JobTypes[N]['input'];
}): JobTypes[N]['output'] {
  const input = task.input as never;
  return JOBS[task.name](input) as JobTypes[N]['output'];
}

/** The snapshot as objects; its JSON text was made from a validated snapshot by the server. */
function journey(snapshot: JourneySnapshot | string): JourneySnapshot {
  return typeof snapshot === 'string' ? (JSON.parse(snapshot) as JourneySnapshot) : snapshot;
}

const JOBS: { [N in JobName]: (input: JobTypes[N]['input']) => JobTypes[N]['output'] } = {
  analyze: ({ text, context }) => {
    try {
      return { report: analyze(text, context) };
    } catch (error) {
      if (error instanceof DraftTooLongError) return { refused: { field: 'text', message: error.message } };
      if (error instanceof ContextError) return { refused: { field: 'sendAt', message: error.message } };
      throw error;
    }
  },
  plan: ({ snapshot, now }) => plan(journey(snapshot), new Date(now)),
  markdown: ({ snapshot, exportedAt }) => toMarkdown(journey(snapshot), exportedAt),
  parseImport: ({ text }) => {
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { tooDeep: true };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { malformed: error instanceof Error ? error.message : String(error) };
    }
    return parseSnapshot(value);
  },
};

export default runJob;
