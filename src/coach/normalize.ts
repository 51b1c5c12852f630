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
const SHORTHAND_WORDS: Readonly<Record<string, string>> = {
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
  ud: 'youd',
  tryna: 'trying to',
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
/** A Map, so a word like "constructor" never finds an Object.prototype member. */
const SHORTHAND: ReadonlyMap<string, string> = new Map(Object.entries(SHORTHAND_WORDS));
/** The longest shorthand key: longer words are never looked up. */
const SHORTHAND_MAX = Math.max(...[...SHORTHAND.keys()].map((k) => k.length));
const APOSTROPHE = 39;
const SPACE = 32;

/**
 * Typed buffers for one pass's output: UTF-16 codes and, per code, where it came from.
 * Grown by doubling: folding and shorthand can lengthen the text.
 */
class Units {
  codes!: Uint16Array;
  starts!: Int32Array;
  ends!: Int32Array;
  breaks!: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.allocate(capacity);
  }

  /** Empties the buffers for reuse, growing them to hold at least `capacity` units. */
  reset(capacity: number): this {
    this.length = 0;
    if (this.codes.length < capacity) this.allocate(capacity);
    return this;
  }

  push(code: number, start: number, end: number, brk: number): void {
    if (this.length === this.codes.length) {
      const { codes, starts, ends, breaks } = this;
      this.allocate(codes.length * 2 + 16);
      this.codes.set(codes);
      this.starts.set(starts);
      this.ends.set(ends);
      this.breaks.set(breaks);
    }
    const at = this.length++;
    this.codes[at] = code;
    this.starts[at] = start;
    this.ends[at] = end;
    this.breaks[at] = brk;
  }

  private allocate(size: number): void {
    this.codes = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.breaks = new Uint8Array(size);
  }

  /** The codes as a string, in chunks small enough for `fromCharCode`'s argument limit. */
  text(): string {
    let out = '';
    for (let i = 0; i < this.length; i += 8192) {
      out += String.fromCharCode.apply(
        null,
        this.codes.subarray(i, Math.min(this.length, i + 8192)) as never,
      );
    }
    return out;
  }
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

/** The ASCII quote a typographic quote folds to, or 0. */
function foldQuote(cp: number): number {
  switch (cp) {
    case 0x60: // `
    case 0xb4: // ´
    case 0x2bc: // ʼ
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
      return 39; // '
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
      return 34; // "
    default:
      return 0;
  }
}

/** Lowercased, diacritics dropped: what a non-ASCII code point folds to (often ''). */
function foldLetter(cp: number): string {
  const lower = String.fromCodePoint(cp).toLowerCase();
  return cp < 0x1f000 ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/**
 * Both passes write into these, reused from call to call (normalize is synchronous, so no
 * two calls share them at once); the result is copied out at the end. Allocating fresh
 * typed arrays per draft cost more than the short draft's whole first pass.
 */
const FOLDED = new Units(1024);
const OUTPUT = new Units(1024);

/** First pass: case, quotes, invisibles, diacritics, whitespace runs. */
function fold(source: string): Units {
  const u = FOLDED.reset(source.length + 16);
  let lastWasSpace = false;
  const n = source.length;
  let i = 0;
  while (i < n) {
    let cp = source.charCodeAt(i);
    if (cp > 32 && cp < 127) {
      // The common case: a printable ASCII character.
      u.push(cp >= 65 && cp <= 90 ? cp + 32 : cp === 0x60 ? APOSTROPHE : cp, i, i + 1, 0);
      lastWasSpace = false;
      i++;
      continue;
    }
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
        const last = u.length - 1;
        u.ends[last] = end;
        if (brk) u.breaks[last] = 1;
      } else {
        u.push(SPACE, i, end, brk);
        lastWasSpace = true;
      }
      i = end;
      continue;
    }
    if (isInvisible(cp)) {
      i = end;
      continue;
    }
    if (len === 1 && cp >= 0xd800 && cp <= 0xdfff) {
      u.push(0xfffd, i, end, 0); // a lone surrogate: one unit for one unit, never an invalid string
      lastWasSpace = false;
    } else {
      const quote = foldQuote(cp);
      const out = quote !== 0 ? String.fromCharCode(quote) : foldLetter(cp);
      for (let k = 0; k < out.length; k++) u.push(out.charCodeAt(k), i, end, 0);
      if (out.length > 0) lastWasSpace = false;
    }
    i = end;
  }
  return u;
}

/** Per UTF-16 unit above ASCII: 0 not yet known, 1 a letter or number, 2 not. */
const WORD_CACHE = new Uint8Array(65536);

