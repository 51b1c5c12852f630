/**
 * What a rule pattern's matches can start with: the set of whole words, and, when every
 * match's first two words are known, the word pairs ("i will"), read from the pattern's
 * source. The engine uses them twice: a pattern none of whose first words (or pairs)
 * occurs in a draft cannot match it and is skipped, and otherwise the pattern is tried only
 * where one of them starts, instead of scanning every character.
 *
 * The analysis understands the small regex subset the rules are written in: literals,
 * escapes, classes, groups, alternation, lookarounds and quantifiers. It is conservative
 * by construction: anything it cannot be sure of (a class of letters, `\w`, a word that may
 * continue past the pattern, a match that may start mid-word or on a non-letter) makes it
 * answer null, and the pattern then always runs in full. Wrong answers would lose findings;
 * "don't know" only costs time.
 */

/**
 * Where a possible match start stands: reading its first word; that word ended at a `\b`
 * (only a non-letter may follow); a single space after it (a second word may begin);
 * reading the second word; done with both words known; done with only the first known.
 */
type Phase = 'first' | 'first-ended' | 'space' | 'second' | 'pair' | 'word';

/** A possible start of a match, read so far. */
interface Partial {
  phase: Phase;
  /** Letters of the first word. */
  word: string;
  /** Letters of the second word (phases 'second' and 'pair'). */
  second: string;
  /** True once a `\b` or `^` has been passed before any letter: the match starts a word. */
  anchored: boolean;
}

const isDone = (p: Partial) => p.phase === 'pair' || p.phase === 'word';

/** Gives up: the pattern is too free to say what it starts with. */
class Unsure extends Error {}

/** Beyond this many alternative starts the set is not worth keeping. */
const MAX_STARTS = 96;

type Node =
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'letters'; chars: string[] } // one position: any of these [a-z0-9] characters
  | { type: 'nonword'; space: boolean } // one character that is never [a-z0-9]; space: exactly ' '
  | { type: 'boundary' } // \b or ^
  | { type: 'zero' } // a lookaround or $: consumes nothing, restricts only
  | { type: 'any' } // anything else: could be a letter
  | { type: 'repeat'; node: Node; min: number; max: number };

const WORD = /^[a-z0-9]$/;

