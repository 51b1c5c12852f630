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

const SENTENCE_END = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', "'", ')', ']']);
const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '\u2013', '\u2014', '\u2026']);
const ABBREVIATIONS = /(?:^|[\s(])(?:mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|jr|sr|no)$/;
const CONJUNCTION = /^(?:but|and|because|although|though|however|yet|whereas|plus)\b/;

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
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' && breaks[i] === 1) {
      push(i);
      i++;
      continue;
    }
    if (SENTENCE_END.has(ch)) {
      let j = i + 1;
      while (j < text.length && SENTENCE_END.has(text[j]!)) j++;
      while (j < text.length && CLOSERS.has(text[j]!)) j++;
      const atSpace = j === text.length || text[j] === ' ';
      // "Mr. Smith", "e.g. this": a period after a short abbreviation does not end a sentence.
      const abbreviation = ch === '.' && j === i + 1 && ABBREVIATIONS.test(text.slice(Math.max(0, i - 5), i));
      // An ellipsis ("i just... i dont know") is a pause inside the sentence, not its end.
      const ellipsis = ch === '.' && text.slice(i, j).startsWith('..');
      if (atSpace && !abbreviation && !ellipsis) push(j);
      i = j;
      continue;
    }
    i++;
  }
  push(text.length);
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
    const ch = text[i]!;
    if (CLAUSE_PUNCT.has(ch)) {
      push(i, i + 1);
    } else if (ch === '.' && text[i + 1] === '.') {
      let j = i;
      while (j < sentence.end && text[j] === '.') j++;
      push(i, j);
      i = j - 1;
    } else if (ch === '-' && text[i - 1] === ' ' && text[i + 1] === ' ') {
      push(i, i + 1);
    } else if (ch === ' ' && i + 1 < sentence.end && CONJUNCTION.test(text.slice(i + 1, i + 10))) {
      push(i, i + 1);
    }
  }
  push(sentence.end, sentence.end);
}

function quotedRegions(text: string, sentences: Range[]): Range[] {
  const regions: Range[] = [];
  for (const sentence of sentences) {
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
          for (let j = i + 2; j < sentence.end; j++) {
            if (text[j] === "'" && text[j - 1] !== ' ' && !isWordChar(text[j + 1])) {
              regions.push({ start: i, end: j + 1 });
              i = j;
              break;
            }
          }
        }
      }
    }
    if (open >= 0) regions.push({ start: open, end: sentence.end });
    // Reported speech runs from the verb of saying to the end of the sentence.
    const slice = text.slice(sentence.start, sentence.end);
    REPORTED.lastIndex = 0;
    const m = REPORTED.exec(slice);
    if (m) {
      // …until the writer takes the word back: "my sister thinks I should wait, but honestly you…"
      const from = m.index + m[0].length;
      const back = RESUMED.exec(slice.slice(from));
      const end = back ? sentence.start + from + back.index : sentence.end;
      regions.push({ start: sentence.start + from, end });
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
