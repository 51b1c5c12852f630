/**
 * Messages between the page and the coach worker. `version` keys a result to the text it
 * read; `seq` numbers every request the page posts, so an answer can be matched to it.
 *
 * When the page is cross-origin isolated it also hands the worker a SharedArrayBuffer
 * (a `CoachShared` message): the worker then writes each answer there too, as JSON, so the
 * page can take it within the keystroke's own frame instead of a frame later (see client.ts).
 */
import type { DraftContext, Report } from '../../coach/types.js';

export interface CoachRequest {
  key: string;
  version: number;
  seq: number;
  text: string;
  context?: DraftContext;
}

/** `ms`: how long the worker took to compute the answer (not to deliver it). */
export type CoachResponse =
  | { key: string; version: number; seq: number; ms?: number; ok: true; report: Report }
  | { key: string; version: number; seq: number; ms?: number; ok: false; error: string };

export interface CoachShared {
  shared: SharedArrayBuffer;
}

/**
 * Layout of the shared buffer: two Int32 slots (the seq of the answer written, its length
 * in bytes), then the answer's UTF-8 JSON. The seq is stored last, so a page that sees it
 * sees the whole answer.
 */
export const SHARED_SEQ = 0;
export const SHARED_LENGTH = 1;
export const SHARED_HEADER_BYTES = 8;
/** Room for the answer: a long draft's report that does not fit goes by message only. */
export const SHARED_BYTES = 1 << 20;
