/**
 * The learned scorer's model: one logistic regression per category over the features of
 * features.ts, shipped as data (weights.json, written by `npm run train`). Here: its data
 * format, and the compiled form that scores a sentence in one pass over its features.
 */
import type { Normalized } from '../normalize.js';
import type { Range } from '../segment.js';
import {
  CONCEPT_NAMES,
  CROSSED_SHAPES,
  type FeatureSink,
  type SentenceFeatures,
  SHAPES,
  type Token,
  visitFeatures,
  type WeightSlot,
  WORD_INFO,
  type WordInfo,
} from './features.js';

/** The categories the scorer learns: every problem, and two strengths the rules under-find. */
export const LEARNED_CATEGORIES = [
  'you_blame',
  'begging',
  'over_promise',
  'blind_apology',
  'pressure',
  'manipulation',
  'rehash',
  'empathy',
  'i_statement',
] as const;

export type LearnedCategory = (typeof LEARNED_CATEGORIES)[number];

/** One category's weights as shipped. */
export interface CategoryWeights {
  bias: number;
  /**
   * The probability a sentence must reach to be reported, chosen by cross-validation for
   * precision ≥ 0.85; 1 when no threshold reached it (the category never fires).
   */
  threshold: number;
  /** `feature:weight` pairs separated by single spaces, features sorted (names never hold spaces). */
  weights: string;
}

/** The shipped file's shape (weights.json). */
export interface LearnedModelData {
  version: 1;
  /** SHA-256 of the training corpus files, so a model older than its corpus is detected. */
  corpus: string;
  /** How many messages it was trained on. */
  messages: number;
  categories: Record<LearnedCategory, CategoryWeights>;
}

type Slot = WeightSlot;
/** A word's weights (WordInfo's slots filled in): one lookup serves the walk and the weights. */
type WordSlots = WordInfo;

/** Ready to score: per feature, its weight for every category, in LEARNED_CATEGORIES order. */
export interface CompiledModel {
  /** How many categories it scores (the length of every vector). */
  k: number;
  bias: Float64Array;
  /** ln(p / (1 − p)) of each threshold: comparing logits avoids an exp per sentence. */
  logitThreshold: Float64Array;
  threshold: Float64Array;
  /** By feature name: for explanations and for training. */
  weights: ReadonlyMap<string, Float64Array>;
  /**
   * The same weights indexed for scoring without building names: every vector lives in
   * `flat` (K numbers from an offset), and the tables hold offsets (-1: no weights).
   */
  flat: Float64Array;
  words: ReadonlyMap<string, WordSlots>;
  concepts: Int32Array;
  shapes: Int32Array;
  /** [shape × concepts + concept], for the crossed shapes. */
  crosses: Int32Array;
  /** Counts sentences scored, to stamp slots with. */
  sentence: number;
  /** scoreSentence's result, reused: allocating a typed array per sentence cost more than its sums. */
  scores: Float64Array;
}

/** One category's shipped weights, as compileWeights reads them. */
export type WeightsEntry = Pick<CategoryWeights, 'bias' | 'threshold' | 'weights'> & { name: string };

/**
 * Turns the shipped data into per-feature weight vectors. Throws on a malformed entry, so
 * a bad weights file fails at load, not as a silently weaker coach.
 *
 * @example
 * const model = compileModel(data);
 */
export function compileModel(data: LearnedModelData): CompiledModel {
  return compileWeights(
    LEARNED_CATEGORIES.map((name) => {
      const c = data.categories[name];
      if (c === undefined) throw new Error(`learned model: no weights for ${name}`);
      return { name, ...c };
    }),
  );
}

/**
 * Any number of linear models over the same features, compiled to be scored together in one
 * walk over a sentence (the category scorer's nine, or the crisis scorer's one).
 *
 * @example
 * const model = compileWeights([{ name: 'crisis', bias: -3, threshold: 0.7, weights: 'pills:1.2' }]);
 */
export function compileWeights(categories: readonly WeightsEntry[]): CompiledModel {
  const K = categories.length;
  const bias = new Float64Array(K);
  const threshold = new Float64Array(K);
  const logitThreshold = new Float64Array(K);
  const offsets = new Map<string, number>();
  const entries: [number, number, number][] = [];
  categories.forEach((c, k) => {
    const category = c.name;
    bias[k] = c.bias;
    threshold[k] = c.threshold;
    logitThreshold[k] =
      c.threshold >= 1 ? Number.POSITIVE_INFINITY : Math.log(c.threshold / (1 - c.threshold));
    if (c.weights === '') return;
    for (const entry of c.weights.split(' ')) {
      const at = entry.lastIndexOf(':');
      const w = Number(entry.slice(at + 1));
      if (at <= 0 || !Number.isFinite(w))
        throw new Error(`learned model: bad entry ${entry} for ${category}`);
      const name = entry.slice(0, at);
      let offset = offsets.get(name);
      if (offset === undefined) {
        offset = offsets.size * K;
        offsets.set(name, offset);
      }
      entries.push([offset, k, w]);
    }
  });
  const flat = new Float64Array(offsets.size * K);
  for (const [offset, k, w] of entries) flat[offset + k] = w;
  const weights = new Map<string, Float64Array>();
  for (const [name, offset] of offsets) weights.set(name, flat.subarray(offset, offset + K));
  return {
    k: K,
    bias,
    threshold,
    logitThreshold,
    weights,
    flat,
    ...index(offsets),
    sentence: 0,
    scores: new Float64Array(K),
  };
}

const SHAPE_INDEX = new Map<string, number>(SHAPES.map((s, i) => [s, i]));
const CONCEPT_INDEX = new Map<string, number>(CONCEPT_NAMES.map((c, i) => [c, i]));

