/**
 * The learned scorer's features for one sentence of a normalized draft: what the weights
 * in weights.json are learned over, computed the same way at build time and at run time.
 *
 *   - words: `selfish`, `never` (normalized: lowercase, texting forms folded, elongations
 *     reduced, apostrophes dropped: `youre`, `im`), and emoji as words of their own;
 *   - word pairs: `you_never`, and `^_sorry` for the sentence's first word;
 *   - concept hits (lexicons.ts): `#negative_trait`, `#demand`, …;
 *   - sentence shapes: `@you_subject`, `@question`, `@imperative`, `@negation`, `@first_person`,
 *     `@shout`, `@length_1`…`@length_4`, …, and a shape crossed with a concept hit:
 *     `@you_subject&#negative_trait` ("you" as the subject of a negative evaluation).
 *
 * Words inside quoted or reported speech are left out, as most rules leave them out: "she
 * said 'you always…'" is not the writer's blame. Every feature keeps the span of
 * normalized text that produced it (shapes have none), so a finding can name the words
 * that weighed most. Linear in the sentence's length.
 */
import type { Normalized } from '../normalize.js';
import type { Range } from '../segment.js';
import { CONCEPTS } from './lexicons.js';

/** One sentence's features: unique names, and per name the span that produced it first. */
export interface SentenceFeatures {
  names: string[];
  /** Normalized offsets; -1 for a shape, which no single word produced. */
  starts: number[];
  ends: number[];
}

const SECOND_PERSON = new Set(['you', 'youre', 'youve', 'youll', 'youd', 'your', 'yours', 'yourself']);
const YOU_AS_SUBJECT = new Set(['youre', 'youve', 'youll', 'youd']);
/** Words after which "you" is an object, not a subject: "thank you", "I miss you", "for you". */
const BEFORE_OBJECT_YOU = new Set(
  (
    'thank love miss to for with about at of from without than like see tell told need want asked ask ' +
    'call text hurt hurting left leave give gave make made let meet help helped loved missed trust ' +
    'forgive blame blamed believe bother remind reminded owe by on into behind around before after'
  ).split(' '),
);
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'ill', 'id', 'me', 'my', 'mine', 'myself']);
const NEGATION = new Set(
  (
    'not no never dont doesnt didnt cant cannot wont isnt arent wasnt werent havent hasnt hadnt shouldnt ' +
    'wouldnt couldnt aint nobody nothing none neither nor without'
  ).split(' '),
);
const QUESTION_START = new Set(
  (
    'why what how when where who whose can could will would do did does are is was were have has should ' +
    'wont dont didnt arent isnt cant shouldnt wouldnt couldnt'
  ).split(' '),
);
/** Fillers skipped before an imperative verb: "just answer me", "please call me", "ok so tell me". */
const FILLER = new Set(['just', 'please', 'so', 'ok', 'okay', 'and', 'now', 'then', 'well', 'seriously']);
const IMPERATIVE = new Set(
  (
    'answer reply respond call text tell stop come give let take meet pick decide talk leave get go look ' +
    'think remember admit grow quit unblock listen explain be dont show say make send read prove choose ' +
    'realise realize face accept try ask stay wait check'
  ).split(' '),
);
/**
 * Sentence shapes, in the fixed order they are emitted. The first five are also crossed
 * with every concept the sentence hits ("you" as subject + a negative trait).
 */
export const SHAPES = [
  '@you_subject',
  '@first_person',
  '@question',
  '@imperative',
  '@negation',
  '@you',
  '@we',
  '@with_name',
  '@emoji',
  '@shout',
  '@exclamation',
  '@repeated_marks',
  '@length_1',
  '@length_2',
  '@length_3',
  '@length_4',
] as const;
/** How many of SHAPES, from the first, are crossed with concepts. */
export const CROSSED_SHAPES = 5;
const SHAPE = Object.fromEntries(SHAPES.map((s, i) => [s, i])) as Record<(typeof SHAPES)[number], number>;

/** Concept names as features (`#negative_trait`), by index into CONCEPTS. */
export const CONCEPT_NAMES: readonly string[] = CONCEPTS.map((c) => `#${c.name}`);

/** A word trie of concept phrases: the concepts whose phrase ends here, and the words that go on. */
export interface PhraseNode {
  concepts: number[];
  next: Map<string, PhraseNode> | undefined;
}

