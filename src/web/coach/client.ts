/**
 * The page's side of the coach worker. Each caller (`key`: the editor, the journal, the
 * check-in note) gets latest-only scheduling: while one analysis runs, newer text replaces
 * the queued one, so a fast typist never builds a backlog and results stay fresh.
 *
 * Same-frame answers: Chromium paints the frame that shows a typed character before it
 * runs any task the keystroke queued, so a worker's reply, however fast, paints a frame
 * late (bench:web measures this floor). When the page is cross-origin isolated, the worker
 * also writes each answer into a SharedArrayBuffer, and a caller that asks for it
 * (`waitMs`) briefly watches that buffer right after posting: an answer that lands within
 * the wait is delivered at once, in the keystroke's own frame. The analysis still runs in
 * the worker; the page only waits, for a bounded time. An answer that misses the wait (the
 * worker thread was not scheduled in time) is looked for again just before the next frame
 * paints, which is still the frame that shows the typed character, and otherwise comes by
 * message. When the analysis itself is slower than the wait (a long draft, a slow phone),
 * the page skips the wait for a while.
 */
import type { DraftContext } from '../../coach/types.js';
import {
  type CoachRequest,
  type CoachResponse,
  type CoachShared,
  SHARED_BYTES,
  SHARED_HEADER_BYTES,
  SHARED_LENGTH,
  SHARED_SEQ,
} from './protocol.js';

export interface WorkerLike {
  postMessage(message: CoachRequest | CoachShared): void;
  onmessage: ((event: MessageEvent<CoachResponse>) => void) | null;
}

export type Listener = (response: CoachResponse) => void;

/** Runs a callback just before the next frame paints (requestAnimationFrame in a page). */
export type BeforeFrame = (callback: () => void) => void;

export interface AnalyzeOptions {
  /** Watch for the answer this long (ms) before returning; 0 (default): answer by message. */
  waitMs?: number;
}

/**
 * After this many answers in a row took the worker longer to compute than the wait (a slow
 * device, a long draft), the next WAIT_COOLDOWN requests go by message only. An answer
 * that was quick to compute but late to arrive (the worker thread was not scheduled in
 * time, a garbage collection) does not count against the device.
 */
const WAIT_MISSES = 3;
const WAIT_COOLDOWN = 50;

function sharedBuffer(): SharedArrayBuffer | null {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (!isolated || typeof SharedArrayBuffer !== 'function') return null;
  try {
    return new SharedArrayBuffer(SHARED_HEADER_BYTES + SHARED_BYTES);
  } catch {
    return null;
  }
}

/**
 * @example
 * const coach = createCoachClient(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
 * coach.analyze('editor', 1, 'You never listen', {}, (r) => paint(r), { waitMs: 4 });
 */
export function createCoachClient(
  worker: WorkerLike,
  shared: SharedArrayBuffer | null = sharedBuffer(),
  beforeFrame: BeforeFrame | null = typeof requestAnimationFrame === 'function'
    ? (cb) => requestAnimationFrame(cb)
    : null,
) {
  const busy = new Map<string, boolean>();
  const queued = new Map<string, CoachRequest>();
  const listeners = new Map<string, Listener>();
  // The request each caller is waiting on (sent, not yet answered).
  const inflight = new Map<string, number>();
  const slots = shared ? new Int32Array(shared, 0, 2) : null;
  const bytes = shared ? new Uint8Array(shared, SHARED_HEADER_BYTES) : null;
  const decoder = new TextDecoder();
  let seq = 0;
  // Answers already taken from the shared buffer: their messages, when they come, repeat them.
  const taken = new Set<number>();
  let cooldown = 0;
  // Requests the page waited for, with the wait: their compute time says if waiting pays.
  const waited = new Map<number, number>();
  let misses = 0;
  if (shared) worker.postMessage({ shared });

  const send = (req: CoachRequest) => {
    busy.set(req.key, true);
    inflight.set(req.key, req.seq);
    worker.postMessage(req);
  };

  /** Delivers an answer and, if newer text waited meanwhile, sends it. */
  const settle = (res: CoachResponse) => {
    busy.set(res.key, false);
    inflight.delete(res.key);
    const waitMs = waited.get(res.seq);
    if (waitMs !== undefined) {
      waited.delete(res.seq);
      if ((res.ms ?? 0) <= waitMs) misses = 0;
      else if (++misses >= WAIT_MISSES) {
        misses = 0;
        cooldown = WAIT_COOLDOWN;
      }
    }
    listeners.get(res.key)?.(res);
    const next = queued.get(res.key);
    if (next) {
      queued.delete(res.key);
      send(next);
    }
  };

  worker.onmessage = (event) => {
    if (taken.delete(event.data.seq)) return; // already delivered from the shared buffer
    settle(event.data);
  };

  /** Answer `want` if the shared buffer holds it now, else null. */
  const peek = (want: number): CoachResponse | null => {
    if (!slots || !bytes || Atomics.load(slots, SHARED_SEQ) !== want) return null;
    // A copy first: TextDecoder does not read shared memory.
    const copy = bytes.slice(0, Atomics.load(slots, SHARED_LENGTH));
    // Another caller's answer may have begun to overwrite this one while it was copied (the
    // worker clears the sequence number before it writes).
    if (Atomics.load(slots, SHARED_SEQ) !== want) return null;
    try {
      return JSON.parse(decoder.decode(copy)) as CoachResponse;
    } catch {
      // Never lose a keystroke's analysis to a bad copy: its message still comes.
      return null;
    }
  };

  /** Watches the shared buffer for answer `want` until the deadline; the answer or null. */
  const waitFor = (want: number, waitMs: number): CoachResponse | null => {
    if (!slots) return null;
    const deadline = performance.now() + waitMs;
    for (;;) {
      const answer = peek(want);
      if (answer || performance.now() > deadline) return answer;
    }
  };

  /** Delivers `key`'s pending answer from the shared buffer if it is there; true if it was. */
  const collect = (key: string): boolean => {
    const want = inflight.get(key);
    if (want === undefined) return false;
    const answer = peek(want);
    if (!answer) return false;
    taken.add(want);
    settle(answer);
    return true;
  };

  return {
    analyze(
      key: string,
      version: number,
      text: string,
      context: DraftContext | undefined,
      onResult: Listener,
      options: AnalyzeOptions = {},
    ) {
      listeners.set(key, onResult);
      const req: CoachRequest = { key, version, seq: ++seq, text };
      if (context) req.context = context;
      const waitMs = options.waitMs ?? 0;
      // The last answer may be in shared memory with its message still queued behind this
      // keystroke: take it, so this text goes to the worker now instead of waiting in line.
      if (busy.get(key) && waitMs > 0) collect(key);
      if (busy.get(key)) {
        queued.set(key, req);
        return;
      }
      send(req);
      if (waitMs <= 0 || !slots) return;
      if (cooldown > 0) {
        cooldown--;
        return;
      }
      waited.set(req.seq, waitMs);
      const answer = waitFor(req.seq, waitMs);
      if (!answer) {
        // Still the frame that shows this keystroke, if the answer lands before it paints.
        beforeFrame?.(() => void collect(key));
        return;
      }
      taken.add(req.seq);
      settle(answer);
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
