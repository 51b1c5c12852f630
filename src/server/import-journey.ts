/**
 * An import file made ready to store, as a pure function of its text (so it can run on the
 * pool): parsed, its depth and dates checked, merged with the safety history already
 * stored (P16) and checked again as a whole.
 */
import { snapshotDateIssues } from '../method/coherence.js';
import { type JourneySnapshot, parseSnapshot } from '../method/schema.js';
import type { FieldProblem } from './problem.js';
import { jsonDepth, MAX_JSON_DEPTH } from './validate.js';

/** The stored records an import may only add to. */
export type SafetyHistory = Pick<JourneySnapshot, 'safetyScreenings' | 'exRequests'>;

/** What an import body turns into: a journey to store, or why it cannot be one. */
export type PreparedImport =
  | { snapshot: JourneySnapshot }
  | { malformed: string }
  | { tooDeep: true }
  | { issues: FieldProblem[] };

/** A record's content without its id, with keys in a stable order, to tell copies apart. */
function contentKey(record: { id: string }): string {
  const { id: _id, ...rest } = record as Record<string, unknown>;
  return canonical(rest);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/**
 * Safety history only grows (P16). Every screening and request from the ex already stored
 * is kept exactly as it is; an imported one is added after them unless it is an exact copy
 * of one already kept. An imported record whose id is taken by a different stored record
 * is added under a new id: an import can never replace, rewrite or drop what is stored,
 * whatever ids it uses.
 *
 * @example
 * keepSafetyHistory(imported, current).safetyScreenings.slice(0, current.safetyScreenings.length)
 * // deep-equals current.safetyScreenings
 */
export function keepSafetyHistory(
  imported: JourneySnapshot,
  current: Pick<JourneySnapshot, 'safetyScreenings' | 'exRequests'>,
): JourneySnapshot {
  const append = <T extends { id: string }>(kept: readonly T[], incoming: readonly T[]): T[] => {
    const ids = new Set(kept.map((r) => r.id));
    const contents = new Set(kept.map(contentKey));
    const out = [...kept];
    for (const record of incoming) {
      const key = contentKey(record);
      if (contents.has(key)) continue;
      let id = record.id;
      for (let n = 2; ids.has(id); n++) id = `${record.id.slice(0, 50)}-imported-${n}`;
      ids.add(id);
      contents.add(key);
      out.push({ ...record, id });
    }
    return out;
  };
  return {
    ...imported,
    safetyScreenings: append(current.safetyScreenings, imported.safetyScreenings),
    exRequests: append(current.exRequests, imported.exRequests),
  };
}

/**
 * Parses an import body and merges it with the stored safety history; `nowMs` bounds its
 * dates. The lock check (which needs the whole stored journey) is left to the caller.
 *
 * @example
 * const prepared = prepareImport(body, { safetyScreenings: [], exRequests: [] }, Date.now());
 * if ('snapshot' in prepared) await replaceSnapshot(journal, prepared.snapshot);
 */
export function prepareImport(text: string, history: SafetyHistory, nowMs: number): PreparedImport {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { tooDeep: true };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { malformed: error instanceof Error ? error.message : String(error) };
  }
  const parsed = parseSnapshot(value);
  if (!parsed.ok) return { issues: parsed.issues };
  const dates = snapshotDateIssues(parsed.snapshot, nowMs);
  if (dates.length > 0) return { issues: dates };
  const merged = keepSafetyHistory(parsed.snapshot, history);
  // The merged journey must still hold together (e.g. periods against the breakup).
  const reparsed = parseSnapshot(merged);
  if (!reparsed.ok) return { issues: reparsed.issues };
  return { snapshot: merged };
}
