/// <reference lib="webworker" />
/**
 * The coach in a Web Worker: the same pure `analyze` the CLI and the server run, so typing
 * never waits on the main thread and no draft ever leaves the page.
 */
import { analyze } from '../../coach/index.js';
import type { CoachRequest, CoachResponse } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CoachRequest>) => {
  const { key, version, text, context } = event.data;
  let reply: CoachResponse;
  try {
    reply = { key, version, ok: true, report: analyze(String(text ?? ''), context) };
  } catch (err) {
    // A too-long draft (DraftTooLongError) or anything odd: say so, never crash the worker.
    reply = {
      key,
      version,
      ok: false,
      error: err instanceof Error ? err.message : 'The coach could not read this.',
    };
  }
  scope.postMessage(reply);
};
