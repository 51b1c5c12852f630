/**
 * The crisis detector (issue 11): finds self-harm and suicidal language by concept, not by
 * sentence. It reads the normalized draft as a stream of words (filler words such as "just"
 * and "literally" left out, a `$` at each sentence end), finds every concept phrase and every
 * figure of speech from lexicon.ts, and keeps a concept match when:
 *   - no figure of speech overlaps it ("dying to hear", "dead tired");
 *   - its sentence has none of the concept's ordinary-context words (a pet's tablets, a game);
 *   - it is about the writer: the phrase names the writer, or a first-person word stands in
 *     the same sentence or a neighbouring one, or (death words) the nearest subject before
 *     it is the writer ("I'd be better off dead", not "my phone died").
 * Negation never cancels a match: "I'm not going to kill myself" still brings help.
 *
 * Linear time: one pass over the words; at each word only the phrases that can start with
 * it are tried, each over a bounded number of words; per-sentence facts are computed once.
 */
import type { Normalized } from '../normalize.js';
import { toOriginal } from '../normalize.js';
import type { Range } from '../segment.js';
import type { Finding, PrincipleId } from '../types.js';
import { type LearnedCrisisHit, learnedCrisis } from './learned.js';
import { CONCEPTS, type Concept, type CrisisLevel, IDIOMS, MACROS } from './lexicon.js';
import { REAL_WORDS_NEAR_LEXICON } from './real-words.js';

/* ------------------------------------------------------------------------------------------
 * Words
 * ---------------------------------------------------------------------------------------- */

interface Token {
  w: string;
  /** Offsets into the normalized text, half-open. */
  start: number;
  end: number;
  sentence: number;
}

const END = '$';

/** Words that carry no meaning for the concepts; they are taken out of the stream. */
const FILLERS = new Set([
  'just',
  'really',
  'rly',
  'rlly',
  'realy',
  'srsly',
  'probs',
  'def',
  'so',
  'fucking',
  'fuckin',
  'fkn',
  'freaking',
  'literally',
  'honestly',
  'seriously',
  'actually',
  'kinda',
  'genuinely',
  'truly',
  'totally',
  'completely',
  'simply',
  'like',
  'basically',
  'lowkey',
  'even',
  'probably',
  'prob',
  'maybe',
  'tbh',
  'ngl',
  'einfach',
  'nur',
  'solo',
  'juste',
  'so',
  'uh',
  'umm',
  'uhh',
  'idk',
  'sorta',
  'somehow',
  'pretty',
  'very',
]);

/** Texting forms the normalizer leaves as they are, read here as the words they stand for. */
const ALIAS_LIST: Record<string, string[]> = {
  w: ['with'],
  tmrw: ['tomorrow'],
  tmr: ['tomorrow'],
  tmrrw: ['tomorrow'],
  tomoz: ['tomorrow'],
  '2moro': ['tomorrow'],
  '2mrw': ['tomorrow'],
  rn: ['right', 'now'],
  tonite: ['tonight'],
  '2nite': ['tonight'],
  b4: ['before'],
  ppl: ['people'],
  everyone: ['everyone'],
  every1: ['everyone'],
  noone: ['no', 'one'],
  no1: ['no', 'one'],
  any1: ['anyone'],
  ima: ['im', 'going', 'to'],
  imma: ['im', 'going', 'to'],
  iam: ['i', 'am'],
  anymore: ['anymore'],
  gunna: ['gonna'],
  gona: ['gonna'],
  wana: ['wanna'],
  wont: ['wont'],
  cnt: ['cant'],
  cant: ['cant'],
  myslf: ['myself'],
  mysef: ['myself'],
  em: ['them'],
  til: ['until'],
  till: ['until'],
  smth: ['something'],
  smthing: ['something'],
  smthin: ['something'],
  sth: ['something'],
  sumthin: ['something'],
  sumthing: ['something'],
  somethin: ['something'],
  evry: ['every'],
  evrything: ['everything'],
  evrythin: ['everything'],
  evrythig: ['everything'],
  everythin: ['everything'],
  kno: ['know'],
  rite: ['right'],
  jst: ['just'],
  nthn: ['nothing'],
  nothin: ['nothing'],
  anymor: ['anymore'],
  nemore: ['anymore'],
  // Quebec and spoken French run the pronoun into the verb: j'veux, j'me, chu (je suis)
  wnt: ['want'],
  wna: ['wanna'],
  jveux: ['je', 'veux'],
  jvoudrais: ['je', 'voudrais'],
  jme: ['je', 'me'],
  jmen: ['je', 'men'],
  chu: ['je', 'suis'],
  jsuis: ['je', 'suis'],
  jvais: ['je', 'vais'],
  jpeux: ['je', 'peux'],
};
/** As a Map: a word such as "constructor" must never find an object's own properties. */
const ALIASES = new Map<string, string[]>(Object.entries(ALIAS_LIST));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const LETTER = /\p{L}/u;

