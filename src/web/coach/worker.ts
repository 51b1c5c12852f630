/// <reference lib="webworker" />
/**
 * The coach in a Web Worker: the same pure `analyze` the CLI and the server run, so typing
 * never waits on the main thread and no draft ever leaves the page.
 */
import { analyze } from '../../coach/index.js';
import {
  type CoachRequest,
  type CoachResponse,
  type CoachShared,
  SHARED_HEADER_BYTES,
  SHARED_LENGTH,
  SHARED_SEQ,
} from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const encoder = new TextEncoder();
let shared: { slots: Int32Array; bytes: Uint8Array } | null = null;

/** Writes the answer where a waiting page can read it at once (when it fits). */
function share(reply: CoachResponse): void {
  if (!shared) return;
  const json = encoder.encode(JSON.stringify(reply));
  if (json.byteLength > shared.bytes.byteLength) return;
  // No answer is valid while the bytes change: a page copying the last answer sees the
  // sequence number move and drops its copy instead of reading half of two answers.
  Atomics.store(shared.slots, SHARED_SEQ, 0);
  shared.bytes.set(json);
  Atomics.store(shared.slots, SHARED_LENGTH, json.byteLength);
  Atomics.store(shared.slots, SHARED_SEQ, reply.seq);
}

scope.onmessage = (event: MessageEvent<CoachRequest | CoachShared>) => {
  if ('shared' in event.data) {
    const buffer = event.data.shared;
    shared = { slots: new Int32Array(buffer, 0, 2), bytes: new Uint8Array(buffer, SHARED_HEADER_BYTES) };
    return;
  }
  const { key, version, seq, text, context } = event.data;
  const started = performance.now();
  let reply: CoachResponse;
  try {
    reply = { key, version, seq, ok: true, report: analyze(String(text ?? ''), context) };
  } catch (err) {
    // A too-long draft (DraftTooLongError) or anything odd: say so, never crash the worker.
    reply = {
      key,
      version,
      seq,
      ok: false,
      error: err instanceof Error ? err.message : 'The coach could not read this.',
    };
  }
  reply.ms = performance.now() - started;
  share(reply);
  scope.postMessage(reply);
};