/** Parses the subset of regex syntax the rules use; throws Unsure on anything else. */
function parse(source: string): Node {
  let i = 0;

  function parseAlt(): Node {
    const options: Node[] = [parseSeq()];
    while (source[i] === '|') {
      i++;
      options.push(parseSeq());
    }
    return options.length === 1 ? options[0]! : { type: 'alt', options };
  }

  function parseSeq(): Node {
    const items: Node[] = [];
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      items.push(parseQuantified(parseAtom()));
    }
    return { type: 'seq', items };
  }

  function parseQuantified(atom: Node): Node {
    const c = source[i];
    let min = 1;
    let max = 1;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
      if (!m) throw new Unsure();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      i += m[0].length - 1;
    } else return atom;
    i++;
    if (source[i] === '?') i++; // lazy: the same strings, in another order
    return { type: 'repeat', node: atom, min, max };
  }

  function parseAtom(): Node {
    const c = source[i]!;
    if (c === '(') {
      i++;
      let zeroWidth = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        i += 2;
        zeroWidth = true;
      } else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        i += 3;
        zeroWidth = true;
      } else if (source.startsWith('?<', i)) {
        i = source.indexOf('>', i) + 1; // a named group
        if (i === 0) throw new Unsure();
      } else if (source[i] === '?') throw new Unsure();
      const inner = parseAlt();
      if (source[i] !== ')') throw new Unsure();
      i++;
      return zeroWidth ? { type: 'zero' } : inner;
    }
    if (c === '[') return parseClass();
    if (c === '\\') return parseEscape();
    i++;
    if (c === '^') return { type: 'boundary' };
    if (c === '$') return { type: 'zero' };
    if (c === '.') return { type: 'any' };
    return classify(c);
  }

  function parseEscape(): Node {
    const e = source[i + 1];
    i += 2;
    if (e === undefined) throw new Unsure();
    if (e === 'b') return { type: 'boundary' };
    // Normalized text has no whitespace but the plain space, so \s is a space.
    if (e === 's' || e === 'W') return { type: 'nonword', space: e === 's' };
    if (e === 'u' || e === 'x') {
      const m = e === 'u' ? /^[0-9a-fA-F]{4}/.exec(source.slice(i)) : /^[0-9a-fA-F]{2}/.exec(source.slice(i));
      if (!m) throw new Unsure();
      i += m[0].length;
      const code = Number.parseInt(m[0], 16);
      return classify(String.fromCharCode(code));
    }
    if (/[a-zA-Z0-9]/.test(e)) return { type: 'any' }; // \w \d \B \p{…} \1 …: could be a letter
    return classify(e); // \. \? \' …: the character itself
  }

  function classify(ch: string): Node {
    if (WORD.test(ch)) return { type: 'letters', chars: [ch] };
    // Uppercase and _ are word characters to `\\b`; anything else ends a word.
    if (/[A-Z_]/.test(ch)) return { type: 'any' };
    return { type: 'nonword', space: ch === ' ' };
  }

  function parseClass(): Node {
    i++;
    const negated = source[i] === '^';
    if (negated) i++;
    const chars: string[] = [];
    let other = false;
    let otherNotSpace = false;
    let wide = false; // a range or \w: too many letters to branch on
    while (i < source.length && source[i] !== ']') {
      let ch = source[i]!;
      if (ch === '\\') {
        const e = source[i + 1];
        if (e === undefined) throw new Unsure();
        i += 2;
        if (e === 's' || e === 'W') {
          other = true; // never a word character
          if (e === 'W') otherNotSpace = true;
          continue;
        }
        if (e === 'u' || e === 'x') {
          const digits = e === 'u' ? 4 : 2;
          const code = Number.parseInt(source.slice(i, i + digits), 16);
          i += digits;
          if (Number.isNaN(code)) throw new Unsure();
          ch = String.fromCharCode(code);
          if (/[a-zA-Z0-9_]/.test(ch)) wide = true;
          else {
            other = true;
            if (ch !== ' ') otherNotSpace = true;
          }
          continue;
        }
        if (/[a-zA-Z0-9]/.test(e)) {
          wide = true; // \w \d \b inside a class
          continue;
        }
        ch = e;
      } else i++;
      if (source[i] === '-' && source[i + 1] !== ']' && source[i + 1] !== undefined) {
        i += source[i + 1] === '\\' ? 3 : 2;
        wide = true;
        continue;
      }
      if (WORD.test(ch)) chars.push(ch);
      else if (/[A-Z_]/.test(ch)) wide = true;
      else {
        other = true;
        if (ch !== ' ') otherNotSpace = true;
      }
    }
    if (source[i] !== ']') throw new Unsure();
    i++;
    // A negated class, a wide one, or one that may be a letter or not: could be anything.
    if (negated || wide || (chars.length > 0 && other)) return { type: 'any' };
    return chars.length === 0 ? { type: 'nonword', space: !otherNotSpace } : { type: 'letters', chars };
  }

  const node = parseAlt();
  if (i !== source.length) throw new Unsure();
  return node;
}

function key(p: Partial): string {
  return `${p.phase}\u0000${p.word}\u0000${p.second}\u0000${p.anchored ? 1 : 0}`;
}

function dedupe(list: Partial[]): Partial[] {
  const seen = new Map<string, Partial>();
  for (const p of list) seen.set(key(p), p);
  if (seen.size > MAX_STARTS) {
    // Too many word pairs: keep the first words alone, which are fewer.
    seen.clear();
    for (const p of list) {
      const q =
        p.phase === 'first' || p.phase === 'first-ended' ? p : { ...p, phase: 'word' as const, second: '' };
      seen.set(key(q), q);
    }
    if (seen.size > MAX_STARTS) throw new Unsure();
  }
  return [...seen.values()];
}

/** The first word is known; what follows it is not (the second word is given up on). */
const firstOnly = (p: Partial): Partial => ({ ...p, phase: 'word', second: '' });

function onLetter(p: Partial, ch: string): Partial[] {
  switch (p.phase) {
    case 'first':
      // A letter before any \b: the match could start inside a word.
      if (p.word === '' && !p.anchored) throw new Unsure();
      return [{ ...p, word: p.word + ch }];
    case 'first-ended':
      return []; // a letter right after \b and a letter: this path cannot match
    case 'space':
    case 'second':
      return [{ ...p, phase: 'second', second: p.second + ch }];
    default:
      return [p];
  }
}

function onNonWord(p: Partial, isSpace: boolean): Partial {
  switch (p.phase) {
    case 'first':
      // A match that starts on a non-letter has no first word to look up.
      if (p.word === '') throw new Unsure();
      return isSpace ? { ...p, phase: 'space' } : firstOnly(p);
    case 'first-ended':
      return isSpace ? { ...p, phase: 'space' } : firstOnly(p);
    case 'space':
      return firstOnly(p);
    case 'second':
      return { ...p, phase: 'pair' };
    default:
      return p;
  }
}

