/**
 * The heavy jobs, run on a worker thread of the pool in jobs.ts so the event loop keeps
 * answering everyone else. Pure functions of their input (no clock), except the export,
 * which reads the journey through the thread's own read-only connection: reading and
 * decrypting 100,000 rows is itself the heavy part.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isWorkerThread } from 'piscina';
import { analyze, ContextError } from '../coach/index.js';
import { type DraftContext, DraftTooLongError } from '../coach/types.js';
import { plan } from '../method/index.js';
import type { JourneySnapshot } from '../method/schema.js';
import { type DataKey, loadSnapshot, openStore, type Store, type StoreReader } from '../store/index.js';
import { type PreparedImport, prepareImport, type SafetyHistory } from './import-journey.js';
import { toMarkdown } from './markdown.js';

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
  /**
   * The whole journey of `userId`, read and decrypted here, as the bytes of its JSON or
   * Markdown export; `noProfile` until the profile exists. The caller has checked the
   * session: the user id and data key come from it.
   */
  exportJourney: {
    input: {
      reader: StoreReader;
      userId: string;
      dataKey: DataKey;
      format: 'json' | 'markdown';
      exportedAt: string;
    };
    output: { body: Uint8Array<ArrayBuffer> } | { noProfile: true };
  };
  /** The nesting depth is checked here too (a scan of megabytes is itself heavy work). */
  prepareImport: {
    input: { text: string; history: SafetyHistory; now: string };
    output: PreparedImport;
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
}): JobTypes[N]['output'] | Promise<JobTypes[N]['output']> {
  const input = task.input as never;
  return JOBS[task.name](input) as JobTypes[N]['output'] | Promise<JobTypes[N]['output']>;
}

/**
 * One read-only connection per thread and database, opened on the first export: the thread
 * lives while the pool keeps it, and its connection ends with it.
 */
const readers = new Map<string, Promise<Store>>();
function readerOf(reader: StoreReader): Promise<Store> {
  const key = JSON.stringify(reader);
  let store = readers.get(key);
  if (!store) {
    store = openStore({ ...reader, readonly: true });
    store.catch(() => readers.delete(key));
    readers.set(key, store);
  }
  return store;
}

async function exportJourney(
  input: JobTypes['exportJourney']['input'],
): Promise<JobTypes['exportJourney']['output']> {
  const store = await readerOf(input.reader);
  const snapshot = await loadSnapshot(store.journal(input.userId, input.dataKey));
  if (!snapshot) return { noProfile: true };
  const text =
    input.format === 'markdown' ? toMarkdown(snapshot, input.exportedAt) : JSON.stringify(snapshot);
  return { body: new TextEncoder().encode(text) };
}

/**
 * On Linux a thread has its own nice value: the pool's threads yield the CPU to the event
 * loop's, so on a machine with two cores a heavy job slows down rather than the answers
 * to everyone else. Elsewhere (or without the permission) the threads keep their priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // not Linux, or not allowed: nothing to do
  }
}
if (isWorkerThread) lowerThisThreadsPriority();

/** The snapshot as objects; its JSON text was made from a validated snapshot by the server. */
function journey(snapshot: JourneySnapshot | string): JourneySnapshot {
  return typeof snapshot === 'string' ? (JSON.parse(snapshot) as JourneySnapshot) : snapshot;
}

const JOBS: {
  [N in JobName]: (input: JobTypes[N]['input']) => JobTypes[N]['output'] | Promise<JobTypes[N]['output']>;
} = {
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
  exportJourney,
  prepareImport: ({ text, history, now }) => prepareImport(text, history, Date.parse(now)),
};

export default runJob;