/** A letter or digit at `i` (the character is only built for the rare non-ASCII code). */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && LETTER.test(text[i]!));
}

/** The first-person words: the writer talking about themself, in every language the coach reads. */
const FIRST_PERSON = new Set([
  'i',
  'im',
  'id',
  'ill',
  'ive',
  'me',
  'my',
  'myself',
  'mine',
  'meself',
  'mself',
  'iam',
  'idk',
  // Spanish, French, German, Portuguese
  'yo',
  'mi',
  'mis',
  'conmigo',
  'je',
  'j',
  'jai',
  'jen',
  'moi',
  'mon',
  'ich',
  'mich',
  'mir',
  'mein',
  'meine',
  // Verbs whose form names the writer: "no quiero vivir", "je veux mourir"
  'quiero',
  'quero',
  'queria',
  'quisiera',
  'puedo',
  'posso',
  'estoy',
  'estou',
  'soy',
  'sou',
  'voy',
  'vou',
  'tengo',
  'tenho',
  'necesito',
  'preciso',
  'siento',
  'sinto',
  'veux',
  'peux',
  'suis',
  'vais',
  'eu',
  'mim',
  'meu',
  'minha',
]);

/**
 * Words that may stand between a subject and a death word without changing who it is about:
 * "I would rather be dead", "I keep thinking about dying". Wishes among them mark the writer
 * even when the subject is dropped ("wanna die").
 */
const BRIDGES = new Set([
  'would',
  'could',
  'should',
  'will',
  'wanna',
  'want',
  'wants',
  'wanted',
  'wanting',
  'to',
  'be',
  'been',
  'being',
  'better',
  'off',
  'rather',
  'wish',
  'wished',
  'wishing',
  'was',
  'were',
  'am',
  'is',
  'are',
  'gonna',
  'going',
  'feel',
  'feeling',
  'felt',
  'feels',
  'might',
  'may',
  'must',
  'think',
  'thinking',
  'thought',
  'about',
  'of',
  'keep',
  'kept',
  'dream',
  'dreaming',
  'dreamt',
  'hope',
  'hoping',
  'pray',
  'praying',
  'ready',
  'deserve',
  'deserved',
  'prefer',
  'also',
  'too',
  'soon',
  'already',
  'ok',
  'okay',
  'then',
  'scared',
  'afraid',
  'planning',
  'plan',
  'planned',
  'decided',
  'try',
  'trying',
  'tried',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'wont',
  'dont',
  'not',
  'never',
  'cant',
  'if',
  'when',
  'that',
  'how',
  'almost',
  'nearly',
  'inside',
  'alone',
  'fine',
  'happy',
  'happier',
  'easier',
  'let',
  'lets',
  'leave',
  'where',
  'somewhere',
  'quietly',
  'peacefully',
  'tonight',
  'now',
  'right',
  'here',
  'all',
  'and',
  'or',
  'see',
  'seeing',
  'quietly',
  'fast',
  'young',
  'go',
  'get',
  'sleep',
  'have',
  'has',
  'had',
  'got',
  'made',
  'make',
]);
const WISHES = new Set([
  'want',
  'wanna',
  'wants',
  'wish',
  'wished',
  'rather',
  'ready',
  'deserve',
  'hope',
  'pray',
  'let',
  'prefer',
]);

/* ------------------------------------------------------------------------------------------
 * Phrases
 * ---------------------------------------------------------------------------------------- */

interface Slot {
  /** Alternatives by word count: length → the alternatives joined by one space. */
  alts: Map<number, Set<string>>;
  lengths: number[];
  optional: boolean;
  /** `*`: any one word (not a sentence end). */
  any: boolean;
  /** `!a|b`: the next word must not be one of these; takes no word. */
  not: Set<string> | null;
}

interface Phrase {
  slots: Slot[];
  /** Outweighs an overlapping figure of speech. */
  strong: boolean;
  /** Index into CONCEPTS, or -1 for a figure of speech. */
  concept: number;
}

function alternatives(spec: string): string[] {
  const out: string[] = [];
  for (const part of spec.split('|')) {
    if (part === '') continue;
    if (part.startsWith('@')) {
      const macro = MACROS[part.slice(1)];
      if (macro === undefined) throw new Error(`unknown crisis macro ${part}`);
      out.push(...alternatives(macro));
    } else {
      // The text reaches the phrases without its filler words: so must the phrases.
      const words = part.split('_').filter((w) => !FILLERS.has(w));
      if (words.length > 0) out.push(words.join(' '));
    }
  }
  return out;
}

