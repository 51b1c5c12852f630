/**
 * The normalizer: turns a raw draft into the canonical text every rule pattern runs on,
 * and keeps an offset map so any match in that text maps back to the exact original span.
 *
 * What it does (the contract in types.ts, plus one addition):
 *   - lowercase; typographic quotes folded (’ ‘ ´ ` → ', “ ” „ « » → ");
 *   - apostrophes inside words removed: don't → dont, you're → youre;
 *   - texting shorthand expanded word by word: u → you, pls → please, sry → sorry, …;
 *   - elongations reduced: pleeease → please, neeeed → need, sooo → so;
 *   - zero-width and bidi controls dropped; every whitespace or control run → one space;
 *   - diacritics dropped (é → e, ã → a) so accent-less typing of other languages matches
 *     the same patterns: write patterns without accents;
 *   - lone surrogates become U+FFFD (one unit for one unit).
 *
 * Linear time: two passes over the input, each doing constant work per code unit
 * (shorthand and elongation look at one word at a time).
 */

/** The text rules run on, with a map back to the original. */
export interface Normalized {
  /** The original input, untouched. */
  readonly source: string;
  /** The normalized text. */
  readonly text: string;
  /** `starts[i]`: offset in `source` where normalized unit `i` comes from. */
  readonly starts: Int32Array;
  /** `ends[i]`: offset in `source` just after the source of normalized unit `i`. */
  readonly ends: Int32Array;
  /** `breaks[i] === 1` when unit `i` is a space standing for a run holding a line break. */
  readonly breaks: Uint8Array;
}

/** A half-open span in the original input. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Texting shorthand, word for word. Values are what the rules see.
 * Deliberately left alone: `ngl` (its "not" would read as a negation cue), `kms`/`kys`
 * (crisis rules match them as they are), `y`/`n` (too ambiguous, and `y` is Spanish "and").
 */
const SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you',
  yu: 'you',
  ya: 'you',
  ur: 'your',
  urs: 'yours',
  ure: 'youre',
  urself: 'yourself',
  ull: 'youll',
  r: 'are',
  pls: 'please',
  plz: 'please',
  plss: 'please',
  plzz: 'please',
  pleez: 'please',
  pleaze: 'please',
  plis: 'please',
  plox: 'please',
  sry: 'sorry',
  srry: 'sorry',
  sory: 'sorry',
  sorri: 'sorry',
  soz: 'sorry',
  sowwy: 'sorry',
  bc: 'because',
  bcs: 'because',
  bcz: 'because',
  bcos: 'because',
  bcoz: 'because',
  bcuz: 'because',
  becuz: 'because',
  becoz: 'because',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  ily: 'i love you',
  ilu: 'i love you',
  ilysm: 'i love you so much',
  imy: 'i miss you',
  imysm: 'i miss you so much',
  idk: 'i dont know',
  idc: 'i dont care',
  ik: 'i know',
  iam: 'i am',
  rn: 'right now',
  tbh: 'to be honest',
  abt: 'about',
  b4: 'before',
  nvr: 'never',
  nevr: 'never',
  neva: 'never',
  alwayss: 'always',
  listn: 'listen',
  lisen: 'listen',
  alwys: 'always',
  alwayz: 'always',
  evr: 'ever',
  evry: 'every',
  evrything: 'everything',
  evrythng: 'everything',
  everythin: 'everything',
  nothin: 'nothing',
  somethin: 'something',
  sumthin: 'something',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  hafta: 'have to',
  kinda: 'kind of',
  lemme: 'let me',
  gimme: 'give me',
  dunno: 'dont know',
  ima: 'im going to',
  imma: 'im going to',
  msg: 'message',
  txt: 'text',
  tmr: 'tomorrow',
  tmrw: 'tomorrow',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  '2day': 'today',
  '2nite': 'tonight',
  tonite: 'tonight',
  l8r: 'later',
  gr8: 'great',
  ofc: 'of course',
  ppl: 'people',
  prolly: 'probably',
  srsly: 'seriously',
  shud: 'should',
  cud: 'could',
  wud: 'would',
  wat: 'what',
  wut: 'what',
  tho: 'though',
  thru: 'through',
  dnt: 'dont',
  hv: 'have',
  cya: 'see you',
  hbu: 'how about you',
  wbu: 'what about you',
  wyd: 'what are you doing',
  luv: 'love',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  thks: 'thanks',
  tnx: 'thanks',
  ty: 'thank you',
  tysm: 'thank you so much',
  bf: 'boyfriend',
  gf: 'girlfriend',
  bday: 'birthday',
};