/** What one word may say about its sentence: bits for the shape word lists, and its phrases. */
export interface WordInfo {
  flags: number;
  /** The concept phrases starting with this word, as a trie. */
  phrases: PhraseNode | undefined;
  /**
   * A model's weights for the word, as a word, as the first word and followed by each next
   * word: filled in by a model's own word table (model.ts), undefined here. One object shape
   * for every word keeps the scoring loop's lookups fast.
   */
  word: WeightSlot | undefined;
  first: WeightSlot | undefined;
  pairs: Map<string, WeightSlot> | undefined;
}

/** Where a weight vector starts in a model's flat weights, and the sentence that last added it. */
export interface WeightSlot {
  at: number;
  stamp: number;
}
const SECOND = 1;
const SUBJECT = 2;
const OBJECT_BEFORE = 4;
const FIRST = 8;
const WE = 16;
const NEGATIVE = 32;
const ASKS = 64;
const FILLS = 128;
const ORDERS = 256;

/** One lookup per word: every shape list and every concept phrase starting with it. */
export const WORD_INFO: ReadonlyMap<string, WordInfo> = (() => {
  const map = new Map<string, WordInfo>();
  const info = (word: string): WordInfo => {
    let i = map.get(word);
    if (!i) {
      i = { flags: 0, phrases: undefined, word: undefined, first: undefined, pairs: undefined };
      map.set(word, i);
    }
    return i;
  };
  const flag = (set: ReadonlySet<string>, bit: number) => {
    for (const w of set) info(w).flags |= bit;
  };
  flag(SECOND_PERSON, SECOND);
  flag(YOU_AS_SUBJECT, SUBJECT);
  flag(BEFORE_OBJECT_YOU, OBJECT_BEFORE);
  flag(FIRST_PERSON, FIRST);
  flag(new Set(['we', 'us', 'our']), WE);
  flag(NEGATION, NEGATIVE);
  flag(QUESTION_START, ASKS);
  flag(FILLER, FILLS);
  flag(IMPERATIVE, ORDERS);
  CONCEPTS.forEach((c, concept) => {
    for (const [first, ...rest] of c.phrases) {
      if (first === undefined) continue;
      const i = info(first);
      i.phrases ??= { concepts: [], next: undefined };
      let node = i.phrases;
      for (const word of rest) {
        node.next ??= new Map();
        let child = node.next.get(word);
        if (!child) {
          child = { concepts: [], next: undefined };
          node.next.set(word, child);
        }
        node = child;
      }
      if (!node.concepts.includes(concept)) node.concepts.push(concept);
    }
  });
  return map;
})();

export const NO_INFO: WordInfo = {
  flags: 0,
  phrases: undefined,
  word: undefined,
  first: undefined,
  pairs: undefined,
};

const WORD_CACHE = new Uint8Array(65536);
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

/** 1 letter or number, 2 pictograph (emoji), 3 anything else; cached per UTF-16 unit. */
function kindOf(c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? 1 : 3;
  if (c >= 0xd800 && c <= 0xdfff) return 3;
  let known = WORD_CACHE[c]!;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = LETTER_OR_NUMBER.test(ch) ? 1 : PICTOGRAPHIC.test(ch) ? 2 : 3;
    WORD_CACHE[c] = known;
  }
  return known;
}

/** The first range in `ranges` (sorted) that ends after `pos`: binary search, so every sentence starts there. */
function firstEndingAfter(ranges: readonly Range[], pos: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The words and emoji of `text[start, end)`, outside the `quoted` ranges (sorted), written
 * into the reused TOKENS pool; returns how many.
 */
function tokenize(
  text: string,
  start: number,
  end: number,
  quoted: readonly Range[],
  words: ReadonlyMap<string, WordInfo>,
): number {
  let count = 0;
  let q = firstEndingAfter(quoted, start);
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    let kind = kindOf(c);
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      kind = PICTOGRAPHIC.test(String.fromCodePoint(cp)) ? 2 : 3;
    }
    if (kind === 3) {
      i += width;
      continue;
    }
    let j = i + width;
    if (kind === 1) {
      while (j < end) {
        const d = text.charCodeAt(j);
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57) || (d >= 128 && kindOf(d) === 1)) j++;
        else break;
      }
    }
    while (q < quoted.length && quoted[q]!.end <= i) q++;
    const inQuote = q < quoted.length && quoted[q]!.start <= i;
    if (!inQuote) {
      let t = TOKENS[count];
      if (t === undefined) {
        t = { text: '', start: 0, end: 0, info: NO_INFO };
        TOKENS.push(t);
      }
      t.text = text.slice(i, j);
      t.start = i;
      t.end = j;
      t.info = words.get(t.text) ?? NO_INFO;
      count++;
    }
    i = j;
  }
  return count;
}