function compileSlot(raw: string): Slot {
  const optional = raw.endsWith('?') && raw.length > 1;
  const spec = optional ? raw.slice(0, -1) : raw;
  if (spec === '*') return { alts: new Map(), lengths: [], optional, any: true, not: null };
  if (spec.startsWith('!')) {
    return {
      alts: new Map(),
      lengths: [],
      optional: false,
      any: false,
      not: new Set(alternatives(spec.slice(1))),
    };
  }
  const alts = new Map<number, Set<string>>();
  for (const alt of alternatives(spec)) {
    const length = alt.split(' ').length;
    let set = alts.get(length);
    if (!set) {
      set = new Set();
      alts.set(length, set);
    }
    set.add(alt);
  }
  const lengths = [...alts.keys()].sort((a, b) => b - a);
  return { alts, lengths, optional, any: false, not: null };
}

function compilePhrase(source: string, concept: number): Phrase {
  const strong = source.startsWith('+');
  const slots = (strong ? source.slice(1) : source).trim().split(/\s+/).map(compileSlot);
  return { slots, concept, strong };
}

/** The words a phrase can start with; null when its first slot takes any word. */
function firstWordsOf(phrase: Phrase): Set<string> | null {
  const words = new Set<string>();
  for (const slot of phrase.slots) {
    if (slot.not) continue;
    if (slot.any) return null;
    for (const set of slot.alts.values()) for (const alt of set) words.add(alt.split(' ')[0]!);
    if (!slot.optional) return words;
  }
  return null;
}

interface Lexicon {
  /** Phrases that can only start with one of a few known word pairs, by "first second". */
  byPair: Map<string, Phrase[]>;
  /** The first words of those pairs. */
  pairStarts: Set<string>;
  /** The others, by their first word. */
  byFirstWord: Map<string, Phrase[]>;
  ordinary: { words: Set<string>; pairs: Set<string> }[];
}

/** Above this many first-word pairs, a phrase is indexed by its first word alone. */
const MAX_PAIRS = 4_000;

/** The word pairs a phrase must start with, or null when that is not known for sure. */
function firstPairsOf(phrase: Phrase): Set<string> | null {
  const [first, second] = phrase.slots;
  if (!first || first.optional || first.any || first.not) return null;
  const pairs = new Set<string>();
  let secondWords: Set<string> | null | undefined;
  for (const set of first.alts.values()) {
    for (const alt of set) {
      const words = alt.split(' ');
      if (words.length >= 2) {
        pairs.add(`${words[0]} ${words[1]}`);
        continue;
      }
      if (secondWords === undefined) {
        secondWords = null;
        if (second && !second.optional && !second.any && !second.not) {
          secondWords = new Set();
          for (const s2 of second.alts.values()) for (const a2 of s2) secondWords.add(a2.split(' ')[0]!);
        }
      }
      if (secondWords === null) return null;
      for (const w2 of secondWords) pairs.add(`${alt} ${w2}`);
      if (pairs.size > MAX_PAIRS) return null;
    }
  }
  return pairs;
}

function buildLexicon(): Lexicon {
  const phrases: Phrase[] = [];
  CONCEPTS.forEach((concept, i) => {
    for (const p of concept.phrases) phrases.push(compilePhrase(p, i));
  });
  for (const p of IDIOMS) phrases.push(compilePhrase(p, -1));
  const byFirstWord = new Map<string, Phrase[]>();
  const byPair = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const pairs = firstPairsOf(phrase);
    if (pairs) {
      for (const pair of pairs) {
        const list = byPair.get(pair);
        if (list) list.push(phrase);
        else byPair.set(pair, [phrase]);
      }
      continue;
    }
    const words = firstWordsOf(phrase);
    if (words === null) throw new Error('a crisis phrase must start with known words');
    for (const w of words) {
      const list = byFirstWord.get(w);
      if (list) list.push(phrase);
      else byFirstWord.set(w, [phrase]);
    }
  }
  const ordinary = CONCEPTS.map((c: Concept) => {
    const words = new Set<string>();
    const pairs = new Set<string>();
    for (const o of c.ordinary ?? []) {
      if (o.includes('_')) pairs.add(o.replace(/_/g, ' '));
      else words.add(o);
    }
    return { words, pairs };
  });
  const pairStarts = new Set([...byPair.keys()].map((k) => k.split(' ')[0]!));
  return { byPair, pairStarts, byFirstWord, ordinary };
}

let LEXICON: Lexicon | undefined;
function lexicon(): Lexicon {
  LEXICON ??= buildLexicon();
  return LEXICON;
}

/** Longest alternative a slot may take, in words: bounds the work at each position. */
const MAX_ALT_WORDS = 8;

/** Set by matchAt when a phrase failed only on its negative lookahead ("wake up !early"). */
const lookahead = { refused: false };