/** Sorts named weights (by offset into `flat`) into the word, pair, concept, shape and cross tables. */
function index(offsets: ReadonlyMap<string, number>) {
  const words = new Map<string, WordSlots>();
  const concepts = new Int32Array(CONCEPT_NAMES.length).fill(-1);
  const shapes = new Int32Array(SHAPES.length).fill(-1);
  const crosses = new Int32Array(CROSSED_SHAPES * CONCEPT_NAMES.length).fill(-1);
  const slots = (word: string): WordSlots => {
    let s = words.get(word);
    if (!s) {
      const info = WORD_INFO.get(word);
      s = {
        flags: info?.flags ?? 0,
        phrases: info?.phrases,
        word: undefined,
        first: undefined,
        pairs: undefined,
      };
      words.set(word, s);
    }
    return s;
  };
  for (const word of WORD_INFO.keys()) slots(word);
  for (const [name, w] of offsets) {
    const stale = () => new Error(`learned model: unknown feature ${name} (retrain with npm run train)`);
    if (name.startsWith('@')) {
      const amp = name.indexOf('&');
      if (amp < 0) {
        const s = SHAPE_INDEX.get(name);
        if (s === undefined) throw stale();
        shapes[s] = w;
      } else {
        const s = SHAPE_INDEX.get(name.slice(0, amp));
        const c = CONCEPT_INDEX.get(name.slice(amp + 1));
        if (s === undefined || c === undefined || s >= CROSSED_SHAPES) throw stale();
        crosses[s * CONCEPT_NAMES.length + c] = w;
      }
    } else if (name.startsWith('#')) {
      const c = CONCEPT_INDEX.get(name);
      if (c === undefined) throw stale();
      concepts[c] = w;
    } else if (name.startsWith('^_')) {
      slots(name.slice(2)).first = { at: w, stamp: -1 };
    } else {
      const cut = name.indexOf('_');
      if (cut < 0) slots(name).word = { at: w, stamp: -1 };
      else {
        const s = slots(name.slice(0, cut));
        s.pairs ??= new Map();
        s.pairs.set(name.slice(cut + 1), { at: w, stamp: -1 });
      }
    }
  }
  return { words, concepts, shapes, crosses };
}

function addTo(out: Float64Array, w: Float64Array | undefined): void {
  if (w === undefined) return;
  for (let k = 0; k < out.length; k++) out[k]! += w[k]!;
}

/** What the one scoring sink adds to: set per sentence (scoring is synchronous, never nested). */
const scoring: {
  flat: Float64Array;
  out: Float64Array;
  stamp: number;
  concepts: Int32Array;
  shapes: Int32Array;
  crosses: Int32Array;
} = {
  flat: new Float64Array(0),
  out: new Float64Array(0),
  stamp: 0,
  concepts: new Int32Array(0),
  shapes: new Int32Array(0),
  crosses: new Int32Array(0),
};

/** Adds the vector at `at` in the model's flat weights (none when -1). */
function addAt(at: number): void {
  if (at < 0) return;
  const { out, flat } = scoring;
  for (let k = 0; k < out.length; k++) out[k]! += flat[at + k]!;
}

function once(slot: Slot | undefined): void {
  if (slot === undefined || slot.stamp === scoring.stamp) return;
  slot.stamp = scoring.stamp;
  addAt(slot.at);
}

/** Sums weights as the walk finds features; one object for every sentence, no closures per call. */
const SCORING_SINK: FeatureSink = {
  tokens(tokens: readonly Token[], count: number): void {
    // The walk looked each word up in the model's word table, so its info holds its weights.
    for (let i = 0; i < count; i++) once(tokens[i]!.info.word);
    once(tokens[0]!.info.first);
    for (let i = 1; i < count; i++) once(tokens[i - 1]!.info.pairs?.get(tokens[i]!.text));
  },
  concept(index: number): void {
    addAt(scoring.concepts[index]!);
  },
  shape(index: number): void {
    addAt(scoring.shapes[index]!);
  },
  cross(shape: number, concept: number): void {
    addAt(scoring.crosses[shape * CONCEPT_NAMES.length + concept]!);
  },
};

/**
 * A sentence's logit for every category, read straight off the draft: the same features,
 * in the same order, as `sentenceLogits(model, sentenceFeatures(…))`, without building a
 * name per feature. What the coach runs per sentence. The array is reused: read it before
 * the next call.
 *
 * @example
 * const logits = scoreSentence(model, n, segments.sentences[0], segments.quoted);
 */
export function scoreSentence(
  model: CompiledModel,
  n: Normalized,
  sentence: Range,
  quoted: readonly Range[],
): Float64Array {
  const out = model.scores;
  out.set(model.bias);
  scoring.out = out;
  scoring.flat = model.flat;
  scoring.concepts = model.concepts;
  scoring.shapes = model.shapes;
  scoring.crosses = model.crosses;
  scoring.stamp = ++model.sentence;
  visitFeatures(n, sentence, quoted, SCORING_SINK, model.words);
  return out;
}

/**
 * A sentence's logit for every category, from its features by name (as training sees them).
 *
 * @example
 * const logits = sentenceLogits(model, sentenceFeatures(n, sentence, []));
 */
export function sentenceLogits(
  model: CompiledModel,
  features: Pick<SentenceFeatures, 'names'>,
): Float64Array {
  const out = new Float64Array(model.k);
  out.set(model.bias);
  for (const name of features.names) addTo(out, model.weights.get(name));
  return out;
}

/** The logistic function: a logit as a probability. */
export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
