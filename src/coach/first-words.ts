/**
 * What a rule pattern's matches can start with: the set of whole words, read from the
 * pattern's source. The engine uses it twice: a pattern none of whose first words occurs
 * in a draft cannot match it and is skipped, and in a long draft a pattern is tried only
 * where one of its first words starts, instead of scanning every character.
 *
 * The analysis understands the small regex subset the rules are written in: literals,
 * escapes, classes, groups, alternation, lookarounds and quantifiers. It is conservative
 * by construction: anything it cannot be sure of (a class of letters, `\w`, a word that may
 * continue past the pattern, a match that may start mid-word or on a non-letter) makes it
 * answer null, and the pattern then always runs in full. Wrong answers would lose findings;
 * "don't know" only costs time.
 */

/** A possible start of a match, read so far: its first word's letters and whether it ended. */
interface Partial {
  /** Letters of the first word so far. */
  word: string;
  /** True once something that cannot be a word character follows the word's letters. */
  closed: boolean;
  /** True once a `\b` or `^` has been passed before any letter: the match starts a word. */
  anchored: boolean;
}

/** Gives up: the pattern is too free to say what it starts with. */
class Unsure extends Error {}

/** Beyond this many alternative starts the set is not worth keeping. */
const MAX_STARTS = 96;

type Node =
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; options: Node[] }
  | { type: 'letters'; chars: string[] } // one position: any of these [a-z0-9] characters
  | { type: 'nonword' } // one character that is never [a-z0-9_]
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
    if (e === 's' || e === 'W') return { type: 'nonword' };
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
    return { type: 'nonword' };
  }

  function parseClass(): Node {
    i++;
    const negated = source[i] === '^';
    if (negated) i++;
    const chars: string[] = [];
    let other = false;
    let wide = false; // a range or \w: too many letters to branch on
    while (i < source.length && source[i] !== ']') {
      let ch = source[i]!;
      if (ch === '\\') {
        const e = source[i + 1];
        if (e === undefined) throw new Unsure();
        i += 2;
        if (e === 's' || e === 'W' || e === 'u' || e === 'x') {
          if (e === 'u') i += 4;
          if (e === 'x') i += 2;
          other = true; // never a word character
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
      else other = true;
    }
    if (source[i] !== ']') throw new Unsure();
    i++;
    // A negated class, a wide one, or one that may be a letter or not: could be anything.
    if (negated || wide || (chars.length > 0 && other)) return { type: 'any' };
    return chars.length === 0 ? { type: 'nonword' } : { type: 'letters', chars };
  }

  const node = parseAlt();
  if (i !== source.length) throw new Unsure();
  return node;
}

function key(p: Partial): string {
  return `${p.word}\u0000${p.closed ? 1 : 0}${p.anchored ? 1 : 0}`;
}

function dedupe(list: Partial[]): Partial[] {
  const seen = new Map<string, Partial>();
  for (const p of list) seen.set(key(p), p);
  if (seen.size > MAX_STARTS) throw new Unsure();
  return [...seen.values()];
}

/** Every way `node` can extend each open partial start; closed ones pass through unchanged. */
function step(node: Node, starts: Partial[]): Partial[] {
  const open = starts.filter((p) => !p.closed);
  const closed = starts.filter((p) => p.closed);
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
      next = open.flatMap((p) => {
        // A letter before any \b: the match could start inside a word.
        if (p.word === '' && !p.anchored) throw new Unsure();
        return node.chars.map((ch) => ({ ...p, word: p.word + ch }));
      });
      break;
    case 'nonword':
      next = open.map((p) => {
        // A match that starts on a non-letter has no first word to look up.
        if (p.word === '') throw new Unsure();
        return { ...p, closed: true };
      });
      break;
    case 'boundary':
      next = open.map((p) => (p.word === '' ? { ...p, anchored: true } : { ...p, closed: true }));
      break;
    case 'zero':
      next = open;
      break;
    case 'any':
      throw new Unsure();
    case 'repeat': {
      next = [];
      let current = open;
      // Enough rounds to see every word the repetition can spell before it must close.
      const rounds = Math.min(node.max, Math.max(node.min, 1) + 1);
      if (node.min === 0) next.push(...current);
      for (let r = 1; r <= rounds; r++) {
        current = dedupe(step(node.node, current));
        if (current.every((p) => p.closed)) {
          // Closed starts stay as they are: more rounds, up to min or beyond, change nothing.
          next.push(...current);
          break;
        }
        if (r >= node.min) next.push(...current);
        if (r === rounds && node.max > rounds) throw new Unsure(); // could spell longer words
      }
      break;
    }
  }
  return dedupe([...closed, ...next]);
}

/**
 * The whole words every match of `source` starts with, or null when unsure. Guarantee: a
 * match always begins at a word start (the text before it is not [a-z0-9]) and its first
 * word, read up to the next character outside [a-z0-9], is in the list.
 *
 * @example
 * firstWords(String.raw`\b(?:just |please )?take me back\b`) // ['just', 'please', 'take']
 * firstWords(String.raw`\b(?:you|u) never`) // ['you', 'u']
 * firstWords(String.raw`,? but\b`) // null: it can start on a comma
 */
export function firstWords(source: string): string[] | null {
  try {
    const ends = step(parse(source), [{ word: '', closed: false, anchored: false }]);
    // A start still open at the end of the pattern: the word may run on past the match.
    if (ends.length === 0 || ends.some((p) => !p.closed || p.word === '' || !p.anchored)) return null;
    return [...new Set(ends.map((p) => p.word))].sort();
  } catch (error) {
    if (error instanceof Unsure) return null;
    throw error;
  }
}