function matchAt(tokens: readonly Token[], slots: readonly Slot[], s: number, pos: number): number {
  if (s === slots.length) return pos;
  const slot = slots[s]!;
  if (slot.not) {
    if (pos < tokens.length && slot.not.has(tokens[pos]!.w)) {
      lookahead.refused = true;
      return -1;
    }
    return matchAt(tokens, slots, s + 1, pos);
  }
  if (slot.any) {
    if (pos < tokens.length && tokens[pos]!.w !== END) {
      const end = matchAt(tokens, slots, s + 1, pos + 1);
      if (end >= 0) return end;
    }
  } else {
    for (const length of slot.lengths) {
      if (pos + length > tokens.length || length > MAX_ALT_WORDS) continue;
      if (length === 1) {
        // The common case, without building a key.
        if (slot.alts.get(1)!.has(tokens[pos]!.w)) {
          const end = matchAt(tokens, slots, s + 1, pos + 1);
          if (end >= 0) return end;
        }
        continue;
      }
      let key = tokens[pos]!.w;
      for (let k = 1; k < length; k++) key += ` ${tokens[pos + k]!.w}`;
      if (slot.alts.get(length)!.has(key)) {
        const end = matchAt(tokens, slots, s + 1, pos + length);
        if (end >= 0) return end;
      }
    }
  }
  return slot.optional ? matchAt(tokens, slots, s + 1, pos) : -1;
}

/* ------------------------------------------------------------------------------------------
 * Detection
 * ---------------------------------------------------------------------------------------- */

function tokenize(text: string, sentences: readonly Range[]): Token[] {
  const tokens: Token[] = [];
  /** The next segment sentence, and the detector's own running sentence number. */
  let sentence = 0;
  let current = 0;
  const length = text.length;
  let i = 0;
  const pushEnd = (at: number) => {
    if (tokens.length > 0 && tokens[tokens.length - 1]!.w !== END) {
      tokens.push({ w: END, start: at, end: at, sentence: current });
      current++;
    }
  };
  while (i < length) {
    const c = text.charCodeAt(i);
    if (!isWordAt(text, i)) {
      // A colon after a label ends it: "journal: cut again", "unsent text to r: please…"
      // (but not a time: 10:30).
      if (c === 58 && !isDigit(text.charCodeAt(i + 1)) && !isDigit(text.charCodeAt(i + 2))) pushEnd(i);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < length && isWordAt(text, j)) j++;
    while (sentence < sentences.length && i >= sentences[sentence]!.end) {
      pushEnd(sentences[sentence]!.end);
      sentence++;
    }
    let word = text.slice(i, j);
    let end = j;
    // "w/o": without
    if (
      word === 'w' &&
      text[j] === '/' &&
      text[j + 1] === 'o' &&
      !(j + 2 < length && isWordAt(text, j + 2))
    ) {
      word = 'without';
      end = j + 2;
    }
    if (!FILLERS.has(word) && !ALIASES.has(word)) word = unslip(word);
    if (!FILLERS.has(word)) {
      const alias = ALIASES.get(word);
      if (alias) for (const w of alias) tokens.push({ w, start: i, end, sentence: current });
      else tokens.push({ w: word, start: i, end, sentence: current });
    }
    i = end;
  }
  pushEnd(length);
  return withoutSoftTails(tokens);
}

/**
 * What people tack on at the end of a sentence without changing it ("no point in any of
 * it tbh", "im done with everything i guess"): left out before each sentence end, so a
 * phrase that must end its sentence still does.
 */
const SOFT_TAILS = [
  'to be honest',
  'honestly',
  'i guess',
  'i think',
  'or whatever',
  'or something',
  'you know',
  'ya know',
  'i mean',
  'man',
  'bro',
  'dude',
  'tho',
  'though',
  'anyway',
  'anyways',
  'i dunno',
  'for real',
  'fr',
  'ok',
  'okay',
  'right',
].map((t) => t.split(' '));

/** The words a soft tail can end with: only these are worth a look before a sentence end. */
const SOFT_TAIL_ENDS = new Set(SOFT_TAILS.map((t) => t[t.length - 1]!));

function withoutSoftTails(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.w === END && out.length > 0 && SOFT_TAIL_ENDS.has(out[out.length - 1]!.w)) {
      let trimmed = true;
      while (trimmed) {
        trimmed = false;
        for (const tail of SOFT_TAILS) {
          const at = out.length - tail.length;
          if (at < 0 || out[at]!.sentence !== t.sentence) continue;
          if (tail.every((w, i) => out[at + i]!.w === w) && (at === 0 || out[at - 1]!.w !== END)) {
            out.length = at;
            trimmed = true;
            break;
          }
        }
      }
    }
    out.push(t);
  }
  return out;
}