function isWordCode(c: number): boolean {
  if (c < 128) return WORD_ASCII[c] === 1;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = WORD_CACHE[c]!;
  if (known === 0) {
    known = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_CACHE[c] = known;
  }
  return known === 1;
}

function hasLongRun(codes: Uint16Array, idx: Int32Array, count: number): boolean {
  for (let j = 2; j < count; j++) {
    const c = codes[idx[j]!];
    if (c === codes[idx[j - 1]!] && c === codes[idx[j - 2]!]) return true;
  }
  return false;
}

function wordString(codes: Uint16Array, idx: Int32Array, count: number): string {
  let word = '';
  for (let k = 0; k < count; k++) word += String.fromCharCode(codes[idx[k]!]!);
  return word;
}

/**
 * Reduces letter runs of three or more (pleeease → please), keeping a double where the
 * word needs one (neeeed → need). Returns the reduced word and, per letter, the range of
 * the word's letters (indices into `idx`) it stands for.
 */
function reduceElongation(
  codes: Uint16Array,
  idx: Int32Array,
  count: number,
): { word: string; groups: [number, number][] } {
  const one: string[] = [];
  const two: string[] = [];
  // Each output letter stands for first-pass units idx[from..to], inclusive.
  const groupsOne: [number, number][] = [];
  const groupsTwo: [number, number][] = [];
  let j = 0;
  while (j < count) {
    const code = codes[idx[j]!]!;
    let k = j + 1;
    while (k < count && codes[idx[k]!] === code) k++;
    const run = k - j;
    const ch = String.fromCharCode(code);
    if (run >= 3 && !(code >= 48 && code <= 57)) {
      one.push(ch);
      groupsOne.push([j, k - 1]);
      two.push(ch, ch);
      groupsTwo.push([j, j], [j + 1, k - 1]);
    } else {
      for (let m = j; m < k; m++) {
        one.push(ch);
        two.push(ch);
        groupsOne.push([m, m]);
        groupsTwo.push([m, m]);
      }
    }
    j = k;
  }
  const wordTwo = two.join('');
  if (DOUBLES.has(wordTwo)) return { word: wordTwo, groups: groupsTwo };
  return { word: one.join(''), groups: groupsOne };
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
  const out = OUTPUT.reset(u.length + 16);
  const { codes, starts, ends, breaks } = u;
  const n = u.length;
  // The first-pass indices of the current word's letters (apostrophes inside it skipped).
  let idx = new Int32Array(64);
  let i = 0;
  while (i < n) {
    const code = codes[i]!;
    if (!isWordCode(code)) {
      out.push(code, starts[i]!, ends[i]!, breaks[i]!);
      i++;
      continue;
    }
    // A word: word units, with apostrophes between two word units dropped (don't → dont).
    let count = 0;
    let j = i;
    while (j < n) {
      const c = codes[j]!;
      if (isWordCode(c)) {
        if (count === idx.length) {
          const bigger = new Int32Array(idx.length * 2);
          bigger.set(idx);
          idx = bigger;
        }
        idx[count++] = j++;
      } else if (c === APOSTROPHE && j + 1 < n && isWordCode(codes[j + 1]!)) {
        j++;
      } else break;
    }
    if (hasLongRun(codes, idx, count)) {
      const reduced = reduceElongation(codes, idx, count);
      const expansion = SHORTHAND.get(reduced.word);
      if (expansion !== undefined) emitExpansion(out, expansion, starts[i]!, ends[j - 1]!);
      else {
        for (let k = 0; k < reduced.groups.length; k++) {
          const [from, to] = reduced.groups[k]!;
          out.push(reduced.word.charCodeAt(k), starts[idx[from]!]!, ends[idx[to]!]!, 0);
        }
      }
    } else {
      const expansion = count <= SHORTHAND_MAX ? SHORTHAND.get(wordString(codes, idx, count)) : undefined;
      if (expansion !== undefined) emitExpansion(out, expansion, starts[i]!, ends[j - 1]!);
      else {
        // The common case: one output letter per input unit.
        for (let k = 0; k < count; k++) {
          const at = idx[k]!;
          out.push(codes[at]!, starts[at]!, ends[at]!, 0);
        }
      }
    }
    i = j;
  }
  return {
    source,
    text: out.text(),
    starts: out.starts.slice(0, out.length),
    ends: out.ends.slice(0, out.length),
    breaks: out.breaks.slice(0, out.length),
  };
}

/** The whole expansion stands for the whole original word. */
function emitExpansion(out: Units, expansion: string, start: number, end: number): void {
  for (let k = 0; k < expansion.length; k++) out.push(expansion.charCodeAt(k), start, end, 0);
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
