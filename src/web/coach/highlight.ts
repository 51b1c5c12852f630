/**
 * Pure helpers behind the live coach editor: cut the draft into segments for the mirrored
 * highlight layer, carry the last painted findings across an edit while the fresh result
 * is on its way, and apply a suggestion. Offsets are UTF-16 (what `String#slice` and the
 * textarea's selection use), so emoji and CRLF stay aligned.
 */
import type { Finding, FindingKind, Suggestion } from '../../coach/types.js';

/** The part of a finding the editor needs. */
export type Mark = Pick<Finding, 'start' | 'end' | 'kind' | 'category' | 'severity'> & { index: number };

export interface Segment {
  text: string;
  start: number;
  /** The finding indices covering this piece (empty: plain text). */
  marks: number[];
  /** The strongest kind among them: stop > problem > strength. */
  kind?: FindingKind;
}

const KIND_RANK: Record<FindingKind, number> = { strength: 1, problem: 2, stop: 3 };

/** Only findings with a real, in-bounds span are painted (context findings have none). */
export function paintable(text: string, findings: readonly Mark[]): Mark[] {
  return findings.filter(
    (f) =>
      Number.isInteger(f.start) &&
      Number.isInteger(f.end) &&
      f.start >= 0 &&
      f.end > f.start &&
      f.end <= text.length,
  );
}

/**
 * Splits `text` at every finding boundary. Concatenating the segments' text gives back
 * `text` exactly, whatever the findings are.
 *
 * @example
 * segments('You never listen', [{ start: 0, end: 9, kind: 'problem', category: 'you_blame', severity: 'high', index: 0 }]);
 * // [{ text: 'You never', marks: [0], kind: 'problem', … }, { text: ' listen', marks: [] , …}]
 */
export function segments(text: string, findings: readonly Mark[]): Segment[] {
  const marks = paintable(text, findings);
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    let kind: FindingKind | undefined;
    for (const m of covering) if (!kind || KIND_RANK[m.kind] > KIND_RANK[kind]) kind = m.kind;
    const seg: Segment = { text: text.slice(start, end), start, marks: covering.map((m) => m.index) };
    if (kind) seg.kind = kind;
    out.push(seg);
  }
  return out;
}

/** Where two texts differ: the common prefix and suffix lengths. */
export function diffBounds(before: string, after: string): { prefix: number; suffix: number } {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { prefix, suffix };
}

/**
 * Moves marks painted for `before` onto `after`: marks wholly before the edit stay, marks
 * wholly after it shift, marks the edit touched are dropped (their text changed, so only
 * a fresh analysis may paint them). This keeps the highlights steady while typing without
 * ever painting a stale span on the wrong characters.
 */
export function carryMarks<M extends Mark>(before: string, after: string, marks: readonly M[]): M[] {
  if (before === after) return [...marks];
  const { prefix, suffix } = diffBounds(before, after);
  const editEndBefore = before.length - suffix;
  const delta = after.length - before.length;
  const out: M[] = [];
  for (const m of marks) {
    // Strict comparisons: a mark that merely touches the edit may have changed meaning
    // ("you" + "r" is "your"), so it waits for the fresh analysis.
    if (m.end < prefix) out.push(m);
    else if (m.start > editEndBefore) out.push({ ...m, start: m.start + delta, end: m.end + delta });
  }
  return out.filter((m) => m.start >= 0 && m.end <= after.length && m.end > m.start);
}

/**
 * Applies one suggestion to the text and says where the caret should go (just after the
 * new words), so one click fixes the draft and typing continues where it makes sense.
 *
 * @example
 * applySuggestion('You never call', { type: 'replace', start: 0, end: 9, text: 'I missed', label: '' });
 * // { text: 'I missed call', caret: 8 }
 */
export function applySuggestion(text: string, s: Suggestion): { text: string; caret: number } {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, Math.trunc(n)));
  switch (s.type) {
    case 'insert': {
      const at = clamp(s.at);
      return { text: text.slice(0, at) + s.text + text.slice(at), caret: at + s.text.length };
    }
    case 'remove': {
      const start = clamp(s.start);
      const end = Math.max(start, clamp(s.end));
      // Removing a phrase should not leave a double space behind.
      let after = text.slice(end);
      if (text.slice(0, start).endsWith(' ') && after.startsWith(' ')) after = after.slice(1);
      return { text: text.slice(0, start) + after, caret: start };
    }
    case 'replace':
    case 'rewrite-sentence': {
      const start = clamp(s.start);
      const end = Math.max(start, clamp(s.end));
      return { text: text.slice(0, start) + s.text + text.slice(end), caret: start + s.text.length };
    }
  }
}