/* ------------------------------------------------------------------------------------------
 * Typing slips
 *
 * A word that is not in the lexicon but one slip away from a lexicon word ("anymre",
 * "existin", "poitn", "wakin") is read as that word, unless it is a real English word of its
 * own ("dyeing" is not "dying", "deal" is not "dead"). The real words one slip away from the
 * lexicon are generated from a word list by bench/build-real-words.ts into real-words.ts.
 * ---------------------------------------------------------------------------------------- */

/** Every word the phrases, idioms, ordinary contexts and subject bridges use, four letters or more. */
export function lexiconWords(): Set<string> {
  const words = new Set<string>();
  const addAll = (text: string) => {
    for (const w of text.split(/[\s|_?!]+/)) if (/^[a-z]{4,}$/.test(w)) words.add(w);
  };
  for (const macro of Object.values(MACROS)) addAll(macro);
  for (const c of CONCEPTS) for (const p of c.phrases) addAll(p.replace(/@\w+/g, ''));
  // Ordinary-context words too, so they are read as typed ("linge" is not a slip of "line").
  for (const c of CONCEPTS) for (const o of c.ordinary ?? []) addAll(o);
  for (const p of IDIOMS) addAll(p.replace(/@\w+/g, ''));
  for (const w of BRIDGES) addAll(w);
  return words;
}