/** Words that keep a double letter when an elongation is reduced (neeeed → need, not ned). */
const DOUBLES = new Set(
  (
    'need needs feel feeling feels sorry soon too good really miss missed missing all still will well see ' +
    'free been tell call off ill youll mess stuff kill killing happy keep week cool door room sleep deeply ' +
    'seeing agree fee bee three tree book look looks looking took feet meet meeting seem seems teeth speed ' +
    'sweet deep beer wall fall small hell yell bill fill pill till add odd egg goodbye hello bitter better ' +
    'letter little pretty terrible apologies apologize apologise summer funny silly sooner coffee'
  ).split(' '),
);

const WORD_ASCII = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD_ASCII[c] = 1;
for (let c = 97; c <= 122; c++) WORD_ASCII[c] = 1;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const MARKS = /\p{M}/gu;

/** One unit of the first pass: a UTF-16 code unit of the folded text and where it came from. */
interface Units {
  chars: string[];
  starts: number[];
  ends: number[];
  breaks: number[];
}

function isLineBreak(cp: number): boolean {
  return cp === 10 || cp === 11 || cp === 12 || cp === 13 || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function isSpaceLike(cp: number): boolean {
  if (cp <= 32 || cp === 127) return true; // whitespace and C0 controls (NUL, …) separate words
  if (cp >= 0x80 && cp <= 0xa0) return true; // C1 controls and NBSP
  return (
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

function isInvisible(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff
  );
}

function foldQuote(cp: number): string | undefined {
  switch (cp) {
    case 0x60: // `
    case 0xb4: // ´
    case 0x2bc: // ʼ
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
      return "'";
    case 0xab: // «
    case 0xbb: // »
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x2033: // ″
    case 0x2039: // ‹
    case 0x203a: // ›
    case 0x300c: // 「
    case 0x300d: // 」
    case 0xff02: // ＂
      return '"';
    default:
      return undefined;
  }
}

/** First pass: case, quotes, invisibles, diacritics, whitespace runs. */
function fold(source: string): Units {
  const u: Units = { chars: [], starts: [], ends: [], breaks: [] };
  let lastWasSpace = false;
  const n = source.length;
  let i = 0;
  while (i < n) {
    let cp = source.charCodeAt(i);
    let len = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = source.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        len = 2;
      }
    }
    const end = i + len;
    if (isSpaceLike(cp)) {
      const brk = isLineBreak(cp) ? 1 : 0;
      if (lastWasSpace) {
        const last = u.ends.length - 1;
        u.ends[last] = end;
        if (brk) u.breaks[last] = 1;
      } else {
        u.chars.push(' ');
        u.starts.push(i);
        u.ends.push(end);
        u.breaks.push(brk);
        lastWasSpace = true;
      }
      i = end;
      continue;
    }
    if (isInvisible(cp)) {
      i = end;
      continue;
    }
    let out: string;
    if (cp < 128) {
      out = cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
    } else if (len === 1 && cp >= 0xd800 && cp <= 0xdfff) {
      out = '\ufffd'; // a lone surrogate: keep one unit for one unit, never an invalid string
    } else {
      const quote = foldQuote(cp);
      if (quote !== undefined) out = quote;
      else {
        out = String.fromCodePoint(cp).toLowerCase();
        if (cp < 0x1f000) out = out.normalize('NFD').replace(MARKS, '');
      }
    }
    for (let k = 0; k < out.length; k++) {
      u.chars.push(out[k]!);
      u.starts.push(i);
      u.ends.push(end);
      u.breaks.push(0);
    }
    if (out.length > 0) lastWasSpace = false;
    i = end;
  }
  return u;
}

function isWordUnit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return WORD_ASCII[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER_OR_NUMBER.test(ch);
}