function onBoundary(p: Partial): Partial {
  switch (p.phase) {
    case 'first':
      return p.word === '' ? { ...p, anchored: true } : { ...p, phase: 'first-ended' };
    case 'second':
      return { ...p, phase: 'pair' };
    default:
      return p; // after a space, \b only says a word follows
  }
}

function onAny(p: Partial): Partial {
  if (p.phase === 'first') throw new Unsure();
  return isDone(p) ? p : firstOnly(p);
}

/** Every way `node` can extend each partial start; finished ones pass through unchanged. */
function step(node: Node, starts: Partial[]): Partial[] {
  const open = starts.filter((p) => !isDone(p));
  const done = starts.filter(isDone);
  if (open.length === 0) return starts;
  let next: Partial[];
  switch (node.type) {
    case 'seq':
      next = open;
      for (const item of node.items) next = step(item, next);
      break;
    case 'alt':
      next = node.options.flatMap((option) => step(option, open));
      break;
    case 'letters':
      next = open.flatMap((p) => node.chars.flatMap((ch) => onLetter(p, ch)));
      break;
    case 'nonword':
      next = open.map((p) => onNonWord(p, node.space));
      break;
    case 'boundary':
      next = open.map(onBoundary);
      break;
    case 'zero':
      next = open;
      break;
    case 'any':
      next = open.map(onAny);
      break;
    case 'repeat': {
      next = [];
      let current = open;
      // Enough rounds to see every word the repetition can spell before it must end.
      const rounds = Math.min(node.max, Math.max(node.min, 1) + 1);
      if (node.min === 0) next.push(...current);
      for (let r = 1; r <= rounds; r++) {
        current = dedupe(step(node.node, current));
        if (current.every(isDone)) {
          // Finished starts stay as they are: more rounds, up to min or beyond, change nothing.
          next.push(...current);
          break;
        }
        if (r >= node.min) next.push(...current);
        if (r === rounds && node.max > rounds) {
          // Could spell longer words: unknowable in the first word, given up in the second.
          if (current.some((p) => p.phase === 'first')) throw new Unsure();
          next.push(...current.map((p) => (isDone(p) ? p : firstOnly(p))));
        }
      }
      break;
    }
  }
  return dedupe([...done, ...next]);
}

/** What every match of a pattern starts with: see firstTokens. */
export interface FirstTokens {
  /** The first words, sorted. */
  words: string[];
  /** "first second" word pairs, sorted, when every match's first two words are known. */
  pairs: string[] | null;
}

/**
 * The words every match of `source` starts with, or null when unsure. Guarantee: a match
 * always begins at a word start (the text before it is not [a-z0-9]) and its first word,
 * read up to the next character outside [a-z0-9], is in `words`. When `pairs` is given,
 * that word is also followed by exactly one space and a whole second word, and the two,
 * joined by a space, are in `pairs`.
 *
 * @example
 * firstTokens(String.raw`\bi (?:will|would) never\b`) // { words: ['i'], pairs: ['i will', 'i would'] }
 * firstTokens(String.raw`\bsorry\b`) // { words: ['sorry'], pairs: null }
 */
export function firstTokens(source: string): FirstTokens | null {
  try {
    const ends = step(parse(source), [{ phase: 'first', word: '', second: '', anchored: false }]);
    // A first word still open at the end of the pattern may run on past the match.
    if (ends.length === 0 || ends.some((p) => p.phase === 'first' || p.word === '' || !p.anchored))
      return null;
    const words = [...new Set(ends.map((p) => p.word))].sort();
    const pairs = ends.every((p) => p.phase === 'pair')
      ? [...new Set(ends.map((p) => `${p.word} ${p.second}`))].sort()
      : null;
    return { words, pairs };
  } catch (error) {
    if (error instanceof Unsure) return null;
    throw error;
  }
}

/**
 * The whole words every match of `source` starts with, or null when unsure (see firstTokens).
 *
 * @example
 * firstWords(String.raw`\b(?:just |please )?take me back\b`) // ['just', 'please', 'take']
 * firstWords(String.raw`\b(?:you|u) never`) // ['u', 'you']
 * firstWords(String.raw`,? but\b`) // null: it can start on a comma
 */
export function firstWords(source: string): string[] | null {
  return firstTokens(source)?.words ?? null;
}
