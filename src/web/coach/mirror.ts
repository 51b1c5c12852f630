/**
 * The highlight layer behind the coach's textarea, patched in place. A keystroke changes
 * one stretch of the draft, so only the pieces around it change: the layer keeps the
 * pieces it painted last, skips the unchanged ones at both ends, and touches only the
 * middle (usually one text node). Rebuilding the whole layer on every key made the
 * browser restyle and re-lay out every highlight, which cost most of a frame on a long
 * draft (bench:web).
 */
import type { Mark, Segment } from './highlight.js';
import { segments } from './highlight.js';

/** One node of the layer: plain text (`cls` empty) or a `<mark>` with that class. */
export interface Piece {
  text: string;
  cls: string;
}

/**
 * The pieces that paint `text` with `marks`, the mark covering `active` outlined.
 *
 * @example
 * pieces('You never listen', [{ start: 0, end: 9, kind: 'problem', category: 'you_blame', severity: 'high', index: 0 }]);
 * // [{ text: 'You never', cls: 'problem' }, { text: ' listen', cls: '' }]
 */
export function pieces(text: string, marks: readonly Mark[], active?: number): Piece[] {
  const out = segments(text, marks).map((s: Segment) => ({
    text: s.text,
    cls: s.kind ? `${s.kind}${active !== undefined && s.marks.includes(active) ? ' active' : ''}` : '',
  }));
  // A trailing newline needs a character after it to take up its line.
  if (text === '' || text.endsWith('\n')) out.push({ text: '\u200b', cls: '' });
  return out;
}

const same = (a: Piece, b: Piece) => a.text === b.text && a.cls === b.cls;

/** How many pieces the two lists share at the start and, after that, at the end. */
export function sharedEnds(
  before: readonly Piece[],
  after: readonly Piece[],
): { prefix: number; suffix: number } {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && same(before[prefix]!, after[prefix]!)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    same(before[before.length - 1 - suffix]!, after[after.length - 1 - suffix]!)
  )
    suffix++;
  return { prefix, suffix };
}

function node(doc: Document, p: Piece): Node {
  if (!p.cls) return doc.createTextNode(p.text);
  const m = doc.createElement('mark');
  m.className = p.cls;
  m.textContent = p.text;
  return m;
}

/**
 * Makes `layer`'s children paint `next`, given that they paint `before` now (as the last
 * call left them); returns `next`, to pass as `before` next time.
 *
 * @example
 * let painted: Piece[] = [];
 * painted = patchLayer(mirror, painted, pieces(text, marks));
 */
export function patchLayer(layer: Element, before: readonly Piece[], next: Piece[]): Piece[] {
  const doc = layer.ownerDocument;
  const children = layer.childNodes;
  if (children.length !== before.length) {
    // Someone else changed the layer: start again from nothing.
    layer.replaceChildren(...next.map((p) => node(doc, p)));
    return next;
  }
  const { prefix, suffix } = sharedEnds(before, next);
  const oldEnd = before.length - suffix;
  const newEnd = next.length - suffix;
  const anchor = children[oldEnd] ?? null;
  const stale: ChildNode[] = [];
  for (let i = prefix; i < oldEnd; i++) stale.push(children[i]!);
  let j = prefix;
  // Pieces of the same sort are updated in place; the rest are replaced.
  for (; j < newEnd && j - prefix < stale.length; j++) {
    const el = stale[j - prefix]!;
    const p = next[j]!;
    const was = before[j]!;
    if (!p.cls && !was.cls) (el as Text).data = p.text;
    else if (p.cls && was.cls) {
      if (was.cls !== p.cls) (el as Element).className = p.cls;
      if (was.text !== p.text) el.textContent = p.text;
    } else layer.replaceChild(node(doc, p), el);
  }
  for (let i = j - prefix; i < stale.length; i++) stale[i]!.remove();
  for (; j < newEnd; j++) layer.insertBefore(node(doc, next[j]!), anchor);
  return next;
}
