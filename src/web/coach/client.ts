/**
 * The page's side of the coach worker. Each caller (`key`: the editor, the journal, the
 * check-in note) gets latest-only scheduling: while one analysis runs, newer text replaces
 * the queued one, so a fast typist never builds a backlog and results stay fresh.
 */
import type { DraftContext } from '../../coach/types.js';
import type { CoachRequest, CoachResponse } from './protocol.js';

export interface WorkerLike {
  postMessage(message: CoachRequest): void;
  onmessage: ((event: MessageEvent<CoachResponse>) => void) | null;
}

export type Listener = (response: CoachResponse) => void;

/**
 * @example
 * const coach = createCoachClient(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
 * coach.analyze('editor', 1, 'You never listen', {}, (r) => paint(r));
 */
export function createCoachClient(worker: WorkerLike) {
  const busy = new Map<string, boolean>();
  const queued = new Map<string, CoachRequest>();
  const listeners = new Map<string, Listener>();

  worker.onmessage = (event) => {
    const res = event.data;
    busy.set(res.key, false);
    listeners.get(res.key)?.(res);
    const next = queued.get(res.key);
    if (next) {
      queued.delete(res.key);
      busy.set(res.key, true);
      worker.postMessage(next);
    }
  };

  return {
    analyze(
      key: string,
      version: number,
      text: string,
      context: DraftContext | undefined,
      onResult: Listener,
    ) {
      listeners.set(key, onResult);
      const req: CoachRequest = context ? { key, version, text, context } : { key, version, text };
      if (busy.get(key)) {
        queued.set(key, req);
        return;
      }
      busy.set(key, true);
      worker.postMessage(req);
    },
    /** One-off check, e.g. a journal note for crisis language. */
    check(key: string, text: string): Promise<CoachResponse> {
      return new Promise((resolve) => {
        this.analyze(key, Date.now(), text, undefined, resolve);
      });
    },
  };
}

export type CoachClient = ReturnType<typeof createCoachClient>;

let shared: CoachClient | undefined;

/** The app's one coach worker, started on first use (so screens without the coach never load it). */
export function coachClient(): CoachClient {
  if (!shared) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'coach' });
    shared = createCoachClient(worker as unknown as WorkerLike);
  }
  return shared;
}

/** True when a report holds crisis language: help comes up at once, whatever else (P15). */
export function hasCrisis(res: CoachResponse): boolean {
  return res.ok && res.report.findings.some((f) => f.category === 'crisis');
}
