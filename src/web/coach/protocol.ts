/** Messages between the page and the coach worker. `version` keys a result to the text it read. */
import type { DraftContext, Report } from '../../coach/types.js';

export interface CoachRequest {
  key: string;
  version: number;
  text: string;
  context?: DraftContext;
}

export type CoachResponse =
  | { key: string; version: number; ok: true; report: Report }
  | { key: string; version: number; ok: false; error: string };
