/**
 * Sentences, clauses and quoted or reported speech over the normalized text.
 *
 * Sentences end at . ! ? (with any closing quotes or brackets) followed by a space, and at
 * every line break: texts are often one thought per line with no punctuation. Clauses split
 * a sentence at , ; : brackets, dashes, ellipses and the conjunctions that start a new
 * thought (but, and, because, although, though, however, yet, whereas). A negation cue only
 * counts inside the clause of the match: "im not angry, but you never listen" is blame.
 *
 * Quoted speech ("…", '…') and reported speech ("she said you always…", "he told me you
 * never…") are marked so rules that do not apply to someone else's words can skip them.
 * All offsets are into `Normalized.text`, half-open.
 */
import type { Normalized } from './normalize.js';

export interface Range {
  start: number;
  end: number;
}

export interface Segments {
  /** Trimmed, in order, non-overlapping. */
  sentences: Range[];
  /** Trimmed, in order, non-overlapping; every clause lies inside one sentence. */
  clauses: Range[];
  /** Quoted or reported speech regions, in order, non-overlapping. */
  quoted: Range[];
}

const PERIOD = 46;
const SPACE = 32;
const isSentenceEnd = (c: number) => c === PERIOD || c === 33 /* ! */ || c === 63; /* ? */
/** " ' ) ] */
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93;
/** , ; : ( ) [ ] – — … */
const isClausePunct = (c: number) =>
  c === 44 ||
  c === 59 ||
  c === 58 ||
  c === 40 ||
  c === 41 ||
  c === 91 ||
  c === 93 ||
  c === 0x2013 ||
  c === 0x2014 ||
  c === 0x2026;
const ABBREVIATIONS = /(?:^|[\s(])(?:mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|jr|sr|no)$/;
/** Sticky: tried right after a space, with no slice. */
const CONJUNCTION = /(?:but|and|because|although|though|however|yet|whereas|plus)\b/y;

/**
 * Reported speech: a third party (or a group) saying, writing or thinking something. The
 * rest of the sentence after the verb is their words, not the user's.
 */
const REPORTED =
  /\b(?:he|she|they|people|everyone|everybody|someone|somebody|nobody|friends?|mom|mum|dad|mother|father|sister|brother|(?:my|your|his|her|their|our) [a-z]+|[a-z]+ and [a-z]+)(?: (?:always|once|even|also|just|literally|actually|keeps|kept|has|had|have))? (?:said|says|say|saying|told (?:me|us|him|her|them|everyone|everybody)|tells (?:me|us|him|her|them|everyone)|telling (?:me|us|everyone)|asked|asks|wrote|writes|texted|mentioned|claimed|claims|thinks|thought|believes|was like|is like|goes|went)\b(?: that\b)?/g;

/** Where reported speech ends inside a sentence: a contrast after a comma, or a semicolon. */
const RESUMED = /(?:,|;| -| \u2014) ?but\b|;/;

function trimRange(text: string, start: number, end: number): Range | undefined {
  let s = start;
  let e = end;
  while (s < e && text.charCodeAt(s) === 32) s++;
  while (e > s && text.charCodeAt(e - 1) === 32) e--;
  return e > s ? { start: s, end: e } : undefined;
}

function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && /[\p{L}\p{N}]/u.test(ch));
}

function splitSentences(n: Normalized): Range[] {
  const { text, breaks } = n;
  const out: Range[] = [];
  let from = 0;
  const push = (to: number) => {
    const r = trimRange(text, from, to);
    if (r) out.push(r);
    from = to;
  };
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === SPACE && breaks[i] === 1) {
      push(i);
      i++;
      continue;
    }
    if (isSentenceEnd(c)) {
      let j = i + 1;
      while (j < length && isSentenceEnd(text.charCodeAt(j))) j++;
      while (j < length && isCloser(text.charCodeAt(j))) j++;
      const atSpace = j === length || text.charCodeAt(j) === SPACE;
      // "Mr. Smith", "e.g. this": a period after a short abbreviation does not end a sentence.
      // An ellipsis ("i just... i dont know") is a pause inside the sentence, not its end.
      if (atSpace) {
        const period = c === PERIOD;
        const abbreviation = period && j === i + 1 && ABBREVIATIONS.test(text.slice(Math.max(0, i - 5), i));
        const ellipsis = period && text.charCodeAt(i + 1) === PERIOD;
        if (!abbreviation && !ellipsis) push(j);
      }
      i = j;
      continue;
    }
    i++;
  }
  push(length);
  return out;
}