/** Reduces letter runs of three or more; returns the kept unit indices. */
function reduceElongation(letters: string[], idx: number[]): { word: string; keep: number[][] } {
  // keep[j] lists the first-pass unit indices the j-th output letter stands for.
  const one: string[] = [];
  const two: string[] = [];
  const keepOne: number[][] = [];
  const keepTwo: number[][] = [];
  let j = 0;
  while (j < letters.length) {
    const ch = letters[j]!;
    let k = j + 1;
    while (k < letters.length && letters[k] === ch) k++;
    const run = k - j;
    const isDigit = ch >= '0' && ch <= '9';
    if (run >= 3 && !isDigit) {
      one.push(ch);
      keepOne.push(idx.slice(j, k));
      two.push(ch, ch);
      keepTwo.push(idx.slice(j, j + 1), idx.slice(j + 1, k));
    } else {
      for (let m = j; m < k; m++) {
        one.push(ch);
        two.push(ch);
        keepOne.push([idx[m]!]);
        keepTwo.push([idx[m]!]);
      }
    }
    j = k;
  }
  const wTwo = two.join('');
  if (DOUBLES.has(wTwo)) return { word: wTwo, keep: keepTwo };
  return { word: one.join(''), keep: keepOne };
}

function hasLongRun(letters: string[]): boolean {
  for (let j = 2; j < letters.length; j++) {
    if (letters[j] === letters[j - 1] && letters[j] === letters[j - 2]) return true;
  }
  return false;
}

/**
 * Normalizes a draft for rule matching, keeping a map back to the original.
 *
 * @example
 * const n = normalize('U NEVER listen, pleeease don’t go');
 * n.text; // 'you never listen, please dont go'
 * const span = toOriginal(n, 0, 3); // { start: 0, end: 1 }: the original "U"
 */
export function normalize(source: string): Normalized {
  const u = fold(source);
  const chars: string[] = [];
  // Offsets go straight into typed arrays, grown by doubling (shorthand can lengthen text).
  let starts = new Int32Array(u.chars.length + 16);
  let ends = new Int32Array(u.chars.length + 16);
  let breaks = new Uint8Array(u.chars.length + 16);
  let size = 0;
  const emit = (ch: string, s: number, e: number, b: number) => {
    if (size === starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      starts = grow(starts);
      ends = grow(ends);
      breaks = grow(breaks);
    }
    chars.push(ch);
    starts[size] = s;
    ends[size] = e;
    breaks[size] = b;
    size++;
  };
  const n = u.chars.length;
  let i = 0;
  while (i < n) {
    const ch = u.chars[i]!;
    if (!isWordUnit(ch)) {
      emit(ch, u.starts[i]!, u.ends[i]!, u.breaks[i]!);
      i++;
      continue;
    }
    // A word: word units, with apostrophes between two word units dropped (don't → dont).
    const letters: string[] = [];
    const idx: number[] = [];
    let j = i;
    while (j < n) {
      const c = u.chars[j]!;
      if (isWordUnit(c)) {
        letters.push(c);
        idx.push(j);
        j++;
      } else if (c === "'" && j + 1 < n && isWordUnit(u.chars[j + 1]!)) {
        j++;
      } else break;
    }
    const elongated = hasLongRun(letters);
    const reduced = elongated ? reduceElongation(letters, idx) : null;
    const word = reduced ? reduced.word : letters.join('');
    const expansion = SHORTHAND[word];
    if (expansion !== undefined) {
      // The whole expansion stands for the whole original word.
      const s = u.starts[i]!;
      const e = u.ends[j - 1]!;
      for (let k = 0; k < expansion.length; k++) emit(expansion[k]!, s, e, 0);
    } else if (reduced) {
      for (let k = 0; k < word.length; k++) {
        const group = reduced.keep[k]!;
        emit(word[k]!, u.starts[group[0]!]!, u.ends[group[group.length - 1]!]!, 0);
      }
    } else {
      // The common case: one output letter per input unit, no allocation per letter.
      for (let k = 0; k < letters.length; k++) emit(letters[k]!, u.starts[idx[k]!]!, u.ends[idx[k]!]!, 0);
    }
    i = j;
  }
  return {
    source,
    text: chars.join(''),
    starts: starts.slice(0, size),
    ends: ends.slice(0, size),
    breaks: breaks.slice(0, size),
  };
}

/**
 * Maps a half-open span of the normalized text back to the original input.
 * An empty span maps to an empty span at the original position.
 *
 * @example
 * const n = normalize('I’m  fine');
 * toOriginal(n, 0, 2); // { start: 0, end: 3 }: "I’m"
 */
export function toOriginal(n: Normalized, start: number, end: number): Span {
  const len = n.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  if (e === s) {
    const at = s < len ? n.starts[s]! : n.source.length;
    return { start: at, end: at };
  }
  return { start: n.starts[s]!, end: n.ends[e - 1]! };
}