/** A word typed in capitals ("NEVER", "ANSWER"), not "I" or "OK". */
function isShouted(n: Normalized, t: Token): boolean {
  if (t.end - t.start < 2) return false;
  const from = n.starts[t.start]!;
  const to = n.ends[t.end - 1]!;
  if (to - from < 2 || to - from > 40) return false;
  let letters = 0;
  for (let k = from; k < to; k++) {
    const c = n.source.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2 && !(letters === 2 && n.source.slice(from, to) === 'OK');
}

/** Starts with a capital in what was typed: a name after "with" ("out with Tom"). */
function isCapitalised(n: Normalized, t: Token): boolean {
  const c = n.source.charCodeAt(n.starts[t.start]!);
  return c >= 65 && c <= 90;
}

/**
 * Receives one sentence's features in a fixed order: the words (the sink reads words, the
 * first word and word pairs from them itself), then each concept hit once, then each shape,
 * then each shape × concept cross. The same walk feeds training (names) and run-time
 * scoring (weights summed without building a name), so both see exactly the same features.
 */
export interface FeatureSink {
  /** The sentence's words: `tokens[0, count)`, valid only during the call. */
  tokens(tokens: readonly Token[], count: number): void;
  concept(index: number, start: number, end: number): void;
  shape(index: number): void;
  cross(shape: number, concept: number, start: number, end: number): void;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  info: WordInfo;
}

/*
 * Scratch space reused by every walk: the walk is synchronous and never nested, and
 * allocating per sentence cost more than the lookups themselves.
 */
const TOKENS: Token[] = [];
const CONCEPT_SEEN = new Uint8Array(CONCEPTS.length);
const SHAPES_SEEN = new Uint8Array(SHAPES.length);
const HITS: number[] = [];
const HIT_STARTS: number[] = [];
const HIT_ENDS: number[] = [];

/**
 * Walks the features of `sentence` (normalized offsets) of `n`, leaving out words in
 * `quoted` (sorted, as segment() returns them). Linear in the sentence's length. `words`
 * may be any map holding WORD_INFO's entries (a model's own word table extends them, so
 * one lookup per word serves both the walk and the weights).
 */
export function visitFeatures(
  n: Normalized,
  sentence: Range,
  quoted: readonly Range[],
  sink: FeatureSink,
  words: ReadonlyMap<string, WordInfo> = WORD_INFO,
): void {
  const count = tokenize(n.text, sentence.start, sentence.end, quoted, words);
  if (count === 0) return;
  const tokens = TOKENS;
  sink.tokens(tokens, count);

  HITS.length = 0;
  HIT_STARTS.length = 0;
  HIT_ENDS.length = 0;
  CONCEPT_SEEN.fill(0);
  for (let i = 0; i < count; i++) {
    let node = tokens[i]!.info.phrases;
    // Longer phrases from the same word follow the shorter ones: "need", "need you", "need you back".
    for (let j = i; node !== undefined; ) {
      for (const concept of node.concepts) {
        if (CONCEPT_SEEN[concept] === 1) continue;
        const start = tokens[i]!.start;
        const end = tokens[j]!.end;
        CONCEPT_SEEN[concept] = 1;
        HITS.push(concept);
        HIT_STARTS.push(start);
        HIT_ENDS.push(end);
        sink.concept(concept, start, end);
      }
      j++;
      node = j < count ? node.next?.get(tokens[j]!.text) : undefined;
    }
  }

  const shapes = SHAPES_SEEN;
  shapes.fill(0);
  for (let i = 0; i < count; i++) {
    const t = tokens[i]!;
    const flags = t.info.flags;
    if (flags & SECOND) {
      shapes[SHAPE['@you']] = 1;
      // "youre", or "you" that is not the object of the word before ("thank you", "for you").
      const before = i > 0 ? tokens[i - 1]!.info.flags : 0;
      if (flags & SUBJECT || (t.text === 'you' && !(before & OBJECT_BEFORE) && i + 1 < count)) {
        shapes[SHAPE['@you_subject']] = 1;
      }
    }
    if (flags & FIRST) shapes[SHAPE['@first_person']] = 1;
    if (flags & WE) shapes[SHAPE['@we']] = 1;
    if (flags & NEGATIVE) shapes[SHAPE['@negation']] = 1;
    if (i > 0 && tokens[i - 1]!.text === 'with' && isCapitalised(n, t)) shapes[SHAPE['@with_name']] = 1;
    if (kindOf(t.text.charCodeAt(0)) !== 1) shapes[SHAPE['@emoji']] = 1;
    else if (shapes[SHAPE['@shout']] === 0 && isShouted(n, t)) shapes[SHAPE['@shout']] = 1;
  }
  let lead = 0;
  while (lead < count - 1 && tokens[lead]!.info.flags & FILLS) lead++;
  if (tokens[lead]!.info.flags & ORDERS) shapes[SHAPE['@imperative']] = 1;
  if (tokens[0]!.info.flags & ASKS) shapes[SHAPE['@question']] = 1;
  // The sentence's closing marks: "?", "!", "?!" or "!!" within its last four characters.
  let marks = 0;
  for (let i = Math.max(sentence.start, sentence.end - 4); i < sentence.end; i++) {
    const c = n.text.charCodeAt(i);
    if (c === 63) shapes[SHAPE['@question']] = 1;
    if (c === 33) shapes[SHAPE['@exclamation']] = 1;
    marks = c === 33 || c === 63 ? marks + 1 : 0;
    if (marks >= 2) shapes[SHAPE['@repeated_marks']] = 1;
  }
  shapes[
    SHAPE[count <= 3 ? '@length_1' : count <= 8 ? '@length_2' : count <= 20 ? '@length_3' : '@length_4']
  ] = 1;
  for (let s = 0; s < SHAPES.length; s++) if (shapes[s] === 1) sink.shape(s);
  for (let s = 0; s < CROSSED_SHAPES; s++) {
    if (shapes[s] !== 1) continue;
    for (let c = 0; c < HITS.length; c++) sink.cross(s, HITS[c]!, HIT_STARTS[c]!, HIT_ENDS[c]!);
  }
}

/** The feature name of a shape crossed with a concept: `@you_subject&#negative_trait`. */
export function crossName(shape: number, concept: number): string {
  return `${SHAPES[shape]}&${CONCEPT_NAMES[concept]}`;
}

/**
 * The features of the sentence `sentence` of `n` (normalized offsets) by name, leaving out
 * words in `quoted`: what training reads, and what an explanation names words from.
 *
 * @example
 * const n = normalize('u r so selfish');
 * sentenceFeatures(n, { start: 0, end: n.text.length }, []).names;
 * // ['you', 'are', 'so', 'selfish', '^_you', 'you_are', 'are_so', 'so_selfish', '#negative_trait',
 * //  '@you_subject', '@you', '@length_2', '@you_subject&#negative_trait']
 */
export function sentenceFeatures(n: Normalized, sentence: Range, quoted: readonly Range[]): SentenceFeatures {
  const names: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const seen = new Set<string>();
  const add = (name: string, start: number, end: number): void => {
    if (seen.has(name)) return;
    seen.add(name);
    names.push(name);
    starts.push(start);
    ends.push(end);
  };
  visitFeatures(n, sentence, quoted, {
    tokens(tokens, count) {
      for (let i = 0; i < count; i++) add(tokens[i]!.text, tokens[i]!.start, tokens[i]!.end);
      const first = tokens[0]!;
      add(`^_${first.text}`, first.start, first.end);
      for (let i = 1; i < count; i++) {
        add(`${tokens[i - 1]!.text}_${tokens[i]!.text}`, tokens[i - 1]!.start, tokens[i]!.end);
      }
    },
    concept: (index, start, end) => add(CONCEPT_NAMES[index]!, start, end),
    shape: (index) => add(SHAPES[index]!, -1, -1),
    cross: (shape, concept, start, end) => add(crossName(shape, concept), start, end),
  });
  return { names, starts, ends };
}