function splitClauses(text: string, sentence: Range, out: Range[]): void {
  let from = sentence.start;
  const push = (to: number, next: number) => {
    const r = trimRange(text, from, to);
    if (r) out.push(r);
    from = next;
  };
  for (let i = sentence.start; i < sentence.end; i++) {
    const c = text.charCodeAt(i);
    if (isClausePunct(c)) {
      push(i, i + 1);
    } else if (c === PERIOD && text.charCodeAt(i + 1) === PERIOD) {
      let j = i;
      while (j < sentence.end && text.charCodeAt(j) === PERIOD) j++;
      push(i, j);
      i = j - 1;
    } else if (c === 45 /* - */ && text.charCodeAt(i - 1) === SPACE && text.charCodeAt(i + 1) === SPACE) {
      push(i, i + 1);
    } else if (c === SPACE && i + 1 < sentence.end) {
      CONJUNCTION.lastIndex = i + 1;
      if (CONJUNCTION.test(text)) push(i, i + 1);
    }
  }
  push(sentence.end, sentence.end);
}

/**
 * For each offset, the first position at or after it where a single quote closes (a quote
 * after a non-space, before a non-word), or -1.
 */
function nextCloser(text: string): Int32Array {
  const out = new Int32Array(text.length + 1).fill(-1);
  for (let j = text.length - 1; j >= 0; j--) {
    const closes = text[j] === "'" && text[j - 1] !== ' ' && !isWordChar(text[j + 1]);
    out[j] = closes ? j : out[j + 1]!;
  }
  return out;
}

/**
 * For each sentence, where its reported speech starts (just after the first verb of saying
 * inside it), or -1. One scan of the whole text; a match that crosses a sentence end counts
 * for neither sentence.
 */
function reportedBySentence(text: string, sentences: readonly Range[]): Int32Array {
  const out = new Int32Array(sentences.length).fill(-1);
  REPORTED.lastIndex = 0;
  let s = 0;
  for (let m = REPORTED.exec(text); m !== null; m = REPORTED.exec(text)) {
    const end = m.index + m[0].length;
    while (s < sentences.length && sentences[s]!.end <= m.index) s++;
    if (s === sentences.length) break;
    const sentence = sentences[s]!;
    if (m.index >= sentence.start && end <= sentence.end && out[s] === -1) out[s] = end;
    if (m[0].length === 0) REPORTED.lastIndex++;
  }
  return out;
}

function quotedRegions(text: string, sentences: Range[]): Range[] {
  const regions: Range[] = [];
  // Where the next closing single quote is, from each position on: one pass from the right,
  // so an opening quote finds its closer without scanning ahead (an unclosed quote used to
  // rescan the rest of the sentence for every quote: quadratic on a draft of " 'a).
  const closer = nextCloser(text);
  // Reported speech: one scan of the whole text, the first match of each sentence kept.
  const reported = reportedBySentence(text, sentences);
  for (const [index, sentence] of sentences.entries()) {
    // Double quotes pair up inside the sentence; an unclosed one runs to its end.
    let open = -1;
    for (let i = sentence.start; i < sentence.end; i++) {
      const ch = text[i]!;
      if (ch === '"') {
        if (open < 0) open = i;
        else {
          regions.push({ start: open, end: i + 1 });
          open = -1;
        }
      } else if (ch === "'" && open < 0) {
        // A single quote opens after a space or bracket, before a word, and closes before a
        // non-word; in-word apostrophes are gone already (dont), so what is left is quoting.
        const before = text[i - 1];
        if ((i === sentence.start || before === ' ' || before === '(') && isWordChar(text[i + 1])) {
          const j = i + 2 < sentence.end ? closer[i + 2]! : -1;
          if (j >= 0 && j < sentence.end) {
            regions.push({ start: i, end: j + 1 });
            i = j;
          }
        }
      }
    }
    if (open >= 0) regions.push({ start: open, end: sentence.end });
    // Reported speech runs from the verb of saying to the end of the sentence…
    const from = reported[index]!;
    if (from >= 0) {
      // …until the writer takes the word back: "my sister thinks I should wait, but honestly you…"
      const back = RESUMED.exec(text.slice(from, sentence.end));
      const end = back ? from + back.index : sentence.end;
      regions.push({ start: from, end });
    }
  }
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of regions) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else if (r.end > r.start) merged.push({ ...r });
  }
  return merged;
}

/**
 * Splits normalized text into sentences and clauses and marks quoted or reported speech.
 *
 * @example
 * const s = segment(normalize('She said "you always do this". I miss you'));
 * s.sentences.length; // 2
 * s.quoted.length; // 1: the quotation
 */
export function segment(n: Normalized): Segments {
  const sentences = splitSentences(n);
  const clauses: Range[] = [];
  for (const sentence of sentences) splitClauses(n.text, sentence, clauses);
  return { sentences, clauses, quoted: quotedRegions(n.text, sentences) };
}

/**
 * The range holding `pos` (start ≤ pos < end), or undefined. Binary search: ranges sorted.
 *
 * @example
 * rangeAt([{ start: 0, end: 3 }, { start: 5, end: 9 }], 6); // { start: 5, end: 9 }
 */
export function rangeAt(ranges: readonly Range[], pos: number): Range | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (pos < r.start) hi = mid - 1;
    else if (pos >= r.end) lo = mid + 1;
    else return r;
  }
  return undefined;
}
