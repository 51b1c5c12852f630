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

interface Token {
  text: string;
  start: number;
  end: number;
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
/** Shapes crossed with every concept the sentence hits. */
const CROSSED_SHAPES = ['@you_subject', '@first_person', '@question', '@imperative', '@negation'] as const;

interface PhraseEntry {
  concept: string;
  rest: readonly string[];
}

/** First word of every concept phrase → the concepts it may start and the words that must follow. */
const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly PhraseEntry[]> = (() => {
  const map = new Map<string, PhraseEntry[]>();
  for (const c of CONCEPTS) {
    for (const phrase of c.phrases) {
      const [first, ...rest] = phrase;
      if (first === undefined) continue;
      const list = map.get(first);
      const entry = { concept: `#${c.name}`, rest };
      if (list) list.push(entry);
      else map.set(first, [entry]);
    }
  }
  return map;
})();

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

/** The words and emoji of `text[start, end)`, outside the `quoted` ranges (sorted). */
function tokenize(text: string, start: number, end: number, quoted: readonly Range[]): Token[] {
  const tokens: Token[] = [];
  let q = 0;
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
    if (kind === 1) while (j < end && kindOf(text.charCodeAt(j)) === 1) j++;
    while (q < quoted.length && quoted[q]!.end <= i) q++;
    const inQuote = q < quoted.length && quoted[q]!.start <= i;
    if (!inQuote) tokens.push({ text: text.slice(i, j), start: i, end: j });
    i = j;
  }
  return tokens;
}

function isSecondPersonSubject(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.text;
  if (YOU_AS_SUBJECT.has(word)) return true;
  if (word !== 'you') return false;
  const before = tokens[i - 1]?.text;
  return (before === undefined || !BEFORE_OBJECT_YOU.has(before)) && tokens[i + 1] !== undefined;
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

function lengthBucket(count: number): string {
  if (count <= 3) return '@length_1';
  if (count <= 8) return '@length_2';
  if (count <= 20) return '@length_3';
  return '@length_4';
}

/**
 * The features of the sentence `sentence` of `n` (normalized offsets), leaving out words in
 * `quoted` (sorted, as segment() returns them).
 *
 * @example
 * const n = normalize('ur so selfish');
 * sentenceFeatures(n, { start: 0, end: n.text.length }, []).names;
 * // ['your', 'so', 'selfish', '^_your', 'your_so', 'so_selfish', '#negative_trait', …]
 */
export function sentenceFeatures(n: Normalized, sentence: Range, quoted: readonly Range[]): SentenceFeatures {
  const { text } = n;
  const tokens = tokenize(text, sentence.start, sentence.end, quoted);
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
  if (tokens.length === 0) return { names, starts, ends };

  for (const t of tokens) add(t.text, t.start, t.end);
  const first = tokens[0]!;
  add(`^_${first.text}`, first.start, first.end);
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]!;
    const b = tokens[i]!;
    add(`${a.text}_${b.text}`, a.start, b.end);
  }

  const concepts: string[] = [];
  const conceptStarts: number[] = [];
  const conceptEnds: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entries = PHRASES_BY_FIRST_WORD.get(tokens[i]!.text);
    if (!entries) continue;
    for (const { concept, rest } of entries) {
      if (i + rest.length >= tokens.length) continue;
      let k = 0;
      while (k < rest.length && tokens[i + 1 + k]!.text === rest[k]) k++;
      if (k < rest.length) continue;
      if (!seen.has(concept)) {
        concepts.push(concept);
        conceptStarts.push(tokens[i]!.start);
        conceptEnds.push(tokens[i + rest.length]!.end);
      }
      add(concept, tokens[i]!.start, tokens[i + rest.length]!.end);
    }
  }

  const shapes = new Set<string>();
  let shouted = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.text;
    if (isSecondPersonSubject(tokens, i)) shapes.add('@you_subject');
    if (SECOND_PERSON.has(w)) shapes.add('@you');
    if (FIRST_PERSON.has(w)) shapes.add('@first_person');
    if (w === 'we' || w === 'us' || w === 'our') shapes.add('@we');
    if (NEGATION.has(w)) shapes.add('@negation');
    if (i > 0 && tokens[i - 1]!.text === 'with' && isCapitalised(n, t)) shapes.add('@with_name');
    if (kindOf(w.charCodeAt(0)) !== 1) shapes.add('@emoji');
    if (isShouted(n, t)) shouted++;
  }
  if (shouted > 0) shapes.add('@shout');
  let lead = 0;
  while (lead < tokens.length - 1 && FILLER.has(tokens[lead]!.text)) lead++;
  if (IMPERATIVE.has(tokens[lead]!.text)) shapes.add('@imperative');
  if (QUESTION_START.has(first.text)) shapes.add('@question');
  const tail = text.slice(Math.max(sentence.start, sentence.end - 4), sentence.end);
  if (tail.includes('?')) shapes.add('@question');
  if (tail.includes('!')) shapes.add('@exclamation');
  if (/[!?]{2}/.test(tail)) shapes.add('@repeated_marks');
  shapes.add(lengthBucket(tokens.length));
  for (const shape of shapes) add(shape, -1, -1);
  for (const shape of CROSSED_SHAPES) {
    if (!shapes.has(shape)) continue;
    for (let c = 0; c < concepts.length; c++) {
      add(`${shape}&${concepts[c]}`, conceptStarts[c]!, conceptEnds[c]!);
    }
  }
  return { names, starts, ends };
}