/** Single deletions of a word, and the word itself. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Damerau distance of at most one: one letter added, dropped, changed or two swapped. */
export function oneSlip(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface SlipIndex {
  words: Set<string>;
  /** A deletion (or the word) → the lexicon words it comes from. */
  byDeletion: Map<string, string[]>;
}

let SLIPS: SlipIndex | undefined;
function slipIndex(): SlipIndex {
  if (!SLIPS) {
    const words = lexiconWords();
    const byDeletion = new Map<string, string[]>();
    for (const w of [...words].sort()) {
      for (const d of deletions(w)) {
        const list = byDeletion.get(d);
        if (list) list.push(w);
        else byDeletion.set(d, [w]);
      }
    }
    SLIPS = { words, byDeletion };
  }
  return SLIPS;
}

/** Words already read, so a word typed again costs one lookup (bounded: cleared when full). */
const UNSLIPPED = new Map<string, string>();
const UNSLIPPED_MAX = 20_000;

/** The lexicon word a typed word slipped from, or the word itself. */
function unslip(word: string): string {
  const known = UNSLIPPED.get(word);
  if (known !== undefined) return known;
  const read = unslipUncached(word);
  if (UNSLIPPED.size >= UNSLIPPED_MAX) UNSLIPPED.clear();
  UNSLIPPED.set(word, read);
  return read;
}

function unslipUncached(word: string): string {
  if (word.length < 5 || word.length > 24 || !/^[a-z]+$/.test(word)) return word;
  const { words, byDeletion } = slipIndex();
  if (words.has(word) || REAL_WORDS_NEAR_LEXICON.has(word)) return word;
  for (const d of deletions(word)) {
    const from = byDeletion.get(d);
    if (!from) continue;
    // A slip keeps the first letter: people rarely mistype it, and other languages' words
    // one letter from ours differ there ("devolver" is not "revolver").
    for (const candidate of from) {
      if (candidate.length >= 4 && candidate[0] === word[0] && oneSlip(word, candidate)) return candidate;
    }
  }
  return word;
}

export interface CrisisHit {
  concept: Concept;
  level: CrisisLevel;
  /** Offsets into the normalized text. */
  start: number;
  end: number;
}

/** Words before "me" that make it the one the death word is about: "let me die". */
const ME_AS_SUBJECT = new Set(['let', 'lets', 'leave', 'make', 'help', 'want', 'wants', 'wish']);

/**
 * Walks back from a death word to the subject it belongs to: `wish` when the writer wishes
 * it ("I want to die", "wanna die"), `writer` when the writer is the subject ("I died", or
 * no subject and a first-person word nearby), `other` when someone or something else is
 * ("my phone died", "the plant you gave me died").
 */
function subjectOf(
  tokens: readonly Token[],
  from: number,
  dropped: boolean,
  nearWriter: (s: number) => boolean,
): 'wish' | 'writer' | 'other' {
  const sentence = tokens[from]!.sentence;
  // A phrase that opens with the writer ("ill end it") is the writer's.
  if (FIRST_PERSON.has(tokens[from]!.w) && tokens[from]!.w !== 'my') return 'writer';
  let wished = false;
  let k = from - 1;
  for (let steps = 0; k >= 0 && steps < 8; k--, steps++) {
    const t = tokens[k]!;
    if (t.w === END || t.sentence !== sentence) break;
    if (t.w === 'me') {
      if (k > 0 && ME_AS_SUBJECT.has(tokens[k - 1]!.w)) return 'wish';
      return 'other';
    }
    if (FIRST_PERSON.has(t.w) && t.w !== 'my') return wished ? 'wish' : 'writer';
    if (!BRIDGES.has(t.w)) return 'other';
    if (WISHES.has(t.w)) wished = true;
  }
  // The subject was dropped ("wanna die tonight"): a wish names the writer; otherwise a
  // first-person word nearby does.
  if (wished) return 'wish';
  const atStart = k < 0 || tokens[k]!.w === END || tokens[k]!.sentence !== sentence;
  if (dropped && atStart) return 'writer';
  return nearWriter(sentence) ? 'writer' : 'other';
}

/** Someone other than the writer as a subject: the sentence is about them. */
const OTHER_SUBJECTS = new Set([
  'he',
  'she',
  'they',
  'hes',
  'shes',
  'theyre',
  'his',
  'her',
  'their',
  'we',
  'were',
  'our',
  'it',
  'its',
  'you',
  'youre',
  'your',
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'people',
]);

/** Words a sentence may open with before a phrase whose subject was dropped. */
const OPENERS = new Set([
  'the',
  'a',
  'an',
  'my',
  'and',
  'so',
  'then',
  'already',
  'ok',
  'okay',
  'well',
  // the label of a note: "check-in: not safe tonight", "journal: cut again"
  'check',
  'in',
  'checkin',
  'journal',
  'diary',
  'diario',
  'note',
  'notes',
  'reflection',
  'today',
  'tonight',
  'mood',
  'update',
  'entry',
  'still',
  'now',
]);

/** Verbs a texter opens a sentence with when the subject "I" is dropped: "Took the pills." */
const DROPPED_SUBJECT_VERBS = new Set([
  'took',
  'got',
  'bought',
  'went',
  'sat',
  'left',
  'put',
  'made',
  'had',
  'wrote',
  'drove',
  'kept',
  'found',
  'gave',
  'stood',
  'thought',
  'been',
  'done',
  'did',
  'tried',
  'feel',
  'felt',
  'keep',
  'cant',
  'dont',
  'wont',
  'gonna',
  'wanna',
  'going',
  'thinking',
  'signed',
  'sorted',
  'might',
  'could',
  'should',
  'may',
  'will',
  'would',
  'must',
]);

/** Does the sentence open with a verb whose subject, unsaid, is the writer? */
function opensWithVerb(tokens: readonly Token[], from: number): boolean {
  const sentence = tokens[from]!.sentence;
  let k = from;
  while (k > 0 && tokens[k - 1]!.w !== END && tokens[k - 1]!.sentence === sentence) k--;
  // past a note's label: "journal: kept thinking about…"
  while (k < from && OPENERS.has(tokens[k]!.w)) k++;
  const first = tokens[k]!.w;
  return (
    DROPPED_SUBJECT_VERBS.has(first) || (first.length > 4 && first.endsWith('ed') && !FIRST_PERSON.has(first))
  );
}

function startsSentence(tokens: readonly Token[], from: number): boolean {
  if (opensWithVerb(tokens, from)) return true;
  const sentence = tokens[from]!.sentence;
  for (let k = from - 1; k >= from - 5; k--) {
    if (k < 0) return true;
    const t = tokens[k]!;
    if (t.w === END || t.sentence !== sentence) return true;
    if (!OPENERS.has(t.w) || k === from - 5) return false;
  }
  return true;
}

/** Laughter and mock despair: "i died when i saw it lol", "im dead 💀", "this song, im gonna die 😭". */
const LAUGHTER_WORDS = new Set([
  'lol',
  'lmao',
  'lmfao',
  'rofl',
  'haha',
  'hahaha',
  'xd',
  'jaja',
  'jajaja',
  'kkkk',
  'mdr',
  'rip',
]);
const LAUGHTER_EMOJI = /[\u{1F602}\u{1F923}\u{1F480}\u{1F606}\u{1F639}\u{1F62D}]/u;

/**
 * Every crisis concept match in a normalized text, in reading order (offsets into the
 * normalized text).
 *
 * @example
 * const n = normalize("i'd be better off dead");
 * findCrisis(n, segment(n).sentences).length; // 1
 */
export function findCrisis(n: Normalized, sentences: readonly Range[]): CrisisHit[] {
  return readCrisis(n, sentences).hits;
}

/** What the detector read: its hits, and the sentences it cleared. */
export interface CrisisReading {
  hits: CrisisHit[];
  /**
   * Indices (into `sentences`) of sentences where the detector met crisis words and judged
   * them something else: a listed figure of speech, an ordinary context (a pet's tablets),
   * a phrase's stated exception ("wake up early"), or someone else as the subject ("my
   * grandma died"). The learned scorer leaves these to the detector's explicit judgement.
   */
  cleared: Set<number>;
}

/**
 * findCrisis, with the sentences the detector cleared.
 *
 * @example
 * const n = normalize("I don't want to wake up early tomorrow");
 * readCrisis(n, segment(n).sentences); // { hits: [], cleared: Set { 0 } }
 */
export function readCrisis(n: Normalized, sentences: readonly Range[]): CrisisReading {
  const { byPair, pairStarts, byFirstWord, ordinary } = lexicon();
  const tokens = tokenize(n.text, sentences);
  const count = tokens.length;
  const cleared = new Set<number>();
  if (count === 0) return { hits: [], cleared };
  const sentenceCount = tokens[count - 1]!.sentence + 1;
  // Per sentence: a first-person word? (computed once)
  const firstPerson = new Uint8Array(sentenceCount + 1);
  for (const t of tokens) if (FIRST_PERSON.has(t.w)) firstPerson[t.sentence] = 1;
  const nearWriter = (s: number) =>
    firstPerson[s] === 1 || (s > 0 && firstPerson[s - 1] === 1) || firstPerson[s + 1] === 1;
  // Per sentence: its words and word pairs, built on first use.
  const sentenceStart = new Int32Array(sentenceCount + 1).fill(-1);
  const sentenceEnd = new Int32Array(sentenceCount + 1);
  tokens.forEach((t, k) => {
    if (sentenceStart[t.sentence] === -1) sentenceStart[t.sentence] = k;
    sentenceEnd[t.sentence] = k + 1;
  });
  const wordsOf = new Map<number, Set<string>>();
  const words = (s: number): Set<string> => {
    let set = wordsOf.get(s);
    if (!set) {
      set = new Set();
      // Words right after "not" are not the context: "rope. not for the boat".
      let negated = 0;
      for (let k = sentenceStart[s]!; k >= 0 && k < sentenceEnd[s]!; k++) {
        const w = tokens[k]!.w;
        if (w === 'not' || w === 'nothing') {
          negated = 3;
          continue;
        }
        if (negated > 0) {
          negated--;
          continue;
        }
        set.add(w);
        if (k + 1 < sentenceEnd[s]!) set.add(`${w} ${tokens[k + 1]!.w}`);
      }
      wordsOf.set(s, set);
    }
    return set;
  };

  const otherOf = new Map<number, boolean>();
  const someoneElse = (s: number): boolean => {
    let yes = otherOf.get(s);
    if (yes === undefined) {
      const w = words(s);
      yes = [...OTHER_SUBJECTS].some((x) => w.has(x));
      otherOf.set(s, yes);
    }
    return yes;
  };
  const laughingOf = new Map<number, boolean>();
  const laughing = (s: number): boolean => {
    let yes = laughingOf.get(s);
    if (yes === undefined) {
      yes = [...LAUGHTER_WORDS].some((w) => words(s).has(w));
      // ...or a short sentence of its own just after: "literally dead. rip", "I died. lol".
      if (!yes && s + 1 < sentenceCount && sentenceStart[s + 1]! >= 0) {
        const next = words(s + 1);
        yes = next.size <= 3 && [...LAUGHTER_WORDS].some((w) => next.has(w));
      }
      if (!yes && sentenceStart[s]! >= 0) {
        const from = tokens[sentenceStart[s]!]!.start;
        const to = tokens[sentenceEnd[s]! - 1]!.end;
        // The emoji may sit just after the sentence's last word.
        yes = LAUGHTER_EMOJI.test(n.text.slice(from, Math.min(n.text.length, to + 16)));
      }
      laughingOf.set(s, yes);
    }
    return yes;
  };

  const idiom = new Uint8Array(count);
  const candidates: { phrase: Phrase; from: number; to: number }[] = [];
  const tryAll = (phrases: readonly Phrase[] | undefined, i: number) => {
    if (!phrases) return;
    for (const phrase of phrases) {
      lookahead.refused = false;
      const to = matchAt(tokens, phrase.slots, 0, i);
      if (to <= i) {
        if (lookahead.refused) cleared.add(tokens[i]!.sentence);
        continue;
      }
      if (phrase.concept < 0) {
        idiom.fill(1, i, to);
        cleared.add(tokens[i]!.sentence);
      } else candidates.push({ phrase, from: i, to });
    }
  };
  for (let i = 0; i < count; i++) {
    const w = tokens[i]!.w;
    tryAll(byFirstWord.get(w), i);
    if (i + 1 < count && pairStarts.has(w)) tryAll(byPair.get(`${w} ${tokens[i + 1]!.w}`), i);
  }

  const hits: CrisisHit[] = [];
  const ordinaryOf = new Map<number, boolean>();
  for (const { phrase, from, to } of candidates) {
    let figure = false;
    for (let k = from; k < to && !figure && !phrase.strong; k++) if (idiom[k] === 1) figure = true;
    const concept = CONCEPTS[phrase.concept]!;
    const s = tokens[from]!.sentence;
    if (figure) {
      cleared.add(s);
      continue;
    }
    // Is the sentence an ordinary context for this concept? Once per sentence and concept.
    const key = s * CONCEPTS.length + phrase.concept;
    let plain = ordinaryOf.get(key);
    if (plain === undefined) {
      const o = ordinary[phrase.concept]!;
      plain = false;
      if (o.words.size + o.pairs.size > 0) {
        const w = words(s);
        for (const x of o.words) if (w.has(x)) plain = true;
        for (const x of o.pairs) if (w.has(x)) plain = true;
      }
      ordinaryOf.set(key, plain);
    }
    if (plain && !phrase.strong) {
      cleared.add(s);
      continue;
    }
    let aboutWriter: boolean;
    switch (concept.who) {
      case 'self':
      case 'none':
        aboutWriter = true;
        break;
      case 'first-person':
        // Texts drop the "I" ("don't want to be here anymore"): a sentence with no one else
        // as its subject is about the writer.
        aboutWriter = nearWriter(s) || startsSentence(tokens, from) || !someoneElse(s);
        break;
      case 'subject': {
        const subject = subjectOf(tokens, from, concept.dropped === true, nearWriter);
        // "I died when I saw it 😂": a death word in laughter is a figure, unless wished for.
        aboutWriter =
          subject === 'wish' || (subject === 'writer' && !(concept.id === 'death' && laughing(s)));
        break;
      }
    }
    if (!aboutWriter) {
      cleared.add(s);
      continue;
    }
    let last = to - 1;
    while (last > from && tokens[last]!.w === END) last--;
    hits.push({ concept, level: concept.level, start: tokens[from]!.start, end: tokens[last]!.end });
  }
  return { hits, cleared };
}

/* ------------------------------------------------------------------------------------------
 * Findings
 * ---------------------------------------------------------------------------------------- */

const PRINCIPLES: PrincipleId[] = ['P3', 'P15', 'P18'];

export const CRISIS_WORDING: Record<CrisisLevel, { message: string; explanation: string }> = {
  explicit: {
    message: 'This sounds like you might be thinking about hurting yourself or not wanting to live.',
    explanation:
      'You matter far more than this message or this relationship. Please talk to someone now: a crisis line, ' +
      'emergency services if you are in danger, or a person you trust. Help is listed right here. The coach ' +
      'will not work on this draft; your safety comes first (P3 P15 P18).',
  },
  warning: {
    message: 'This sounds heavy. Are you safe right now?',
    explanation:
      'Words like these can mean the pain has become too much. If any part of you is thinking about not being ' +
      'here, reach out now: your safety plan, a crisis line, or someone you trust. Help is listed right here. ' +
      'If you are safe right now, you can say so and still see the coaching (P3 P15 P18).',
  },
};

/**
 * The detector's matches as coach findings on exact spans of the original text.
 *
 * @example
 * const n = normalize('honestly whats the point of me anymore');
 * crisisFindings(n, segment(n).sentences)[0]?.level; // 'warning'
 */
export function crisisFindings(n: Normalized, sentences: readonly Range[]): Finding[] {
  const { hits, cleared } = readCrisis(n, sentences);
  if (hits.length === 0) {
    const open = cleared.size === 0 ? sentences : sentences.filter((_, i) => !cleared.has(i));
    return learnedCrisis(n, open).map((hit) => learnedFinding(n, hit));
  }
  return hits.map((hit) => {
    const span = toOriginal(n, hit.start, hit.end);
    const wording = CRISIS_WORDING[hit.level];
    return {
      ruleId: `crisis/${hit.concept.id}`,
      category: 'crisis',
      kind: 'stop',
      severity: hit.level === 'explicit' ? 'critical' : 'high',
      confidence: hit.level === 'explicit' ? 0.9 : 0.75,
      level: hit.level,
      start: span.start,
      end: span.end,
      actual: n.source.slice(span.start, span.end),
      message: wording.message,
      explanation: wording.explanation,
      principles: [...PRINCIPLES],
      suggestions: [],
    };
  });
}

/** A sentence the learned scorer read as crisis language: always the warning level. */
function learnedFinding(n: Normalized, hit: LearnedCrisisHit): Finding {
  const span = toOriginal(n, hit.start, hit.end);
  const wording = CRISIS_WORDING.warning;
  const named = hit.words.map((w) => `“${w}”`).join(', ');
  return {
    ruleId: 'crisis/learned',
    category: 'crisis',
    kind: 'stop',
    severity: 'high',
    confidence: Math.round(hit.probability * 100) / 100,
    level: 'warning',
    start: span.start,
    end: span.end,
    actual: n.source.slice(span.start, span.end),
    message: wording.message,
    explanation: `${wording.explanation} (Read by the learned scorer; these words weighed most: ${named}.)`,
    principles: [...PRINCIPLES],
    suggestions: [],
  };
}
